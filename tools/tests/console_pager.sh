#!/usr/bin/env bash
# console_pager.sh - host-side test, typed on the serial console of an
# interactive shell (build/kernel.elf booted with no command):
#   - Ctrl-C discards input typed ahead: during `sleep 100` the line
#     `echo typed-ahead` is typed, then Ctrl-C; the prompt comes back on a
#     line of its own (right after "^C") and the typed-ahead line never
#     runs;
#   - `msgdemo -c 16 | more` stops at --More-- with a screenful shown; space
#     shows the next one; q quits, msgdemo ends on SIGPIPE, and ipcs then
#     lists no message queue; `more` restored the terminal (echo on).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

kernel=$repo_root/build/kernel.elf
boot_timeout=30
reply_timeout=15
screen_rows=25
[[ -f $kernel ]] || die "no $kernel (run make first)"
make_tmpdir
boot_console -kernel "$kernel"

mark() { mark_offset=$(stat -c %s "$console"); }
reply() { tail -c "+$((mark_offset + 1))" "$console" | tr -d '\r'; }
reply_has() { reply | grep -Eq -- "$1"; }
expect() {
	wait_until "$reply_timeout" "$qemu_pid" reply_has "$1" ||
		console_fail "expected $2 (a line matching '$1')"
}
prompt_back() {
	local text
	text=$(tail -c "+$((mark_offset + 1))" "$console")
	[[ $text == *$'\n'* && $text == *'$ ' ]]
}
type_line() { printf '%s\r' "$1" >&"$serial"; }

mark_offset=0
wait_until "$boot_timeout" "$qemu_pid" prompt_back || console_fail "no shell prompt"

# Ctrl-C discards typed-ahead input.
mark
type_line 'sleep 100'
sleep 1
type_line 'echo typed-ahead'
sleep 0.5
mark
printf '\003' >&"$serial"
wait_until "$reply_timeout" "$qemu_pid" prompt_back || console_fail "no prompt after Ctrl-C"
sleep 1
reply | grep -q '^\^C$' || console_fail "^C is not on a line of its own"
reply | grep -Eq '^\^C.*\$ ' && console_fail "the prompt follows ^C on the same line"
reply | grep -q 'typed-ahead' && console_fail "the line typed ahead of Ctrl-C ran"
mark
type_line 'echo marker'
expect '^marker$' 'the shell to run the next command'

# msgdemo | more
mark
type_line 'msgdemo -c 16 | more'
expect 'More--' 'the --More-- prompt'
sleep 0.5
lines=$(reply | sed -n '2,/More--/p' | wc -l)
((lines >= screen_rows - 2 && lines <= screen_rows)) ||
	console_fail "more showed $lines lines before --More--, expected a screenful ($screen_rows - 1)"
mark
printf ' ' >&"$serial"
expect 'More--' 'the next screenful after space'
printf 'q' >&"$serial"
sleep 0.5
wait_until "$reply_timeout" "$qemu_pid" prompt_back || console_fail "no prompt after q"
mark
type_line 'ipcs -q; echo ipcs-done'
expect '^ipcs-done$' 'ipcs to finish'
reply_has '^0x' && console_fail "msgdemo left its queue behind after more quit"
mark
type_line 'echo echo-works'
expect '^echo echo-works$' 'typed input echoed again after more (terminal restored)'
echo "console_pager: Ctrl-C discards typed-ahead input; more pages a demo and quits cleanly"
