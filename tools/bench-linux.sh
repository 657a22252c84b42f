#!/usr/bin/env bash
# bench-linux.sh [NAME...] - `make bench-linux`: run the benchmark program
# (user/bin/bench.c) in Relay and in Debian's i686 Linux kernel, both under
# QEMU with -icount (1 cycle = 1 guest instruction, so runs repeat), and
# print one table: cycles per operation in each, and Relay/Linux (below 1:
# Relay is cheaper).  NAME... picks benchmarks (default: all).
#
# Linux runs bench built with glibc (gcc -m32 -static), with a static
# /bin/true for fork_exec_wait.  Relay runs /bin/bench built with its own
# libc, or with LIBC=glibc the very same glibc binary (which needs Relay to
# run glibc programs).  Run make first (make bench-linux does).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$repo_root"
libc=${LIBC:-relay}
icount="-icount shift=0,sleep=off"
make_tmpdir
# No `make all` here: tests run this next to others that boot build/.
[[ -f build/kernel.elf && -f build/initrd.tar ]] || die "build first (make)"
bench_glibc

case $libc in
relay)
	relay_what="/bin/bench, Relay's libc"
	kernel=$repo_root/build/kernel.elf
	relay_cmd=(bench)
	;;
glibc)
	relay_what="glibc-static, the same file as Linux's"
	kernel=$(tools/relay-image.sh bench-linux "$bench_out/bench.glibc=/compare/bench")
	relay_cmd=(/compare/bench)
	;;
*) die "LIBC must be relay or glibc, not '$libc'" ;;
esac

echo "bench-linux: running in Relay ($relay_what)..."
QEMU_EXTRA=$icount tools/qemu-run --timeout 600 --kernel "$kernel" -- "${relay_cmd[@]}" "$@" \
	>"$tmpdir/relay" || die "Relay's run failed: $(cat "$tmpdir/relay")"
echo "bench-linux: running in Linux (glibc-static)..."
QEMU_EXTRA=$icount bench_in_linux "$@" >"$tmpdir/linux" || die "Linux's run failed: $(cat "$tmpdir/linux")"

linux_version=$(basename "$(readlink build/deps/linux/vmlinuz)")
echo
echo "cycles per operation under QEMU -icount; Linux ${linux_version#vmlinuz-}"
# The best batch of each; bench_join gives NAME, Relay's mean and best,
# Linux's mean and best, UNIT.
bench_join "$tmpdir/relay" "$tmpdir/linux" | awk '
BEGIN { printf "%-16s %12s %12s %12s  %s\n", "benchmark", "Relay", "Linux", "Relay/Linux", "per" }
{
	unit = $6
	for (i = 7; i <= NF; i++) unit = unit " " $i
	ratio = ($3 != "-" && $5 != "-" && $5 > 0) ? sprintf("%.2f", $3 / $5) : "-"
	printf "%-16s %12s %12s %12s  %s\n", $1, $3, $5, ratio, unit
}'
