#!/usr/bin/env bash
# keyboard.sh - host-side test of the PS/2 keyboard path: boots
# build/kernel.elf in headless QEMU with no command (init starts an
# interactive shell) and types on the emulated keyboard with the QEMU
# monitor's `sendkey` (scan codes -> IRQ 1 -> the terminal), not on the
# serial line.  The console output is read from COM1.
#   - `echo typed` and Enter: "typed" is printed;
#   - `sleep 50`, then Ctrl-C: the prompt comes back within seconds.
# Each step waits at most $reply_timeout seconds; QEMU is killed on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

kernel=$repo_root/build/kernel.elf
boot_timeout=30
reply_timeout=15
key_delay=0.05		# seconds between two keys
[[ -f $kernel ]] || die "no $kernel (run make first)"
make_tmpdir
# The keyboard is QEMU's monitor: commands go to monitor.in (answers come
# back on monitor.out); COM1 only shows what the shell prints.
mkfifo "$tmpdir/monitor.in" "$tmpdir/monitor.out"
boot_console -kernel "$kernel" -monitor "pipe:$tmpdir/monitor"
cat "$tmpdir/monitor.out" >"$tmpdir/monitor.log" &
kill_on_exit+=($!)
exec {monitor}<>"$tmpdir/monitor.in"

# fail MESSAGE - report MESSAGE, the monitor's messages and the console.
fail() {
	echo "--- monitor messages:"
	tr -d '\r' <"$tmpdir/monitor.log" | grep -av '^(qemu)' || true
	console_fail "$@"
}

# since_typed - what the console showed since the last line was typed.
since_typed() {
	tail -c "+$((typed_offset + 1))" "$console" | tr -d '\r'
}

# prompt_back - true once that has a line break and ends in "$ ".
prompt_back() {
	local text
	text=$(since_typed)
	[[ $text == *$'\n'* && $text == *'$ ' ]]
}

# shows REGEX - true once a line of it matches REGEX.
shows() {
	since_typed | grep -Eq -- "$1"
}

# key NAME... - press keys, by their QEMU names (a, spc, ret, ctrl-c).
key() {
	local name
	for name; do
		echo "sendkey $name" >&"$monitor"
		sleep "$key_delay"
	done
}

# type_line TEXT - type TEXT (letters, digits and spaces) and Enter.
type_line() {
	local i c
	typed_offset=$(stat -c %s "$console")
	for ((i = 0; i < ${#1}; i++)); do
		c=${1:i:1}
		if [[ $c == ' ' ]]; then
			key spc
		else
			key "$c"
		fi
	done
	key ret
}

typed_offset=0
wait_until "$boot_timeout" "$qemu_pid" prompt_back ||
	fail "no shell prompt (a line ending in '\$ ') within $boot_timeout s"

type_line 'echo typed'
wait_until "$reply_timeout" "$qemu_pid" shows '^typed$' ||
	fail "typed 'echo typed' on the keyboard, but saw no line 'typed'"
wait_until "$reply_timeout" "$qemu_pid" prompt_back ||
	fail "no prompt after 'echo typed'"

# Ctrl-C, again if need be: the first may come before sleep has the terminal.
type_line 'sleep 50'
sleep 1
for _ in 1 2 3; do
	key ctrl-c
	wait_until 5 "$qemu_pid" prompt_back && break
done
prompt_back || fail "Ctrl-C on the keyboard did not end 'sleep 50'"
shows '\^C' || fail "Ctrl-C was not echoed as ^C"

type_line 'echo alive'
wait_until "$reply_timeout" "$qemu_pid" shows '^alive$' ||
	fail "the shell did not answer after Ctrl-C"
echo "keys typed on the PS/2 keyboard reached the shell, and Ctrl-C ended sleep"
