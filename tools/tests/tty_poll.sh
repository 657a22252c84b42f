#!/usr/bin/env bash
# tty_poll.sh - host-side test of poll on the terminal: busybox's shell
# builtin `read` polls its standard input (POLLIN) before each byte it
# reads, so two lines typed on the serial console (tools/qemu-run
# --input) must come back whole from two `read`s.  The terminal is in
# canonical mode: it is readable once a line is complete.  busybox comes
# from `tools/deps.sh busybox` (make test fetches it).  With nothing
# typed, `read -t 1` must time out: the terminal is not readable.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

busybox=$repo_root/build/deps/busybox/bin/busybox
[[ -x $busybox ]] || die "no busybox in build/deps: run tools/deps.sh busybox (as root)"

typed=$'one two\nthree\n'
expected="[one two][three] 0"

output=$(printf '%s' "$typed" | "$repo_root/tools/qemu-run" --timeout 30 --input - -- \
	/linux/busybox sh -c 'read a; read b; echo "[$a][$b] $?"') ||
	die "qemu-run failed (status $?)"
if [[ $output != *"$expected"* ]]; then
	echo "tty_poll: expected a line $(printf '%q' "$expected"); console:"
	printf '%s\n' "$output"
	exit 1
fi
echo "tty_poll: busybox read two typed lines"

# Nothing typed: the terminal is never readable, so `read -t 1` gives up
# after its second (status 1) instead of sleeping in read() for ever.
output=$("$repo_root/tools/qemu-run" --timeout 30 -- \
	/linux/busybox sh -c 'read -t 1 a; echo "status $?"') ||
	die "qemu-run failed (status $?): did read -t sleep in read()?"
[[ $output == *"status 1"* ]] || die "read -t 1 with nothing typed: $output"
echo "tty_poll: read -t 1 timed out with nothing typed"
