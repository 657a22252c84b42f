#!/usr/bin/env bash
# shell_demos.sh - host-side test of the demo programs pipedemo and
# fifodemo: each runs in a fresh boot, finishes by itself with status 0,
# and shows what it explains:
#   pipedemo  the parent reads the child's three messages, then end of
#             file; the hand-made pipeline `ls /bin | grep demo | wc -l`
#             prints the number of demo programs and its three stages
#             exit 0;
#   fifodemo  ls shows the FIFO with type p; the reader's open returns
#             only after the writer's delay (at least MIN_WAIT_MS); the
#             three lines arrive, then end of file; the name is removed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

qemu_timeout=30
min_wait_ms=900		# fifodemo's writer opens after 1000 ms
[[ -f $repo_root/build/kernel.elf ]] || die "no kernel (run make first)"
make_tmpdir

demo_count=$(find "$repo_root/user/bin" -name '*demo*.c' | wc -l)
failures=0

# run_demo NAME - run /bin/NAME in a fresh boot; output in $tmpdir/NAME.
# Returns its exit status.
run_demo() {
	"$repo_root/tools/qemu-run" --timeout "$qemu_timeout" -- "$1" \
		>"$tmpdir/$1" 2>&1
}

# need DEMO WHAT PATTERN - the output of DEMO must have a line matching
# the extended regular expression PATTERN.
need() {
	if ! grep -Eq -- "$3" "$tmpdir/$1"; then
		echo "FAIL $1: $2 (no line matching '$3')"
		failures=$((failures + 1))
	fi
}

for demo in pipedemo fifodemo; do
	status=0
	run_demo "$demo" || status=$?
	if [[ $status != 0 ]]; then
		echo "FAIL $demo: exit status $status"
		failures=$((failures + 1))
	fi
done

need pipedemo "three messages read" 'read\(3\) returned 14 bytes: "message 3 of 3"'
need pipedemo "end of file in part 1" 'returned 0: end of file'
need pipedemo "the pipeline's count" "^[[:blank:]]*${demo_count}[[:blank:]]*\$"
for stage in 'ls /bin' 'grep demo' 'wc -l'; do
	need pipedemo "stage $stage exits 0" "\"$stage\" \\(child [0-9]+\\) exited with status 0"
done

need fifodemo "ls shows type p" '^p.* /tmp/fifodemo\.fifo$'
need fifodemo "three lines" 'read 15 bytes: "and a last one"'
need fifodemo "end of file" 'read returned 0'
need fifodemo "unlink" 'it is gone'
waited=$(sed -nE 's/.*open returned fd [0-9]+ after ([0-9]+) ms.*/\1/p' "$tmpdir/fifodemo")
if [[ -z $waited || $waited -lt $min_wait_ms ]]; then
	echo "FAIL fifodemo: the reader's open returned after '${waited:-?}' ms, expected at least $min_wait_ms"
	failures=$((failures + 1))
fi

if ((failures > 0)); then
	for demo in pipedemo fifodemo; do
		echo "--- $demo output:"
		sed 's/^/  | /' "$tmpdir/$demo"
	done
	exit 1
fi
echo "shell_demos: pipedemo and fifodemo ran and showed what they explain"
