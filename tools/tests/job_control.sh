#!/usr/bin/env bash
# job_control.sh - host-side test of the interactive shell's job control,
# typed on the serial console as a user would: boots build/kernel.elf in
# headless QEMU with no command (so init starts an interactive shell) and
#   - `sleep 100`, then Ctrl-C (the byte 0x03): the prompt comes back, $?
#     is 130 and the shell still runs commands;
#   - `sleep 100`, Ctrl-Z: "[1]+  Stopped"; `fg` continues it, Ctrl-C;
#   - `yes > /dev/null &`, `kill -STOP %1`: ps shows yes stopped (T), and
#     jobs too; `kill -CONT %1`: ps shows it running (R or S); stopped
#     again, `kill -USR1 %1` leaves SIGUSR1 pending, as ps shows; `kill -9
#     %1`: the job is reported as Killed.
# Each step waits at most $reply_timeout seconds; QEMU is killed on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

kernel=$repo_root/build/kernel.elf
boot_timeout=30
reply_timeout=15
ctrl_c=$'\003'
ctrl_z=$'\032'
[[ -f $kernel ]] || die "no $kernel (run make first)"
make_tmpdir

boot_console -kernel "$kernel"

# mark - the console's output from now on is "the reply".
mark() {
	mark_offset=$(stat -c %s "$console")
}
reply() {
	tail -c "+$((mark_offset + 1))" "$console" | tr -d '\r'
}

# reply_has REGEX - true once a line of the reply matches REGEX.
reply_has() {
	reply | grep -Eq -- "$1"
}

# expect REGEX WHAT - wait until a line of the reply matches REGEX.
expect() {
	wait_until "$reply_timeout" "$qemu_pid" reply_has "$1" ||
		console_fail "expected $2 (a line matching '$1')"
}

# start LINE - type LINE and Enter.
start() {
	line_offset=$(stat -c %s "$console")
	printf '%s\r' "$1" >&"$serial"
}

# prompt_back - true once, since the last line was typed, the console
# has shown a line break and now ends in "$ ".
prompt_back() {
	local text
	text=$(tail -c "+$((line_offset + 1))" "$console")
	[[ $text == *$'\n'* && $text == *'$ ' ]]
}

wait_prompt() {
	wait_until "$reply_timeout" "$qemu_pid" prompt_back ||
		console_fail "no prompt within $reply_timeout s"
}

# run LINE - type LINE and Enter, and wait for the next prompt.
run() {
	start "$1"
	wait_prompt
}

# press KEY - type the control character KEY (e.g. $ctrl_z).
press() {
	printf '%s' "$1" >&"$serial"
}

# press_until_prompt KEY - type the control character KEY (e.g. $ctrl_c)
# until the prompt comes back: the first one may come before the command
# has started and taken the terminal, and then nobody gets its signal.
press_until_prompt() {
	for _ in 1 2 3; do
		press "$1"
		if wait_until 5 "$qemu_pid" prompt_back; then
			return
		fi
	done
	console_fail "the prompt did not come back after $(printf '%q' "$1")"
}

line_offset=0
wait_until "$boot_timeout" "$qemu_pid" prompt_back ||
	console_fail "no shell prompt (a line ending in '\$ ') within $boot_timeout s"

# Ctrl-C ends the foreground job, not the shell.
start 'sleep 100'
sleep 1
press_until_prompt "$ctrl_c"
mark
run 'echo alive $?'
expect '^alive 130$' '"alive 130" after Ctrl-C'

# Ctrl-Z stops it; fg continues it in the foreground.
mark
start 'sleep 100'
sleep 1
press_until_prompt "$ctrl_z"
expect '^\[1\]\+ +Stopped +sleep 100$' '"[1]+  Stopped  sleep 100" after Ctrl-Z'
mark
start 'fg'
expect '^sleep 100$' 'fg to print the command it continues'
sleep 1
press_until_prompt "$ctrl_c"
mark
run 'jobs; echo alive'
expect '^alive$' 'the shell to run commands after fg and Ctrl-C'
! reply_has '^\[' || console_fail "jobs still lists a job after fg and Ctrl-C"

# A background job, stopped, continued and killed with kill %1.
mark
run 'yes > /dev/null &'
expect '^\[1\] [0-9]+$' 'the background job to be reported as "[1] PID"'
run 'kill -STOP %1'
mark
run 'ps'
expect ' T +[0-9]+:[0-9]+ yes ' 'ps to show yes stopped (T)'
mark
run 'jobs'
expect '^\[1\]\+ +Stopped +yes > /dev/null$' 'jobs to show the job stopped'
run 'kill -CONT %1'
mark
run 'ps'
expect ' [RS] +[0-9]+:[0-9]+ yes ' 'ps to show yes running after kill -CONT'
! reply_has ' T +[0-9]+:[0-9]+ yes ' || console_fail "yes is still stopped after kill -CONT"
# A stopped process keeps the signals sent to it pending.
run 'kill -STOP %1'
run 'kill -USR1 %1'
mark
run 'ps'
expect ' T +[0-9]+:[0-9]+ yes +USR1 ' 'ps to show SIGUSR1 pending for the stopped yes'
# The report comes before a prompt once yes has died, or from jobs.
killed='^\[1\]\+ +Killed +yes > /dev/null$'
mark
run 'kill -9 %1'
for _ in 1 2 3; do
	reply_has "$killed" && break
	sleep 1
	run 'jobs'
done
expect "$killed" '"[1]+  Killed  yes > /dev/null"'
mark
run 'jobs; echo alive'
expect '^alive$' 'the shell to be alive at the end'
! reply_has '^\[' || console_fail "jobs still lists a job at the end"
echo "Ctrl-C, Ctrl-Z, fg, kill -STOP/-USR1/-CONT/-9 %1, jobs and ps behaved"
