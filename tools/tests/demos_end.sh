#!/usr/bin/env bash
# demos_end.sh - host-side test that every demo ends cleanly when its
# output pipe closes or it is interrupted, leaving nothing behind:
#   - each of the seven demos piped into `head -3` (msgdemo and shmdemo into
#     `head -3` and `head -12`) ends, and head printed its lines;
#   - shmdemo -n 1000, semdemo -p 32 -n 10000 and msgdemo -c 16 -r 100 are
#     stopped by SIGTERM or SIGINT a second after they start;
#   - afterwards `ipcs` lists no object, /tmp is empty and `ps` shows no
#     demo process.  Each part runs in its own boot, with a timeout: a demo
#     that hangs fails the test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

[[ -f $repo_root/build/kernel.elf ]] || die "no kernel (run make first)"
make_tmpdir
failures=0

# run_case NAME SCRIPT - run SCRIPT, then the checks, in a fresh boot.
run_case() {
	local name=$1 out=$tmpdir/$1 status=0
	"$repo_root/tools/qemu-run" --timeout 60 -- sh -c "$2
echo '== ipcs'; ipcs; echo '== tmp'; ls /tmp; echo '== ps'; ps; echo '== end'" \
		>"$out" 2>&1 || status=$?
	local problem=
	if ((status == 124)); then
		problem="hung (qemu-run timed out)"
	elif ! grep -q '^== end$' "$out"; then
		problem="the script did not finish (status $status)"
	elif sed -n '/^== ipcs$/,/^== tmp$/p' "$out" | grep -q '^0x'; then
		problem="objects left in ipcs"
	elif [[ -n $(sed -n '/^== tmp$/,/^== ps$/p' "$out" | grep -v '^==') ]]; then
		problem="files left in /tmp"
	elif sed -n '/^== ps$/,/^== end$/p' "$out" | grep -q 'demo'; then
		problem="a demo process is still there"
	fi
	if [[ -n $problem ]]; then
		echo "FAIL $name: $problem"
		sed 's/^/  | /' "$out"
		failures=$((failures + 1))
	fi
}

# head_case DEMO LINES - DEMO | head -LINES prints LINES lines and ends.
head_case() {
	run_case "$1-head-$2" "$1 | head -$2 > /head.out; wc -l < /head.out; rm /head.out"
	if ! grep -Eq "^[[:space:]]*$2\$" "$tmpdir/$1-head-$2"; then
		echo "FAIL $1 | head -$2: head did not print $2 lines"
		sed 's/^/  | /' "$tmpdir/$1-head-$2"
		failures=$((failures + 1))
	fi
}

for demo in sigdemo pipedemo fifodemo msgdemo semdemo shmdemo permdemo; do
	head_case "$demo" 3
done
head_case msgdemo 12
head_case shmdemo 12

run_case shmdemo-term 'shmdemo -n 1000 > /dev/null & sleep 1; kill -TERM %1; wait'
run_case semdemo-int 'semdemo -p 32 -n 10000 > /dev/null & sleep 1; kill -INT %1; wait'
run_case msgdemo-int 'msgdemo -c 16 -r 100 > /dev/null & sleep 1; kill -INT %1; wait'
run_case fifodemo-term 'fifodemo > /dev/null & sleep 1; kill -TERM %1; wait'

((failures == 0)) || exit 1
echo "demos_end: every demo ended on a closed pipe, SIGTERM and SIGINT, leaving nothing"
