#!/usr/bin/env bash
# gdb_session.sh - host-side test of kernel debugging: starts QEMU stopped
# with its gdb stub on a free port, running a shell that calls getpid, then
# drives gdb (through tools/gdbinit, as `make gdb` does) to break in
# kernel_main and in sys_getpid.  Passes iff both breakpoints are hit with a
# backtrace (through the system-call path for sys_getpid), and with the
# user helpers of tools/gdbinit.py: after `user-symbols echo` then
# `user-symbols sh` only sh's symbols are loaded (one `main`, in sh.c);
# the backtrace from sys_getpid crosses trap_common into the shell's
# getpid and main; `trapframe` prints the frame with eax = 20 (getpid).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

kernel=$repo_root/build/kernel.elf
gdb_timeout=60
[[ -f $kernel ]] || die "no $kernel (run make first)"
make_tmpdir

port=$(free_port)
qemu-system-i386 -m 128M -no-reboot -display none \
	-kernel "$kernel" -append "quiet -- /bin/sh -c 'echo \$\$'" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-serial "file:$tmpdir/console" -serial "file:$tmpdir/ctl" \
	-S -gdb "tcp:127.0.0.1:$port" </dev/null 2>"$tmpdir/qemu.err" &
kill_on_exit+=($!)

# gdb retries the connection while QEMU starts listening.
cd "$repo_root"
timeout "$gdb_timeout" gdb -q -batch -nx \
	-ex "set \$gdbport = $port" -x tools/gdbinit \
	-ex 'break kernel_main' -ex continue -ex bt \
	-ex 'user-symbols echo' -ex 'user-symbols sh' -ex 'info functions ^main$' \
	-ex 'break sys_getpid' -ex continue -ex bt -ex trapframe \
	"$kernel" </dev/null >"$tmpdir/gdb.out" 2>&1 || true

gdb_out=$tmpdir/gdb.out
failures=()
if ! sed -n '/^Breakpoint 1, /,/^Breakpoint 2, /p' "$gdb_out" | grep -Eq '^#0 .*kernel_main'; then
	failures+=("no stop with a backtrace at the breakpoint in kernel_main")
fi
if ! grep -Eq '^Breakpoint 2, .*sys_getpid' "$gdb_out"; then
	failures+=("no stop at the breakpoint in sys_getpid")
elif ! sed -n '/^Breakpoint 2, /,$p' "$gdb_out" | grep -Eq '^#1 '; then
	failures+=("no backtrace below sys_getpid (expected the system-call path)")
fi

if sed -n '/^All functions matching/,/^Breakpoint 2 /p' "$gdb_out" | grep -q 'echo.c'; then
	failures+=("echo's symbols stayed loaded after user-symbols sh")
fi
if ! sed -n '/^All functions matching/,/^Breakpoint 2 /p' "$gdb_out" | grep -q 'user/bin/sh.c'; then
	failures+=("no main in user/bin/sh.c after user-symbols sh")
fi
bt_after=$(sed -n '/^Breakpoint 2, /,$p' "$gdb_out")
grep -Eq '^#[0-9]+ .* in (trap_common|sysenter_entry)' <<<"$bt_after" || failures+=("the backtrace has no trap_common or sysenter_entry frame")
grep -Eq '^#[0-9]+ .*getpid \(\) at user/lib/' <<<"$bt_after" || failures+=("the backtrace does not cross into the user's getpid")
grep -Eq '^#[0-9]+ .* main \(.*\) at user/bin/sh.c' <<<"$bt_after" || failures+=("the backtrace does not reach the shell's main")
grep -Eq 'eax = 0x14,' <<<"$bt_after" || failures+=("trapframe did not print eax = 0x14 (getpid)")

if ((${#failures[@]} > 0)); then
	printf '%s\n' "${failures[@]/#/gdb_session: }"
	echo "--- gdb output:"
	cat "$gdb_out"
	echo "--- QEMU console:"
	tr -d '\r' <"$tmpdir/console" 2>/dev/null || true
	cat "$tmpdir/qemu.err"
	exit 1
fi
echo "gdb stopped in kernel_main and in sys_getpid, with backtraces"
