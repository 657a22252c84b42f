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

boot_console -cdrom "$iso" -device isa-debug-exit,iobase=0xf4,iosize=0x04

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
	console_fail "no shell prompt (a line ending in '\$ ') within $boot_timeout s"
ps_offset=$(stat -c %s "$console")
printf 'ps\n' >&"$serial"
wait_until "$reply_timeout" "$qemu_pid" ps_listed ||
	console_fail "typed ps, but saw no header with PID followed by a line for ps within $reply_timeout s"
echo "GRUB booted the kernel, the shell prompted and ps listed itself"
