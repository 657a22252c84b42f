#!/usr/bin/env bash
# lab_tools.sh - the course tools themselves (labs/README.md):
#   1. tools/lab's marker transformation, on a small repository made here:
#      the exact output, the .lab file, one commit, and each marker error;
#   2. in a syscalls lab tree (a copy; this checkout's build is not touched):
#      .lab makes warnings non-fatal; EXTRA_PROGS stay in the image for the
#      makes after, a clash with /bin/sh is an error, EXTRA_PROGS= forgets;
#   3. tools/grade: the line format and score, a hang fails one check (not
#      the grader), shell and @host checks, hidden checks with their own
#      /lab program, the same score twice;
#   4. make handin and tools/grade-batch into the CSV: handins with full
#      marks, with none, one that does not build, and one that is no archive.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

cd "$repo_root"
make_tmpdir
[[ -f build/kernel.elf ]] || die "no build/kernel.elf: run make first (test.sh does)"

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
# expect_in FILE TEXT WHAT - FILE holds the line TEXT.
expect_in() {
	grep -qxF -- "$2" "$1" || { fail "$3: no line '$2' in:"; sed 's/^/    /' "$1"; }
}
# expect_check FILE NAME RESULT - FILE has NAME's grade line "zz: NAME ... RESULT".
expect_check() {
	grep -qxE -- "zz: $2 \.{3,} $3" "$1" || { fail "grade: no line 'zz: $2 ... $3' in:"; sed 's/^/    /' "$1"; }
}

# ---------------------------------------------------------------- 1. tools/lab
fx=$tmpdir/fixture
mkdir -p "$fx/tools/tests" "$fx/labs/alpha" "$fx/labs/beta" "$fx/src"
cp tools/lab tools/lib.sh "$fx/tools/"
cp tools/tests/labs.sh "$fx/tools/tests/"
cat >"$fx/src/x.c" <<'EOF'
int f(int a)
{
	/* LAB alpha: return twice a */
	int b = a * 2;
	return b;
	/* LAB END: (void)a; return -1; */
}

int g(void)
{
	/* LAB beta: return one */
	return 1;
	/* LAB END */
}
EOF
cat >"$fx/want-alpha.c" <<'EOF'
int f(int a)
{
	/* TODO (lab alpha): return twice a */
	(void)a; return -1;
}

int g(void)
{
	return 1;
}
EOF
cat >"$fx/want-beta.c" <<'EOF'
int f(int a)
{
	int b = a * 2;
	return b;
}

int g(void)
{
	/* TODO (lab beta): return one */
}
EOF
mkdir -p "$fx/labs/alpha/solution"
echo secret >"$fx/labs/alpha/solution/answers.sh"
(cd "$fx" && git init -q && git add -A &&
	git -c user.name=t -c user.email=t@t commit -qm fixture)
for lab in alpha beta; do
	if ! "$fx/tools/lab" "$lab" "$tmpdir/out-$lab" >"$tmpdir/lab.log" 2>&1; then
		fail "tools/lab $lab failed: $(cat "$tmpdir/lab.log")"
		continue
	fi
	diff -u "$fx/want-$lab.c" "$tmpdir/out-$lab/src/x.c" || fail "tools/lab $lab: src/x.c differs (above)"
	grep -qx "LAB = $lab" "$tmpdir/out-$lab/.lab" && grep -qx "WERROR =" "$tmpdir/out-$lab/.lab" ||
		fail "tools/lab $lab: .lab lacks LAB = $lab or WERROR ="
	[[ $(git -C "$tmpdir/out-$lab" rev-list --count HEAD) == 1 ]] || fail "tools/lab $lab: not one commit"
	[[ -z $(git -C "$tmpdir/out-$lab" status --porcelain) ]] || fail "tools/lab $lab: files left out of the commit"
	[[ ! -e $tmpdir/out-$lab/labs/alpha/solution ]] || fail "tools/lab $lab: labs/alpha/solution/ handed out"
	[[ -e $tmpdir/out-$lab/tools/lib.sh && ! -e $tmpdir/out-$lab/tools/tests/labs.sh ]] ||
		fail "tools/lab $lab: tools/lib.sh left out or tools/tests/labs.sh handed out"
