#!/usr/bin/env bash
# kstack_overflow.sh - host-side test of the kernel stack guard page: boots
# with the `kstack_overflow` option, which makes init recurse in the kernel
# until its kernel stack runs into the unmapped guard page below it.  That
# must end in a panic that says so (reported by the double fault task),
# never in silent corruption or a reset: passes iff qemu-run reports a
# panic (status 125) whose report names the overflow and init.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

[[ -f $repo_root/build/kernel.elf ]] || die "no build/kernel.elf (run make first)"
make_tmpdir

status=0
"$repo_root/tools/qemu-run" --timeout 30 --append-kernel kstack_overflow -- true \
	>"$tmpdir/out" 2>&1 || status=$?
cat "$tmpdir/out"
[[ $status -eq 125 ]] || die "qemu-run status $status, expected 125 (a panic)"
grep -q 'kernel stack overflow into its guard page' "$tmpdir/out" ||
	die "the panic does not name the kernel stack overflow"
grep -q 'current process: pid 1 (init)' "$tmpdir/out" ||
	die "the panic does not name the overflowing process"
