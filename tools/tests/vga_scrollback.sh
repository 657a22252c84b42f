#!/usr/bin/env bash
# vga_scrollback.sh - host-side test of the VGA console's scrollback:
# boots build/kernel.elf headless (the VGA text buffer still exists) with
# the QEMU monitor on a pipe, runs sigdemo (about 120 lines) from the
# serial console and reads the screen from VGA memory (monitor `xp` at
# 0xb8000):
#   - at the end, sigdemo's first line has scrolled off the screen;
#   - after Shift-PageUp pressed on the PS/2 keyboard (sendkey), the
#     screen shows it again: it came back from the scrollback;
#   - after as many Shift-PageDown, the screen shows the last lines again;
#   - scrolled back once more, new output returns the view to the bottom.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

kernel=$repo_root/build/kernel.elf
boot_timeout=30
reply_timeout=30
pages_back=12			# Shift-PageUp presses: 12 x half a screen
vga_cells=2000			# 80 x 25
[[ -f $kernel ]] || die "no $kernel (run make first)"
make_tmpdir
mkfifo "$tmpdir/monitor.in" "$tmpdir/monitor.out"
boot_console -kernel "$kernel" -monitor "pipe:$tmpdir/monitor"
cat "$tmpdir/monitor.out" >"$tmpdir/monitor.log" &
kill_on_exit+=($!)
exec {monitor}<>"$tmpdir/monitor.in"

since() { tail -c "+$((offset + 1))" "$console" | tr -d '\r'; }
prompt_back() {
	local text
	text=$(since)
	[[ $text == *$'\n'* && $text == *'$ ' ]]
}
key() {
	echo "sendkey $1" >&"$monitor"
	sleep 0.1
}

# screen - the 25 lines of the VGA screen, read through the monitor.
dumps=0
screen() {
	dumps=$((dumps + 1))
	local tag="dump-$dumps"
	echo "xp /${vga_cells}hx 0xb8000" >&"$monitor"
	echo "info $tag" >&"$monitor"	# an unknown command, as an end marker
	wait_until 10 "$qemu_pid" grep -q "$tag" "$tmpdir/monitor.log" || fail "no answer from the monitor"
	tr -d '\r' <"$tmpdir/monitor.log" |
		sed -n "/xp \\/${vga_cells}hx/,/$tag/p" | tail -n +2 |
		grep -o '0x[0-9a-f]\{4\}' | head -n "$vga_cells" |
		python3 -c '
import sys
cells = [int(w, 16) & 0xff for w in sys.stdin.read().split()]
text = "".join(chr(c) if 32 <= c < 127 else " " for c in cells)
for r in range(0, len(text), 80):
    print(text[r:r + 80].rstrip())'
	: >"$tmpdir/monitor.log"
}
fail() {
	echo "--- last screen:"
	cat "$tmpdir/screen" 2>/dev/null || true
	console_fail "$@"
}

offset=0
wait_until "$boot_timeout" "$qemu_pid" prompt_back || fail "no shell prompt"
offset=$(stat -c %s "$console")
printf 'sigdemo\r' >&"$serial"
wait_until "$reply_timeout" "$qemu_pid" prompt_back || fail "sigdemo did not end"
sleep 0.5

screen >"$tmpdir/screen"
grep -q 'That is all' "$tmpdir/screen" || fail "the screen does not show sigdemo's last line"
grep -q 'a tour of signals' "$tmpdir/screen" && fail "sigdemo's first line is still on the screen"

for ((i = 0; i < pages_back; i++)); do key shift-pgup; done
screen >"$tmpdir/screen"
grep -q 'a tour of signals' "$tmpdir/screen" ||
	fail "after Shift-PageUp x $pages_back the screen does not show sigdemo's first line"

for ((i = 0; i < pages_back; i++)); do key shift-pgdn; done
screen >"$tmpdir/screen"
grep -q 'That is all' "$tmpdir/screen" || fail "after Shift-PageDown the screen is not back at the bottom"

key shift-pgup
offset=$(stat -c %s "$console")
printf 'echo back-at-the-bottom\r' >&"$serial"
wait_until "$reply_timeout" "$qemu_pid" prompt_back || fail "echo did not run"
sleep 0.3
screen >"$tmpdir/screen"
grep -q '^back-at-the-bottom$' "$tmpdir/screen" || fail "new output did not bring the view back to the bottom"
echo "vga_scrollback: Shift-PageUp showed scrolled-off lines, Shift-PageDown and output came back"
