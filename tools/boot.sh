#!/usr/bin/env bash
# boot.sh MODE - boot build/os.iso through GRUB in QEMU for `make run`,
# `make run-nox` and `make debug`:
#   window  a QEMU window, the serial console on this terminal too; with no
#           display (DISPLAY and WAYLAND_DISPLAY unset, or no X server
#           behind DISPLAY) it boots as nox instead
#   nox     headless, the serial console on this terminal
#   debug   headless, stopped before the first instruction, the gdb stub on
#           127.0.0.1:$GDBPORT
# The serial console is always `mon:stdio`, so Ctrl-C reaches the guest
# and Ctrl-A X quits QEMU.  A QEMU failure (say "Address already in use" on
# the gdb port) is printed and is this script's exit status, so make fails.
# Environment (set by the Makefile): QEMU, QEMU_ARGS, GDBPORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

qemu=${QEMU:-qemu-system-i386}
read -ra qemu_args <<<"${QEMU_ARGS:--m 128M -no-reboot}"
iso=$repo_root/build/os.iso
gdbport=${GDBPORT:-1234}
console=(-serial mon:stdio)

boot_nox() {
	echo "Booting build/os.iso headless; the serial console is this terminal."
	echo "Quit QEMU with Ctrl-A then X."
	exec "$qemu" "${qemu_args[@]}" -cdrom "$iso" -display none "${console[@]}"
}

boot_debug() {
	echo "QEMU is stopped and waits for gdb on port $gdbport; run 'make gdb' in another terminal."
	exec "$qemu" "${qemu_args[@]}" -cdrom "$iso" -display none "${console[@]}" \
		-gdb "tcp:127.0.0.1:$gdbport" -S
}

# boot_window - QEMU's own messages are kept until it ends: if it could not
# open a window it says so there, and the boot goes headless instead.
boot_window() {
	if [[ -z ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
		boot_nox
	fi
	make_tmpdir
	echo "Booting build/os.iso in a QEMU window (serial console also here)."
	local status=0
	"$qemu" "${qemu_args[@]}" -cdrom "$iso" "${console[@]}" \
		2>"$tmpdir/qemu.err" || status=$?
	if ((status != 0)) && grep -q 'initialization failed' "$tmpdir/qemu.err"; then
		echo "No window: QEMU cannot reach a display at '${DISPLAY:-$WAYLAND_DISPLAY}'."
		rm -rf "$tmpdir"
		boot_nox
	fi
	cat "$tmpdir/qemu.err" >&2
	exit "$status"
}

case ${1:-} in
window) boot_window ;;
nox) boot_nox ;;
debug) boot_debug ;;
*) die "usage: $prog window|nox|debug" ;;
esac
