#!/usr/bin/env bash
# time_sources.sh - host-side test of the kernel's clock on the machines
# it must also handle: a CPU without a TSC (QEMU's -cpu qemu32,-tsc: the
# kernel counts PIT interrupts instead), and QEMU's -icount, under which
# the TSC counts instructions (as in `make bench`) and the boot-time
# calibration must measure that rate.  Each runs the user tests that do
# not depend on the TSC: time_res (resolution, consistency), time_sleep
# (long and bad timeouts) and time_clock.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

tests=(time_res time_sleep time_clock)
machines=("-cpu qemu32,-tsc" "-icount shift=0,sleep=off")
failed=0

for machine in "${machines[@]}"; do
	for t in "${tests[@]}"; do
		if ! out=$(QEMU_EXTRA="$machine" "$repo_root/tools/qemu-run" \
				--timeout 60 -- "/test/$t" 2>&1); then
			echo "FAIL $t with QEMU $machine:"
			echo "$out"
			failed=1
		fi
	done
done
exit "$failed"