done
# bad_marker TEXT MESSAGE - a file holding TEXT makes tools/lab fail with
# MESSAGE and the marker's line.
bad_marker() {
	printf '%b' "$1" >"$fx/src/bad.c"
	rm -rf "$tmpdir/out-bad"
	if "$fx/tools/lab" alpha "$tmpdir/out-bad" >"$tmpdir/lab.log" 2>&1; then
		fail "tools/lab accepted: $1"
	elif ! grep -q "src/bad.c:[0-9]*: .*$2" "$tmpdir/lab.log"; then
		fail "tools/lab on '$1': want 'src/bad.c:LINE: ...$2', got: $(cat "$tmpdir/lab.log")"
	fi
	"$fx/tools/lab" --check >/dev/null 2>&1 && fail "tools/lab --check accepted: $1"
	rm "$fx/src/bad.c"
}
bad_marker '/* LAB alpha: x */\n' 'never ended'
bad_marker '/* LAB END */\n' 'without a LAB region'
bad_marker '/* LAB alpha: x */\n/* LAB beta: y */\n/* LAB END */\n' 'inside the LAB alpha region'
bad_marker '/* LAB gamma: x */\n/* LAB END */\n' 'no lab of that name'
bad_marker '/* LAB alpha */\n' 'malformed marker'

# ---------------------------------------------------------------- 2. a lab tree
tree=$tmpdir/tree
tools/lab syscalls "$tree" >/dev/null
cp -a build "$tree/build"
rm -f "$tree/build/extra-progs"
cat >"$tree/user/bin/warnme.c" <<'EOF'
int main(int argc, char **argv)
{
	return 0;
}
EOF
if ! make -C "$tree" -j2 build/kernel.elf >"$tmpdir/make.log" 2>&1; then
	fail "the lab tree stops on a warning:"
	sed 's/^/    /' "$tmpdir/make.log"
fi
grep -q "warning: unused parameter" "$tmpdir/make.log" || fail "the lab tree hides the warning"
rm "$tree/build/user/bin/warnme.o"
make -C "$tree" WERROR=-Werror build/user/bin/warnme.o >/dev/null 2>&1 &&
	fail "WERROR=-Werror does not make the warning fatal"
rm "$tree/user/bin/warnme.c" "$tree"/build/user/bin/warnme*

mkdir -p "$tmpdir/extra"
printf '#include <stdio.h>\nint main(int argc, char **argv) { printf("extra here\\n"); return 0; }\n' \
	>"$tmpdir/extra/hello_extra.c"
cp "$tmpdir/extra/hello_extra.c" "$tmpdir/extra/sh.c"
make -C "$tree" -j2 EXTRA_PROGS="$tmpdir/extra/hello_extra.c" build/kernel.elf >"$tmpdir/make.log" 2>&1 ||
	fail "make EXTRA_PROGS=hello_extra.c: $(tail -5 "$tmpdir/make.log")"
make -C "$tree" -j2 build/kernel.elf >/dev/null 2>&1 || fail "a plain make after EXTRA_PROGS"
out=$("$tree/tools/qemu-run" --timeout 30 -- hello_extra 2>&1) || true
[[ $out == "extra here" ]] || fail "EXTRA_PROGS forgotten by the next plain make: hello_extra said '$out'"
if make -C "$tree" EXTRA_PROGS="$tmpdir/extra/sh.c" build/kernel.elf >"$tmpdir/make.log" 2>&1; then
	fail "make EXTRA_PROGS=sh.c (a clash with /bin/sh) succeeded"
else
	grep -q "/bin/sh is already in the image" "$tmpdir/make.log" || fail "clash message: $(cat "$tmpdir/make.log")"
fi
make -C "$tree" -j2 build/kernel.elf >/dev/null 2>&1 || fail "the clash was remembered"
make -C "$tree" -j2 EXTRA_PROGS= build/kernel.elf >/dev/null 2>&1 || fail "make EXTRA_PROGS="
"$tree/tools/qemu-run" --timeout 30 -- hello_extra >/dev/null 2>&1 && fail "EXTRA_PROGS= did not forget"

# ---------------------------------------------------------------- 3. tools/grade
mkdir -p "$tree/labs/zz" "$tmpdir/hidden/zz/tests"
cat >"$tree/labs/zz/grade.conf" <<'EOF'
# a comment, then a blank line

