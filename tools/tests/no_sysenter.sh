#!/usr/bin/env bash
# no_sysenter.sh - host-side test of a CPU without sysenter (QEMU's
# -cpu qemu32,-sep): exec then passes no AT_SYSINFO (abi_sysenter says
# so and fails), and programs make every call with int 0x80 - Relay's
# libc (a pipe, a signal and an exec test) and a glibc program alike.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

machine="-cpu qemu32,-sep"
failed=0

for prog in /test/pipe_basic /test/sig_action /test/exec_errors /linux/glibc/hello; do
	if ! out=$(QEMU_EXTRA="$machine" "$repo_root/tools/qemu-run" --timeout 60 -- "$prog" 2>&1); then
		echo "FAIL $prog with QEMU $machine:"
		echo "$out"
		failed=1
	fi
done
if out=$(QEMU_EXTRA="$machine" "$repo_root/tools/qemu-run" --timeout 60 -- /test/abi_sysenter 2>&1) ||
	! grep -q 'no AT_SYSINFO' <<<"$out"; then
	echo "FAIL abi_sysenter without sysenter: expected it to find no AT_SYSINFO:"
	echo "$out"
	failed=1
fi
exit "$failed"
