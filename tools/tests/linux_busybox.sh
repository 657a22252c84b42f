#!/usr/bin/env bash
# linux_busybox.sh - Debian's busybox-static for i386, unmodified, runs on
# Relay: its shell runs tools/tests/linux/busybox.sh (a pipeline, $(...),
# trap, background jobs and wait, and the applets ls -l, ps, kill -l,
# mkfifo, sleep, id, touch, ln -s), whose output must be the lines of
# busybox.expected - what the same script prints on Linux, which the test
# checks first with tools/linux-run.  busybox and the Linux kernel come
# from `tools/deps.sh busybox linux` (make test fetches them).
# Waits for issue 10's loader work (set_thread_area) and file calls
# (openat, stat64, symlinks, /proc for ps).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

busybox=$repo_root/build/deps/busybox/bin/busybox
here=$repo_root/tools/tests/linux
[[ -x $busybox ]] || die "no busybox in build/deps: run tools/deps.sh busybox (as root)"
make_tmpdir
kernel=$("$repo_root/tools/relay-image.sh" linux_busybox \
	"$busybox=/linux/busybox" "$here/busybox.sh=/linux/busybox.sh")

# The expected lines are Linux's: check them there first (tools/linux-run).
status=0
"$repo_root/tools/linux-run" --timeout 60 --add "$busybox=/linux/busybox" \
	--add "$here/busybox.sh=/linux/busybox.sh" -- /linux/busybox sh /linux/busybox.sh \
	>"$tmpdir/linux" 2>&1 || status=$?
if [[ $status != 0 ]] || ! diff -u "$here/busybox.expected" "$tmpdir/linux" >"$tmpdir/diff"; then
	echo "busybox.expected is not what Linux prints (exit status $status):"
	cat "$tmpdir/diff"
	exit 1
fi

status=0
"$repo_root/tools/qemu-run" --timeout 60 --kernel "$kernel" -- \
	/linux/busybox sh /linux/busybox.sh >"$tmpdir/out" 2>&1 || status=$?
if [[ $status != 0 ]] || ! diff -u "$here/busybox.expected" "$tmpdir/out" >"$tmpdir/diff"; then
	echo "busybox sh busybox.sh on Relay: exit status $status; expected (-) and got (+):"
	diff -u "$here/busybox.expected" "$tmpdir/out" || true
	exit 1
fi
echo "busybox sh: $(wc -l <"$tmpdir/out") lines as expected"
