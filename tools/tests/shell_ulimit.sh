#!/usr/bin/env bash
# shell_ulimit.sh - host-side test of the shell's ulimit builtin, in one
# boot: setting with neither -H nor -S sets both limits, -S or -H only
# one; a limit is shown soft unless -H, in bash's units (-c and -f in
# 1024-byte blocks, -s in KiB, -n a count); `ulimit` alone shows -f;
# "unlimited"; a bad option (status 2) or number (status 1); a child
# shell inherits the limits; `ulimit -a` lines are bash's.  The expected
# lines are what bash prints for the same commands.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

qemu_timeout=30
[[ -f $repo_root/build/kernel.elf ]] || die "no kernel (run make first)"
make_tmpdir

script='ulimit -n 20; ulimit -n; ulimit -Hn; ulimit -Sn 10; ulimit -n; ulimit -Hn
ulimit -c 0; ulimit -c; ulimit -Hc; ulimit -c unlimited; ulimit -c
ulimit -f 2048; ulimit -f; ulimit -s 1024; ulimit -s; ulimit -H -s; ulimit
ulimit -Z 2>/dev/null; echo status $?; ulimit -n abc 2>/dev/null; echo status $?
sh -c "ulimit -n"; ulimit -a'
expected='20
20
10
20
0
0
unlimited
2048
1024
1024
2048
status 2
status 1
10
core file size              (blocks, -c) unlimited
data seg size               (kbytes, -d) unlimited
file size                   (blocks, -f) 2048
open files                          (-n) 10
stack size                  (kbytes, -s) 1024'

status=0
"$repo_root/tools/qemu-run" --timeout "$qemu_timeout" -- sh -c "$script" \
	2>&1 | tr -d '\r' >"$tmpdir/out" || status=$?
head -n "$(wc -l <<<"$expected")" "$tmpdir/out" >"$tmpdir/got"
if [[ $status != 0 ]] || ! diff -u <(echo "$expected") "$tmpdir/got"; then
	echo "shell_ulimit: exit status $status; the whole output:"
	cat "$tmpdir/out"
	exit 1
fi
echo "shell_ulimit: ulimit printed what bash prints"
