#!/usr/bin/env bash
# iso_boot.sh - host-side test of the bootable image: boots build/os.iso
# through GRUB in headless QEMU, waits for the interactive shell's prompt
# (a line ending in "$ ") on the serial console, types `ps` and checks that
# the reply has a header with PID and a line for ps itself.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

iso=$repo_root/build/os.iso
boot_timeout=30
reply_timeout=15
[[ -f $iso ]] || die "no $iso (run make first)"
make_tmpdir
console=$tmpdir/console

# QEMU reads COM1's input from com1.in and writes its output to com1.out.
mkfifo "$tmpdir/com1.in" "$tmpdir/com1.out"
qemu-system-i386 -m 128M -no-reboot -display none -cdrom "$iso" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-serial "pipe:$tmpdir/com1" </dev/null 2>"$tmpdir/qemu.err" &
qemu_pid=$!
kill_on_exit+=("$qemu_pid")
: >"$console"
cat "$tmpdir/com1.out" >"$console" &
kill_on_exit+=($!)
# Read-write, so that opening the FIFO does not wait for QEMU.
exec {keyboard}<>"$tmpdir/com1.in"

# fail MESSAGE - report MESSAGE with what the console showed, and exit 1.
fail() {
	echo "iso_boot: $*"
	echo "--- serial console:"
	tr -d "\r" <"$console"
	echo
	cat "$tmpdir/qemu.err"
	exit 1
}

# prompt_shown - true once the console shows a line ending in "$ ".
prompt_shown() {
	grep -q '\$ $' "$console"
}

# ps_listed - true once the console, from byte $ps_offset on, shows a
# header with PID followed by a line for the ps command.
ps_listed() {
	tail -c "+$((ps_offset + 1))" "$console" | awk '
		/PID/ { header = 1; next }
		header && /(^|[[:space:]\/])ps([[:space:]]|$)/ { found = 1 }
		END { exit !found }'
}

wait_until "$boot_timeout" "$qemu_pid" prompt_shown ||
	fail "no shell prompt (a line ending in '\$ ') within $boot_timeout s"
ps_offset=$(stat -c %s "$console")
printf 'ps\n' >&"$keyboard"
wait_until "$reply_timeout" "$qemu_pid" ps_listed ||
	fail "typed ps, but saw no header with PID followed by a line for ps within $reply_timeout s"
echo "GRUB booted the kernel, the shell prompted and ps listed itself"
