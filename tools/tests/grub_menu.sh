#!/usr/bin/env bash
# grub_menu.sh - host-side test of the boot ISO's GRUB menu: boots
# build/os.iso headless, waits for the menu on the serial console (both
# entries named, a countdown of a few seconds), picks the second entry
# (Ctrl-N, Enter) and expects the kernel's self-test lines, then the shell.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

iso=$repo_root/build/os.iso
boot_timeout=60
[[ -f $iso ]] || die "no $iso (run make first)"
make_tmpdir

boot_console -cdrom "$iso"

menu_shown() {
	grep -aq 'executed automatically in [2-9]s' "$console"
}
wait_until "$boot_timeout" "$qemu_pid" menu_shown ||
	console_fail "no GRUB menu with a countdown on the serial console"
grep -aq 'Relay teaching kernel' "$console" || console_fail "no entry named 'Relay teaching kernel'"
grep -aq 'self-tests' "$console" || console_fail "no second entry with the self-tests"
printf '\016' >&"$serial"
sleep 0.5
printf '\r' >&"$serial"

selftests_ran() {
	grep -aq 'selftest [a-z_]*: ok' "$console" && grep -aq '\$ $' "$console"
}
wait_until "$boot_timeout" "$qemu_pid" selftests_ran ||
	console_fail "the second entry did not run the self-tests and start the shell"
if grep -aq 'selftest [a-z_]*: FAIL' "$console"; then
	console_fail "a self-test failed"
fi
echo "GRUB showed its menu and the second entry ran the self-tests"
