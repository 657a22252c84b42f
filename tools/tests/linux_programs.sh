#!/usr/bin/env bash
# linux_programs.sh - the Linux programs user/linux/NAME.c, built on the
# host with glibc and with musl (gcc -m32 -static; the Makefile puts them
# at /linux/glibc/NAME and /linux/musl/NAME), run unchanged on Relay.  Each
# must exit 0 and print "NAME: ok", as it does on Linux.  Prints one line
# per binary; fails if any failed.  Adding a program is adding a file to
# user/linux/.  musl comes from `tools/deps.sh musl` (make test fetches it).
# Waits for issue 10's loader work (set_thread_area, auxv, SSE) on Relay.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

cd "$repo_root"
make_tmpdir
[[ -f build/deps/musl/usr/lib/i386-linux-musl/libc.a ]] ||
	die "no musl in build/deps: run tools/deps.sh musl (as root), then make"
failed=0 total=0
for file in user/linux/*.c; do
	name=$(basename "$file" .c)
	for libc in glibc musl; do
		total=$((total + 1))
		status=0
		tools/qemu-run --timeout 30 -- "/linux/$libc/$name" >"$tmpdir/out" 2>&1 || status=$?
		if [[ $status == 0 ]] && grep -qx "$name: ok" "$tmpdir/out"; then
			echo "ok   $libc/$name"
		else
			echo "FAIL $libc/$name (exit status $status)"
			sed 's/^/    /' "$tmpdir/out" | tail -n 20
			failed=$((failed + 1))
		fi
	done
done
echo "linux_programs: $((total - failed)) of $total ran as on Linux"
((failed == 0))
