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
out=$repo_root/build/compare
libc=${LIBC:-relay}
icount="-icount shift=0,sleep=off"
mkdir -p "$out"
make_tmpdir
# No `make all` here: tests run this next to others that boot build/.
[[ -f build/kernel.elf && -f build/initrd.tar ]] || die "build first (make)"
gcc -m32 -static -O2 -s -o "$out/bench.glibc" user/bin/bench.c
echo 'int main(void) { return 0; }' | gcc -m32 -static -O2 -s -x c -o "$out/true.glibc" -

case $libc in
relay)
	relay_what="/bin/bench, Relay's libc"
	kernel=$repo_root/build/kernel.elf
	relay_cmd=(bench)
	;;
glibc)
	relay_what="glibc-static, the same file as Linux's"
	kernel=$(tools/relay-image.sh bench-linux "$out/bench.glibc=/compare/bench")
	relay_cmd=(/compare/bench)
	;;
*) die "LIBC must be relay or glibc, not '$libc'" ;;
esac

echo "bench-linux: running in Relay ($relay_what)..."
QEMU_EXTRA=$icount tools/qemu-run --timeout 600 --kernel "$kernel" -- "${relay_cmd[@]}" "$@" \
	>"$tmpdir/relay" || die "Relay's run failed: $(cat "$tmpdir/relay")"
echo "bench-linux: running in Linux (glibc-static)..."
QEMU_EXTRA=$icount tools/linux-run --timeout 600 --add "$out/bench.glibc=/bin/bench" \
	--add "$out/true.glibc=/bin/true" -- /bin/bench "$@" \
	>"$tmpdir/linux" || die "Linux's run failed: $(cat "$tmpdir/linux")"

linux_version=$(basename "$(readlink build/deps/linux/vmlinuz)")
echo
echo "cycles per operation under QEMU -icount; Linux ${linux_version#vmlinuz-}"
# Lines are "NAME CYCLES cycles per UNIT"; join the two runs on NAME.
awk '
FNR == 1 { file++ }
$4 == "per" {	# bench prints: name, mean, best, "per", unit
	if (!($1 in unit)) { order[++n] = $1; unit[$1] = $5; for (i = 6; i <= NF; i++) unit[$1] = unit[$1] " " $i }
	cycles[file, $1] = $3
}
END {
	printf "%-16s %12s %12s %12s  %s\n", "benchmark", "Relay", "Linux", "Relay/Linux", "per"
	for (i = 1; i <= n; i++) {
		b = order[i]; r = cycles[1, b]; l = cycles[2, b]
		ratio = (r != "" && l > 0) ? sprintf("%.2f", r / l) : "-"
		printf "%-16s %12s %12s %12s  %s\n", b, (r == "" ? "-" : r), (l == "" ? "-" : l), ratio, unit[b]
	}
}' "$tmpdir/relay" "$tmpdir/linux"
