#!/usr/bin/env bash
# bench.sh [NAME...] - `make bench`: run /bin/bench (user/bin/bench.c) in
# the OS twice under QEMU TCG - once with the time stamp counter following
# the host's clock (host cycles), once under `-icount shift=0`, where it
# counts guest instructions - and time BOOTS boots to the prompt's command
# (`true`).  Where Debian's i686 Linux kernel is there (build/deps/linux,
# from `tools/deps.sh linux`, which `make bench` runs), the same bench.c
# built with glibc (gcc -m32 -static) runs in Linux under the same QEMU in
# both modes too, each Linux run right after Relay's in the same mode, so
# that the machine's load weighs on both alike.  One table, one row per
# benchmark, then boot:
#
#   cyc mean, cyc best  Relay's host cycles per operation: the mean over the
#                       20 batches, and the best (cheapest) batch
#   ins mean, ins best  the same in guest instructions (-icount shift=0)
#   cyc/L               Relay/Linux host cycles of the best batch (the best
#                       batch is the figure least disturbed by the host)
#   ins/L               Relay/Linux guest instructions of the best batch
#   goal                ok when cyc/L <= 0.50 (getpid: 0.80) and ins/L <=
#                       1.00, as printed; MISS otherwise; - without Linux
#   per                 the operation's unit
#
# boot and boot_cpu put milliseconds in the cycles columns: the mean and
# best wall clock, and host CPU time (user + system), of BOOTS boots to
# `qemu-run -- true`.  A last line counts the rows meeting the goal; it
# informs only, bench never fails on it.
# Arguments name benchmarks to run (default: all).
# BENCH_KERNEL=PATH measures another kernel image (e.g. an older build).
# BENCH_LINUX=0 leaves Linux out (the ratio and goal columns show -).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$repo_root"
make -s all
BOOTS=20
CYCLES_GOAL=0.50
GETPID_GOAL=0.80
INSNS_GOAL=1.00
kernel=${BENCH_KERNEL:-build/kernel.elf}
icount="-icount shift=0,sleep=off"
make_tmpdir

linux=0
linux_failed=0
linux_note="no Linux side (BENCH_LINUX=0)"
if [[ ${BENCH_LINUX:-1} != 0 ]]; then
	if [[ -f build/deps/linux/vmlinuz ]] && command -v cpio >/dev/null; then
		linux=1
		version=$(basename "$(readlink build/deps/linux/vmlinuz)")
		linux_note="Linux ${version#vmlinuz-} (bench.c with glibc), same QEMU"
		bench_glibc
	else
		linux_note="no Linux side: run tools/deps.sh linux (as root) for it"
	fi
fi

# linux_side OUT [NAME...] - run the glibc bench in Linux into OUT (with
# QEMU_EXTRA as the caller sets it); OUT stays empty without Linux, or,
# with a warning, if the run fails.
linux_side() {
	local out=$1
	shift
	: >"$out"
	((linux)) || return 0
	if ! bench_in_linux "$@" >"$out" 2>&1; then
		echo "$prog: the run in Linux failed, no ratios from it: $(tail -n 3 "$out")" >&2
		: >"$out"
		linux_failed=1
	fi
}

tools/qemu-run --kernel "$kernel" --timeout 600 -- bench "$@" >"$tmpdir/host"
linux_side "$tmpdir/linux_host" "$@"
QEMU_EXTRA=$icount tools/qemu-run --kernel "$kernel" --timeout 600 -- bench "$@" >"$tmpdir/insn"
QEMU_EXTRA=$icount linux_side "$tmpdir/linux_insn" "$@"

# Boot to the shell running `true` and back to the host: wall clock and
# host CPU time (user + system, which counts the host's page faults in
# guest memory), in milliseconds.
# A boot that fails is said (with its messages) and left out.
TIMEFORMAT='%R %U %S'
for _ in $(seq "$BOOTS"); do
	if { time tools/qemu-run --kernel "$kernel" --timeout 60 -- true \
		>/dev/null 2>"$tmpdir/boot.err"; } 2>"$tmpdir/boot.time"; then
		cat "$tmpdir/boot.time"
	fi
done | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' >"$tmpdir/boot"
if (($(wc -l <"$tmpdir/boot") < BOOTS)); then
	echo "bench: $((BOOTS - $(wc -l <"$tmpdir/boot"))) of $BOOTS boots failed; the last said:" >&2
	cat "$tmpdir/boot.err" >&2
fi

row='%-15s %9s %9s %9s %9s %6s %6s  %-4s  %s\n'
echo "Relay per operation, mean and best of 20 batches: host cycles (cyc), guest instructions (ins)"
if ((linux_failed)); then
	linux_note+=" - a run in it FAILED"
fi
echo "cyc/L, ins/L: Relay/Linux of the best batches; $linux_note"
echo "goal: cyc/L <= $CYCLES_GOAL (getpid $GETPID_GOAL) and ins/L <= $INSNS_GOAL"
# bench_join: NAME, then mean and best of Relay's cycles, Relay's
# instructions, Linux's cycles, Linux's instructions, then UNIT.
bench_join "$tmpdir/host" "$tmpdir/insn" "$tmpdir/linux_host" "$tmpdir/linux_insn" |
	awk -v row="$row" -v cycles_goal="$CYCLES_GOAL" -v getpid_goal="$GETPID_GOAL" \
		-v insns_goal="$INSNS_GOAL" -v boot_file="$tmpdir/boot" '
BEGIN { printf row, "row", "cyc mean", "cyc best", "ins mean", "ins best", "cyc/L", "ins/L", "goal", "per" }
function ratio(relay, linux) {
	return (relay != "-" && linux != "-" && linux > 0) ? sprintf("%.2f", relay / linux) : "-"
}
{
	unit = $10
	for (i = 11; i <= NF; i++) unit = unit " " $i
	cyc = ratio($3, $7)
	ins = ratio($5, $9)
	goal = "-"
	if (cyc != "-" && ins != "-") {
		limit = ($1 == "getpid") ? getpid_goal : cycles_goal
		goal = (cyc + 0 <= limit + 0 && ins + 0 <= insns_goal + 0) ? "ok" : "MISS"
		rows++
		met += goal == "ok"
	}
	printf row, $1, $2, $3, $4, $5, cyc, ins, goal, unit
}
END {
	while ((getline line < boot_file) > 0) {
		split(line, t)
		n++
		wall += t[1]; if (n == 1 || t[1] < wall_best) wall_best = t[1]
		cpu += t[2]; if (n == 1 || t[2] < cpu_best) cpu_best = t[2]
	}
	if (n) {
		printf row, "boot", sprintf("%.0f", wall / n), wall_best, "-", "-", "-", "-", "-",
			"ms wall clock, " n " boots"
		printf row, "boot_cpu", sprintf("%.0f", cpu / n), cpu_best, "-", "-", "-", "-", "-",
			"ms host CPU, user+sys"
	}
	if (rows)
		printf "goal: %d of %d rows meet it (informational)\n", met, rows
	else
		print "goal: no Linux figures to hold the rows against"
}'
