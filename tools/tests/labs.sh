#!/usr/bin/env bash
# labs.sh - every course lab's grader works against this kernel: for each
# labs/NAME/grade.conf,
#   1. this tree (the solution) scores every point (graded in one pass over
#      the image test.sh built, no rebuild); a lab that asks questions gets
#      the answers of labs/NAME/solution/answers.sh through LAB_ANSWERS;
#   2. the starting tree tools/lab writes builds with no warning, boots,
#      and its grade is below full marks (grading stops at the first
#      failing check, which is enough to show it; a hang there counts as
#      failing after $stub_timeout s, not the check's own timeout).
# Every solution marker is well formed (tools/lab --check).  Speed: a
# starting tree gets a copy of build/ with the times kept, and tools/lab
# keeps the times of the files it does not change, so only what the lab's
# regions touch is rebuilt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

cd "$repo_root"
make_tmpdir
[[ -f build/kernel.elf ]] || die "no build/kernel.elf: run make first (test.sh does)"
export GRADE_JOBS=1	# test.sh already runs two jobs at once
stub_timeout=10		# a starting tree's check that hangs fails after this

failed=0
# bad MESSAGE - report a failure (with the output in $tmpdir/out) and go on.
bad() {
	echo "FAIL: $*"
	sed 's/^/    /' "$tmpdir/out"
	failed=1
}

tools/lab --check >"$tmpdir/out" 2>&1 || bad "malformed solution markers"

labs=()
for conf in labs/*/grade.conf; do
	[[ -e $conf ]] && labs+=("$(basename "$(dirname "$conf")")")
done
((${#labs[@]} > 0)) || die "no labs/*/grade.conf"

for lab in "${labs[@]}"; do
	# A lab that asks questions has its answers computed by its solution.
	answers=
	if [[ -f labs/$lab/solution/answers.sh ]]; then
		answers=$tmpdir/$lab-answers.md
		bash "labs/$lab/solution/answers.sh" >"$answers"
	fi
	if LAB_ANSWERS=$answers tools/grade --no-build "$lab" >"$tmpdir/out" 2>&1; then
		echo "ok: $lab: the solution scores $(grep '^Score:' "$tmpdir/out")"
	else
		bad "$lab: the solution in this tree does not score every point"
	fi
done

for lab in "${labs[@]}"; do
	tree=$tmpdir/$lab
	if ! tools/lab "$lab" "$tree" >"$tmpdir/out" 2>&1; then
		bad "$lab: tools/lab failed"
		continue
	fi
	cp -a build "$tree/build"
	rm -f "$tree/build/extra-progs"
	if ! make -C "$tree" -j2 build/kernel.elf >"$tmpdir/out" 2>&1; then
		bad "$lab: the starting tree does not build"
		continue
	fi
	if grep -q 'warning:' "$tmpdir/out"; then
		bad "$lab: the starting tree builds with warnings"
		continue
	fi
	if ! "$tree/tools/qemu-run" --timeout 30 -- true >"$tmpdir/out" 2>&1; then
		bad "$lab: the starting tree does not boot"
		continue
	fi
	if GRADE_MAX_TIMEOUT=$stub_timeout "$tree/tools/grade" --no-build --stop-at-fail "$lab" \
		>"$tmpdir/out" 2>&1; then
		bad "$lab: the starting tree already scores every point"
		continue
	fi
	echo "ok: $lab: the starting tree builds, boots and fails: $(grep -m1 '^[^ ].* FAIL [0-9]' "$tmpdir/out")"
	rm -rf "$tree"
done
exit "$failed"
