#!/usr/bin/env bash
# shell_pipeline.sh - host-side end-to-end test of the shell's plumbing:
# pipelines of two to seven stages (also with more data than a pipe
# holds), the redirections <, >, >>, 2>, 2>&1 (and their order), $? after
# commands and pipelines, quoting, a FIFO between a background reader and
# a writer (and ls -l showing it with type p), and the exit status of the command line as tools/qemu-run
# reports it.  Each command line runs in a fresh boot (`qemu-run -- sh -c
# LINE`); its output must be exactly the expected lines, compared with
# blanks at the ends of each line ignored (wc pads its counts).  The
# expected counts come from the host's copies of the files.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

qemu_timeout=30
motd=$repo_root/user/etc/motd
sh_binary=$repo_root/build/root/bin/sh
[[ -f $repo_root/build/kernel.elf && -f $sh_binary ]] || die "build first (make)"
make_tmpdir

motd_lines=$(wc -l <"$motd")
motd_bytes=$(wc -c <"$motd")
sh_bytes=$(wc -c <"$sh_binary")
demo_count=$(find "$repo_root/user/bin" -name '*demo*.c' | wc -l)
failures=0

# trim - copy stdin without blanks at the start and end of each line.
trim() {
	sed -e 's/^[[:blank:]]*//' -e 's/[[:blank:]]*$//'
}

# run_guest LINE - run LINE with sh -c in a fresh boot; its console output
# goes to $tmpdir/out, qemu-run's messages to $tmpdir/err, and the exit
# status to $status.
run_guest() {
	status=0
	"$repo_root/tools/qemu-run" --timeout "$qemu_timeout" -- sh -c "$1" \
		>"$tmpdir/out" 2>"$tmpdir/err" || status=$?
}

# report NAME LINE PROBLEM - print a failure with what the guest showed.
report() {
	echo "FAIL $1: $3"
	echo "  command line: $2"
	sed 's/^/  | /' "$tmpdir/out" "$tmpdir/err"
	failures=$((failures + 1))
}

# expect NAME LINE WANT - LINE must print WANT (lines, ends trimmed) and
# exit 0.
expect() {
	local name=$1 line=$2 want=$3 got
	run_guest "$line"
	got=$(trim <"$tmpdir/out")
	if [[ $status != 0 ]]; then
		report "$name" "$line" "exit status $status, expected 0"
	elif [[ $got != "$(trim <<<"$want")" ]]; then
		report "$name" "$line" "expected output: $(printf '%q' "$want")"
	fi
}

# expect_status NAME LINE STATUS - LINE must exit with STATUS.
expect_status() {
	run_guest "$2"
	if [[ $status != "$3" ]]; then
		report "$1" "$2" "exit status $status, expected $3"
	fi
}

expect motd_count 'cat /etc/motd | wc -l > /tmp/f; cat /tmp/f' "$motd_lines"
expect three_stages 'cat /etc/motd | grep -v NoSuchText | wc -l' "$motd_lines"
expect four_stages 'cat /etc/motd | cat | cat | wc -c' "$motd_bytes"
expect big_pipeline 'cat /bin/sh | cat | cat | cat | cat | cat | wc -c' "$sh_bytes"
expect big_file 'cat /bin/sh > /tmp/sh; cat < /tmp/sh | wc -c' "$sh_bytes"
expect demo_count 'ls -l /bin | grep demo | wc -l' "$demo_count"

expect input 'wc -l < /etc/motd' "$motd_lines"
expect output_append 'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f' $'one\ntwo'
expect output_truncates 'echo a-longer-line > /tmp/f; echo x > /tmp/f; cat /tmp/f' x
expect stderr_to_file 'cat /nonexistent 2> /tmp/err; echo status $?; wc -l < /tmp/err' \
	$'status 1\n1'
expect stderr_to_pipe 'cat /nonexistent 2>&1 | wc -l' 1
expect both_to_file 'cat /etc/motd /nonexistent > /tmp/o 2>&1; wc -l < /tmp/o' \
	"$((motd_lines + 1))"
expect redirect_order 'cat /nonexistent 2>&1 > /tmp/o | wc -l; wc -c < /tmp/o' $'1\n0'

expect status 'false; echo $?; true; echo $?; sh -c "exit 3"; echo $?' $'1\n0\n3'
expect pipeline_status 'true | false; echo $?; false | true; echo $?' $'1\n0'
expect quoting "echo 'a  b' \"c  d\" e\\ f 'x|y' \"p>q\" '\$?'" 'a  b c  d e f x|y p>q $?'
expect expansion_in_quotes 'false; echo "status=$?"' 'status=1'

expect fifo 'mkfifo /tmp/f; cat /tmp/f & echo hi > /tmp/f; wait' hi
expect fifo_listed 'mkfifo /tmp/p; ls -l /tmp | grep "^p" | wc -l' 1
expect_status exit_status 'exit 7' 7
expect_status pipeline_exit_status 'cat /etc/motd | grep NoSuchText' 1

if ((failures > 0)); then
	echo "shell_pipeline: $failures failed"
	exit 1
fi
echo "shell_pipeline: all command lines gave the expected output"
