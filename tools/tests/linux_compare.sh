#!/usr/bin/env bash
# linux_compare.sh - `make compare` (tools/compare.sh) runs one program in
# Relay and in Debian's i686 Linux under QEMU and shows the outputs side by
# side: tools/tests/linux/compare_probe.c, built against Relay's libc for
# Relay and glibc for Linux (LIBC=relay, which runs today), prints its
# arguments (the same on both sides), its pid (marked as different) and
# exits 3 on both.  Also checks tools/linux-run's exit status and
# quoting on its own, and that `make bench-linux` (tools/bench-linux.sh)
# prints its table row for one benchmark.  The Linux kernel comes from `tools/deps.sh linux`
# (make test fetches it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

cd "$repo_root"
make_tmpdir
[[ -f build/deps/linux/vmlinuz ]] || die "no Linux kernel in build/deps: run tools/deps.sh linux (as root)"
probe=tools/tests/linux/compare_probe.c
failed=0
expect() {
	if ! grep -qE "$1" "$tmpdir/out"; then
		echo "FAIL: no line matching /$1/ ($2)"
		failed=1
	fi
}

status=0
remembered=$(cat build/extra-progs 2>/dev/null || true)
LIBC=relay COLUMNS=100 tools/compare.sh "$probe" one 'two words' >"$tmpdir/out" 2>&1 || status=$?
cat "$tmpdir/out"
[[ $(cat build/extra-progs 2>/dev/null || true) == "$remembered" ]] ||
	{ echo "FAIL: compare.sh changed the remembered EXTRA_PROGS (build/extra-progs)"; failed=1; }
[[ $status == 1 ]] || { echo "FAIL: compare.sh exit status $status, want 1 (outputs differ)"; failed=1; }
expect "left: +Relay \(Relay's libc\)" "the header names each side"
expect "right: +Linux [0-9.]+-[0-9]+-686 \(glibc-static\)" "the header names each side"
expect "^argv\[2\] = two words +argv\[2\] = two words$" "equal lines, unmarked"
expect "^pid [0-9]+ +\| +pid [0-9]+$" "the pids differ, marked |"
expect "^\[exit status 3\] +\[exit status 3\]$" "both exit statuses"
expect "^outputs differ" "the summary"

# linux-run alone: the program's status and its words as qemu-run passes them.
gcc -m32 -static -O2 -o "$tmpdir/probe" "$probe"
status=0
tools/linux-run --add "$tmpdir/probe=/probe" -- /probe "it's" 'a b' >"$tmpdir/out" 2>&1 || status=$?
cat "$tmpdir/out"
[[ $status == 3 ]] || { echo "FAIL: linux-run exit status $status, want 3"; failed=1; }
expect "^argv\[1\] = it's$" "a quote inside a word"
expect "^argv\[2\] = a b$" "a word with a space"

tools/bench-linux.sh getpid >"$tmpdir/out" 2>&1 || { echo "FAIL: bench-linux.sh failed"; failed=1; }
cat "$tmpdir/out"
expect "^benchmark +Relay +Linux +Relay/Linux +per$" "the table's head"
expect "^getpid +[0-9]+ +[0-9]+ +[0-9]+\.[0-9]+ +call$" "a row: cycles in each and the ratio"
((failed == 0))
