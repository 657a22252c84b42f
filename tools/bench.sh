#!/usr/bin/env bash
# bench.sh - `make bench`: run /bin/bench (user/bin/bench.c) in the OS
# twice under QEMU TCG - once with the time stamp counter following the
# host's clock (host cycles), once under `-icount shift=0`, where it
# counts guest instructions - and time BOOTS boots to the prompt's
# command (`true`); print one table: for each row the mean and the best
# of 20 batches, in host cycles and in guest instructions per operation,
# and for boot the mean and best wall clock and host CPU time.
# Arguments name benchmarks to run (default: all).
# BENCH_KERNEL=PATH measures another kernel image (e.g. an older build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
make -s all
BOOTS=20
kernel=${BENCH_KERNEL:-build/kernel.elf}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tools/qemu-run --kernel "$kernel" --timeout 600 -- bench "$@" > "$tmp/host"
QEMU_EXTRA="-icount shift=0,sleep=off" \
	tools/qemu-run --kernel "$kernel" --timeout 600 -- bench "$@" > "$tmp/insn"

# Boot to the shell running `true` and back to the host: wall clock and
# host CPU time (user + system, which counts the host's page faults in
# guest memory), in milliseconds.
TIMEFORMAT='%R %U %S'
for _ in $(seq "$BOOTS"); do
	{ time tools/qemu-run --kernel "$kernel" --timeout 60 -- true 2>/dev/null; } 2>&1
done | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' > "$tmp/boot"

echo "Relay benchmarks: per operation, mean and best of 20 batches"
printf '%-16s %12s %12s %12s %12s  %s\n' row "cycles mean" "cycles best" \
	"insns mean" "insns best" unit
while read -r name mean best per unit; do
	read -r imean ibest < <(awk -v n="$name" '$1 == n { print $2, $3 }' "$tmp/insn" | tr -d '\r')
	printf '%-16s %12s %12s %12s %12s  %s\n' "$name" "$mean" "$best" \
		"${imean:--}" "${ibest:--}" "$unit"
done < <(tr -d '\r' < "$tmp/host")
awk '{ s += $1; if (!m || $1 < m) m = $1; c += $2; if (!n || $2 < n) n = $2 } END {
	printf "%-16s %12.0f %12d %12s %12s  %s\n", "boot", s / NR, m, "-", "-",
		"ms wall clock, qemu-run -- true (" NR " boots)"
	printf "%-16s %12.0f %12d %12s %12s  %s\n", "boot_cpu", c / NR, n, "-", "-",
		"ms host CPU (user+sys), the same boots" }' "$tmp/boot"