passes   2 20 true
fails    3 20 false
hangs    4 5  sleep 100
piped    5 20 echo one two | grep two
host_ok  6 20 @host ok.sh x
host_bad 7 20 @host ok.sh
EOF
printf '[ "$1" = x ] && [ -f .lab ]\n' >"$tree/labs/zz/ok.sh"
echo "hidden_ok 8 20 /lab/zz_hidden" >"$tmpdir/hidden/zz/grade.conf"
printf '#include <stdio.h>\nint main(int argc, char **argv) { printf("hidden\\n"); return 0; }\n' \
	>"$tmpdir/hidden/zz/tests/zz_hidden.c"
for run in 1 2; do
	status=0
	"$tree/tools/grade" --hidden "$tmpdir/hidden" zz >"$tmpdir/grade$run.log" 2>&1 || status=$?
	((status != 0)) || fail "tools/grade exits 0 without full marks"
	grep -E '^(zz: |Score)' "$tmpdir/grade$run.log" >"$tmpdir/lines$run"
done
g=$tmpdir/lines1
expect_check "$g" passes "OK 2/2"
expect_check "$g" fails "FAIL 0/3"
expect_check "$g" hangs "FAIL 0/4"
expect_check "$g" piped "OK 5/5"
expect_check "$g" host_ok "OK 6/6"
expect_check "$g" host_bad "FAIL 0/7"
expect_check "$g" hidden_ok "OK 8/8"
expect_in "$g" "Score: 21/35" "grade"
grep -q "timed out after 5 s" "$tmpdir/grade1.log" || fail "grade: the hang is not reported as a timeout"
cmp -s "$tmpdir/lines1" "$tmpdir/lines2" || fail "two grades of one tree differ: $(diff "$tmpdir/lines1" "$tmpdir/lines2")"

# ---------------------------------------------------------------- 4. handin, grade-batch
rm -rf "$tree/labs/zz"
for f in include/uapi/unistd_32.h kernel/syscall.c kernel/sys_syscount.c user/lib/syscount.c \
	user/bin/syscount.c; do
	cp "$f" "$tree/$f"
done
(cd "$tree" && make handin >"$tmpdir/handin.log" 2>&1) || fail "make handin: $(cat "$tmpdir/handin.log")"
mkdir "$tmpdir/sub"
tar -tzf "$tree/handin-syscalls.tar.gz" >"$tmpdir/handin.list"
grep -qx './work.patch' "$tmpdir/handin.list" || fail "handin lacks work.patch"
cp "$tree/handin-syscalls.tar.gz" "$tmpdir/sub/alice.tar.gz"
echo "this is not C" >>"$tree/kernel/sys_syscount.c"
(cd "$tree" && make handin >/dev/null 2>&1) || fail "make handin (dave)"
cp "$tree/handin-syscalls.tar.gz" "$tmpdir/sub/dave.tar.gz"
mkdir "$tmpdir/empty"
echo syscalls >"$tmpdir/empty/lab"
: >"$tmpdir/empty/work.patch"
tar -czf "$tmpdir/sub/bob.tar.gz" -C "$tmpdir/empty" .
echo "not an archive" >"$tmpdir/sub/carol.tar.gz"
tools/grade-batch "$tmpdir/sub" --out "$tmpdir/grades.csv" >"$tmpdir/batch.log" 2>&1 ||
	fail "grade-batch: $(cat "$tmpdir/batch.log")"
csv=$tmpdir/grades.csv
expect_in "$csv" "student,lab,score,max,failed_checks" "grades.csv"
expect_in "$csv" "alice,syscalls,100,100," "grades.csv"
expect_in "$csv" "bob,syscalls,0,100,number_and_dispatch;counts_own_calls;counts_per_process;bad_pointers;bad_arguments;libc_wrapper;user_program" "grades.csv"
expect_in "$csv" "carol,,0,0,bad-handin" "grades.csv"
expect_in "$csv" "dave,syscalls,0,100,number_and_dispatch;counts_own_calls;counts_per_process;bad_pointers;bad_arguments;libc_wrapper;user_program" "grades.csv"
grep -q "the build failed" "$(dirname "$csv")/grades-logs/dave.log" || fail "dave's log does not say the build failed"

((failures == 0)) && echo "lab_tools: all checks passed"
exit $((failures > 0))
