#!/usr/bin/env bash
# linux_busybox.sh - Debian's busybox-static for i386, unmodified, runs on
# Relay: its shell runs tools/tests/linux/busybox.sh (a pipeline, $(...),
# trap, background jobs and wait, and the applets ls -l, ps, kill -l,
# mkfifo, sleep, id, touch, ln -s), whose output must be the lines of
# busybox.expected - what the same script prints on Linux (check it with
# tools/linux-run, see the README).  busybox comes from `tools/deps.sh
# busybox` (make test fetches it).
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
status=0
"$repo_root/tools/qemu-run" --timeout 60 --kernel "$kernel" -- \
	/linux/busybox sh /linux/busybox.sh >"$tmpdir/out" 2>&1 || status=$?
if [[ $status != 0 ]] || ! diff -u "$here/busybox.expected" "$tmpdir/out" >"$tmpdir/diff"; then
	echo "busybox sh busybox.sh on Relay: exit status $status; expected (-) and got (+):"
	diff -u "$here/busybox.expected" "$tmpdir/out" || true
	exit 1
fi
echo "busybox sh: $(wc -l <"$tmpdir/out") lines as expected"
