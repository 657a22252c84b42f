#!/usr/bin/env bash
# fuzz.sh [CALLS] [SEED] - `make fuzz N=CALLS SEED=SEED`: a long system call
# fuzzing campaign, /bin/fuzz (user/bin/fuzz.c) run in the OS under QEMU.
# CALLS defaults to 1000000, SEED to the current time; the seed is printed
# first, so a failing campaign can be run again with the same seed.
#
# Passes (exit 0) iff the campaign made its calls without a kernel panic,
# a hang (of a worker in a call, or of the whole kernel: QEMU timed out)
# or a leak; the last line says which, with the seed.  The timeout is
# generous: BASE_SECS plus one second per SECS_PER_CALL calls.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

calls=${1:-1000000}
seed=${2:-$(date +%s)}
[[ $calls =~ ^[0-9]+$ && $seed =~ ^[0-9]+$ ]] || {
	echo "usage: tools/fuzz.sh [CALLS] [SEED]  (whole numbers)" >&2
	exit 2
}
base_secs=300
calls_per_sec=100		# far below the ~1000 calls/s of QEMU TCG
timeout=$((base_secs + calls / calls_per_sec))

make -s all
echo "fuzz.sh: seed $seed, $calls calls, timeout $timeout s"
start=$SECONDS
status=0
tools/qemu-run --timeout "$timeout" -- /bin/fuzz -n "$calls" -s "$seed" || status=$?
secs=$((SECONDS - start))
case $status in
0) verdict="PASS: no panic, hang or leak" ;;
124) verdict="FAIL: the kernel hung (QEMU killed after $timeout s)" ;;
125) verdict="FAIL: kernel panic (report above)" ;;
*) verdict="FAIL: /bin/fuzz exit status $status (see above)" ;;
esac
echo "fuzz.sh: $verdict; seed $seed, $calls calls, $secs s"
exit $((status == 0 ? 0 : 1))
