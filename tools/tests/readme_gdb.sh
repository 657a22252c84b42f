#!/usr/bin/env bash
# readme_gdb.sh - host-side test that README's gdb session works as
# written: takes the transcript between <!-- gdb-transcript --> and
# <!-- /gdb-transcript --> in README.md, boots build/os.iso as `make
# debug` does (through GRUB, stopped, gdb stub on a free port), runs the
# transcript's "(gdb) " commands through tools/gdbinit as `make gdb` does,
# and expects every other line of the transcript in gdb's output, in
# order - hex numbers (addresses) and runs of blanks aside, while line
# numbers, names and decimal values must match.  It also checks the
# command line `make gdb` runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

kernel=$repo_root/build/kernel.elf
iso=$repo_root/build/os.iso
gdb_timeout=120
[[ -f $iso ]] || die "no $iso (run make first)"
make_tmpdir
cd "$repo_root"

sed -n '/^<!-- gdb-transcript -->$/,/^<!-- \/gdb-transcript -->$/p' README.md |
	sed -n 's/^    //p' >"$tmpdir/transcript"
[[ -s $tmpdir/transcript ]] || die "no gdb transcript in README.md"

commands=()
while IFS= read -r line; do
	[[ $line == "(gdb) "* ]] && commands+=("${line#"(gdb) "}")
done <"$tmpdir/transcript"
# normalize - hex numbers as 0x?, blanks squeezed, ends trimmed.
normalize() {
	sed -E 's/0x[0-9a-f]+/0x?/g; s/[[:space:]]+/ /g; s/^ //; s/ $//'
}
# Not compared: the commands, the shell's lines, and what gdb prints only
# to a terminal (batch mode is quieter).
grep -v -e '^(gdb) ' -e '^\$ ' -e '^gdb -q ' -e '^Reading symbols from' -e '^[[:space:]]*$' \
	-e '^Continuing\.$' -e '^(More stack frames follow\.\.\.)$' \
	"$tmpdir/transcript" | normalize >"$tmpdir/expected"

port=$(free_port)
qemu-system-i386 -m 128M -no-reboot -display none -cdrom "$iso" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-serial "file:$tmpdir/console" -S -gdb "tcp:127.0.0.1:$port" \
	</dev/null 2>"$tmpdir/qemu.err" &
kill_on_exit+=($!)

gdb_args=(-q -batch -nx -ex "set \$gdbport = $port" -x tools/gdbinit)
for c in "${commands[@]}"; do
	gdb_args+=(-ex "$c")
done
timeout "$gdb_timeout" gdb "${gdb_args[@]}" "$kernel" </dev/null >"$tmpdir/gdb.out" 2>&1 || true
normalize <"$tmpdir/gdb.out" >"$tmpdir/got"

# Every expected line, in order, somewhere in what gdb printed.
missing=$(python3 - "$tmpdir/expected" "$tmpdir/got" <<'PY'
import sys
want = open(sys.argv[1]).read().splitlines()
got = open(sys.argv[2]).read().splitlines()
i = 0
for line in want:
    while i < len(got) and got[i] != line:
        i += 1
    if i == len(got):
        print(line)
        break
    i += 1
PY
)
failures=()
[[ -z $missing ]] || failures+=("gdb did not print (in README's order): $missing")

make_line=$(make -s -n gdb GDBPORT=1234 | grep '^gdb ' | tr -d '\\' || true)
readme_line=$(grep '^gdb -q ' "$tmpdir/transcript" || true)
[[ $make_line == "$readme_line" ]] ||
	failures+=("make gdb runs '$make_line', README says '$readme_line'")

if ((${#failures[@]} > 0)); then
	printf 'readme_gdb: %s\n' "${failures[@]}"
	echo "--- gdb output:"
	cat "$tmpdir/gdb.out"
	exit 1
fi
echo "readme_gdb: README's gdb session ran as written (${#commands[@]} commands)"
