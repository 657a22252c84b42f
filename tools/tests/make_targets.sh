#!/usr/bin/env bash
# make_targets.sh - host-side test of the tooling a student meets first:
#   - `make help` lists the targets and the variables, in one screen;
#   - `make test T=nomatch` fails, saying that no test matched;
#   - `tools/qemu-run --bogus` names the unknown option;
#   - a failing check of user/tests/test.h names errno values (ENOTTY);
#   - `make compile_commands.json` writes valid JSON naming kernel/main.c;
#   - `make run` and `make run-nox` use -serial mon:stdio (Ctrl-C reaches
#     the guest); with a DISPLAY and no X server behind it, `make run` boots
#     headless (the shell answers on this terminal) instead of ending;
#   - `make debug` on a port already in use shows QEMU's error and fails;
#   - `make gdb` with no `make debug` running says to run it first, and fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

screen_lines=25
boot_timeout=60
cd "$repo_root"
make_tmpdir
failures=()
fail() { failures+=("$*"); }

# make help
make -s help >"$tmpdir/help" 2>&1 || fail "make help failed"
(($(wc -l <"$tmpdir/help") <= screen_lines)) || fail "make help is longer than $screen_lines lines"
for word in run run-nox debug gdb test bench compile_commands.json \
	TEST_JOBS T= EXTRA_PROGS KVM GDBPORT MEM; do
	grep -qF -- "$word" "$tmpdir/help" || fail "make help does not mention $word"
done

# make test T=nomatch
if make -s test T=no_such_test_name >"$tmpdir/nomatch" 2>&1; then
	fail "make test T=no_such_test_name succeeded"
fi
grep -q "no test matched" "$tmpdir/nomatch" || fail "make test T=no_such_test_name does not say that no test matched"

# qemu-run --bogus
status=0
tools/qemu-run --bogus -- true >"$tmpdir/bogus" 2>&1 || status=$?
((status != 0)) || fail "qemu-run --bogus succeeded"
grep -q -- "--bogus" "$tmpdir/bogus" || fail "qemu-run --bogus does not name the option"

# errno names in test.h's messages, checked with the host's gcc and libc
cat >"$tmpdir/errname.c" <<'C'
#include <sys/ioctl.h>
#include "test.h"
int main(void)
{
	int fd = open("/dev/null", O_RDONLY);

	CHECK_ERR(ioctl(fd, TIOCGPGRP, &(int){0}), EBADF);
	CHECK(ioctl(fd, TIOCGPGRP, &(int){0}) == 0, "TIOCGPGRP on /dev/null");
	return test_done("errname");
}
C
if gcc -m32 -static -D_GNU_SOURCE -include tools/linux/compat.h -Itools/linux \
	-Iuser/tests -o "$tmpdir/errname" "$tmpdir/errname.c" 2>"$tmpdir/cc.log"; then
	"$tmpdir/errname" >"$tmpdir/errname.out" 2>&1 || true
	grep -q "ENOTTY" "$tmpdir/errname.out" || fail "test.h's messages do not name ENOTTY: $(cat "$tmpdir/errname.out")"
	! grep -q "errno 25" "$tmpdir/errname.out" || fail "test.h's messages print errno 25"
else
	fail "test.h did not build on the host: $(cat "$tmpdir/cc.log")"
fi

# make compile_commands.json
rm -f compile_commands.json
if make -s compile_commands.json >/dev/null 2>&1 &&
	python3 -c 'import json,sys; d=json.load(open("compile_commands.json")); sys.exit(not any(e["file"]=="kernel/main.c" for e in d))'; then
	:
else
	fail "make compile_commands.json did not write a database naming kernel/main.c"
fi
rm -f compile_commands.json

# mon:stdio in run and run-nox
for target in run run-nox debug; do
	make -n "$target" QEMU=true >/dev/null 2>&1 || fail "make -n $target failed"
done
grep -q 'mon:stdio' tools/boot.sh || fail "tools/boot.sh does not use -serial mon:stdio"
grep -q 'serial stdio' tools/boot.sh && fail "tools/boot.sh still uses -serial stdio"

# make run with a DISPLAY but no X server: a headless boot, the shell answers
mkfifo "$tmpdir/in"
exec {typed}<>"$tmpdir/in"
DISPLAY=:97 WAYLAND_DISPLAY= setsid make -s run <"$tmpdir/in" >"$tmpdir/run" 2>&1 &
run_pid=$!
kill_on_exit+=("$run_pid")
echo_prompt() { grep -q '\$ ' "$tmpdir/run"; }
if wait_until "$boot_timeout" "$run_pid" echo_prompt; then
	echo "echo made\"\"it" >&"$typed"
	wait_until 20 "$run_pid" grep -q 'madeit' "$tmpdir/run" ||
		fail "make run (no X server): the shell did not answer"
	printf '\001x' >&"$typed"
	status=0
	wait "$run_pid" || status=$?
	((status == 0)) || fail "make run: Ctrl-A X ended it with status $status"
else
	fail "make run with DISPLAY=:97 (no X server) did not reach a prompt"
fi
grep -q "headless" "$tmpdir/run" || fail "make run did not say it boots headless"
kill -- -"$run_pid" 2>/dev/null || true

# make debug on a busy port
port=$(free_port)
qemu-system-i386 -display none -S -gdb "tcp:127.0.0.1:$port" </dev/null >/dev/null 2>&1 &
kill_on_exit+=($!)
wait_until 20 $! bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null || fail "no QEMU on port $port"
if timeout 60 make -s debug GDBPORT="$port" </dev/null >"$tmpdir/debug" 2>&1; then
	fail "make debug on a busy port succeeded"
fi
grep -qi "in use" "$tmpdir/debug" || fail "make debug on a busy port did not show QEMU's error: $(cat "$tmpdir/debug")"

# make gdb with nothing listening
port=$(free_port)
if timeout 60 make -s gdb GDBPORT="$port" </dev/null >"$tmpdir/gdb" 2>&1; then
	fail "make gdb with no make debug succeeded"
fi
grep -q "make debug" "$tmpdir/gdb" || fail "make gdb did not say to run make debug: $(cat "$tmpdir/gdb")"

if ((${#failures[@]} > 0)); then
	printf 'make_targets: %s\n' "${failures[@]}"
	echo "--- make run output:"
	tr -d '\r' <"$tmpdir/run" | tail -20
	exit 1
fi
echo "make_targets: help, test T=, qemu-run, errno names, compile_commands.json, run, debug and gdb behave"
