#!/usr/bin/env bash
# test.sh [PATTERN] - build everything, then run the tests and print one line
# per test, "ok   NAME" or "FAIL NAME" with the test's output indented below,
# and last "N passed, M failed".  Exits 1 if a test failed or none ran.
#
# The tests, in this order:
#   selftest/NAME  the kernel's self-tests: one boot of `qemu-run --append-kernel
#                  selftest -- true`, whose lines "selftest NAME: ok" or
#                  "selftest NAME: FAIL reason" are one test each
#   test/NAME      user/tests/NAME.c, run as `qemu-run -- /test/NAME`;
#                  passes iff it exits 0
#   host/NAME      tools/tests/NAME.sh, run on the host; passes iff it exits 0
# PATTERN (a substring or glob) keeps the tests whose name it matches; the
# self-test boot runs when PATTERN could match a selftest/ name.
# Environment: TEST_TIMEOUT seconds per user test (default 30), TEST_JOBS
# tests at once (default 2); output stays in the order above.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pattern=${1:-}
test_timeout=${TEST_TIMEOUT:-30}
max_jobs=${TEST_JOBS:-2}
selftest_timeout=60
output_lines=100	# show at most this many lines of a failing test's output

cd "$repo_root"
make_tmpdir

# matches NAME - true if NAME is selected by PATTERN.
matches() {
	[[ -z $pattern || $1 == *$pattern* ]]
}

# indent - copy stdin indented, keeping only its last $output_lines lines.
indent() {
	local text
	text=$(cat)
	local count
	count=$(wc -l <<<"$text")
	if ((count > output_lines)); then
		echo "    [... $((count - output_lines)) earlier lines cut]"
	fi
	tail -n "$output_lines" <<<"$text" | sed 's/^/    /'
}

passed=0
failed=0
# pass NAME / fail NAME - print a test's result line and count it; fail
# indents what it reads on stdin below the line.
pass() {
	echo "ok   $1"
	passed=$((passed + 1))
}
fail() {
	echo "FAIL $1"
	indent
	failed=$((failed + 1))
}

echo "test.sh: building (make -j2 all)"
if ! make -j2 all >"$tmpdir/build.log" 2>&1; then
	fail build <"$tmpdir/build.log"
	echo "test.sh: the build failed, so no test ran"
	echo "$passed passed, $failed failed"
	exit 1
fi

# The jobs: job_kind[i] is selftest, test or host; job_name[i] the name.
job_kind=()
job_name=()
if [[ -z $pattern || selftest/ == *$pattern* || $pattern == selftest* ]]; then
	job_kind+=(selftest)
	job_name+=(selftest)
fi
for file in user/tests/*.c; do
	[[ -e $file ]] || continue
	name=$(basename "$file" .c)
	if matches "test/$name"; then
		job_kind+=(test)
		job_name+=("$name")
	fi
done
for file in tools/tests/*.sh; do
	[[ -e $file ]] || continue
	name=$(basename "$file" .sh)
	if matches "host/$name"; then
		job_kind+=(host)
		job_name+=("$name")
	fi
done
job_count=${#job_kind[@]}
if ((job_count == 0)); then
	echo "test.sh: no test matched '$pattern' (names are selftest/NAME, test/NAME, host/NAME)"
	echo "0 passed, 0 failed"
	exit 1
fi

# run_job I - run job I, its output in $tmpdir/I.out, its status in I.status.
run_job() {
	local i=$1 name=${job_name[$1]} status=0
	case ${job_kind[i]} in
	selftest)
		tools/qemu-run --timeout "$selftest_timeout" --append-kernel selftest -- true
		;;
	test)
		tools/qemu-run --timeout "$test_timeout" -- "/test/$name"
		;;
	host)
		bash "tools/tests/$name.sh"
		;;
	esac </dev/null >"$tmpdir/$i.out" 2>&1 || status=$?
	echo "$status" >"$tmpdir/$i.status.new"
	mv "$tmpdir/$i.status.new" "$tmpdir/$i.status"
}

# report_selftests OUTPUT_FILE STATUS - one result per self-test line, and a
# failure for the boot itself if it did not end well.
report_selftests() {
	local out=$1 status=$2 line name result reason
	local total=0
	while IFS= read -r line; do
		[[ $line =~ ^selftest\ ([^:]+):\ (ok|FAIL)(.*)$ ]] || continue
		name=${BASH_REMATCH[1]} result=${BASH_REMATCH[2]} reason=${BASH_REMATCH[3]# }
		total=$((total + 1))
		matches "selftest/$name" || continue
		if [[ $result == ok ]]; then
			pass "selftest/$name"
		else
			fail "selftest/$name" <<<"$reason"
		fi
	done <"$out"
	if [[ $status != 0 ]]; then
		fail selftest < <(cat "$out"; echo "[qemu-run exit status $status]")
	elif ((total == 0)); then
		fail selftest < <(cat "$out"; echo "[no 'selftest NAME: ok' lines in the output]")
	fi
}

# report I - print the result of finished job I.
report() {
	local i=$1 out=$tmpdir/$1.out status
	status=$(cat "$tmpdir/$i.status" 2>/dev/null || echo "none (the job died)")
	case ${job_kind[i]} in
	selftest)
		report_selftests "$out" "$status"
		;;
	*)
		local name=${job_kind[i]}/${job_name[i]}
		if [[ $status == 0 ]]; then
			pass "$name"
		else
			fail "$name" < <(cat "$out"; echo "[exit status $status]")
		fi
		;;
	esac
}

# Print the finished jobs at the head of the order, which keeps it fixed.
next_report=0
report_finished() {
	while ((next_report < job_count)) && [[ -e $tmpdir/$next_report.status ]]; do
		report "$next_report"
		next_report=$((next_report + 1))
	done
}

# Each job runs in its own process group (set -m), so that an interrupt
# can stop a job with everything it started.
job_pids=()
on_signal() {
	local pid
	for pid in "${job_pids[@]}"; do
		kill -TERM -- "-$pid" 2>/dev/null || true
	done
	exit "$1"
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
set -m

running=0
for ((i = 0; i < job_count; i++)); do
	while ((running >= max_jobs)); do
		wait -n || true
		running=$((running - 1))
		report_finished
	done
	run_job "$i" &
	job_pids+=($!)
	running=$((running + 1))
done
wait || true
report_finished
# A job that died without writing its status is reported as failed.
while ((next_report < job_count)); do
	report "$next_report"
	next_report=$((next_report + 1))
done

echo "$passed passed, $failed failed"
((failed == 0 && passed > 0))
