# lib.sh - bash helpers shared by the scripts in tools/ (source it, do not run it).
# shellcheck shell=bash
#
# Sets: repo_root (absolute path of the repository), prog (the calling
# script's name, for messages).  Defines: die, make_tmpdir, wait_until,
# free_port, boot_console, console_fail, and for the benchmark
# (user/bin/bench.c) bench_glibc, bench_in_linux, bench_join.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prog=$(basename "$0")

# die MESSAGE... - print "PROG: MESSAGE" to stderr and exit 1.
die() {
	echo "$prog: $*" >&2
	exit 1
}

# make_tmpdir - create a private temporary directory in $tmpdir.  When the
# script exits, the processes whose ids are in the array kill_on_exit are
# killed (and waited for) and the directory is removed.
kill_on_exit=()
make_tmpdir() {
	tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/$prog.XXXXXX")
	trap 'cleanup_on_exit' EXIT
}
cleanup_on_exit() {
	local pid
	for pid in "${kill_on_exit[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$tmpdir"
}

# wait_until SECONDS PID COMMAND... - run COMMAND every 0.1 s until it
# succeeds.  Fails after SECONDS, or once process PID (the one expected to
# make COMMAND succeed) has exited and COMMAND still fails.
wait_until() {
	local seconds=$1 pid=$2
	shift 2
	local deadline=$((SECONDS + seconds))
	until "$@"; do
		if ! kill -0 "$pid" 2>/dev/null; then
			"$@"
			return
		fi
		if ((SECONDS >= deadline)); then
			return 1
		fi
		sleep 0.1
	done
}

# boot_console QEMU_ARGS... - start QEMU headless with COM1 on FIFOs (after
# make_tmpdir): what the guest prints collects in the file $console, what
# is written to file descriptor $serial arrives as typed input.  Sets
# qemu_pid; QEMU is killed when the script exits.
boot_console() {
	console=$tmpdir/console
	mkfifo "$tmpdir/com1.in" "$tmpdir/com1.out"
	qemu-system-i386 -m 128M -no-reboot -display none \
		-serial "pipe:$tmpdir/com1" "$@" </dev/null 2>"$tmpdir/qemu.err" &
	qemu_pid=$!
	kill_on_exit+=("$qemu_pid")
	: >"$console"
	cat "$tmpdir/com1.out" >"$console" &
	kill_on_exit+=($!)
	# Read-write, so that opening the FIFO does not wait for QEMU.
	exec {serial}<>"$tmpdir/com1.in"
}

# console_fail MESSAGE - report MESSAGE with what the console showed and
# what QEMU said, and exit 1.
console_fail() {
	echo "$prog: $*"
	echo "--- serial console:"
	tr -d '\r' <"$console"
	echo
	cat "$tmpdir/qemu.err"
	exit 1
}

# free_port - print a TCP port on which nothing listens on localhost (for
# QEMU's gdb stub).
free_port() {
	local port
	for ((port = 20000 + RANDOM % 20000; port < 65536; port++)); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	die "no free TCP port found"
}

# bench_glibc - build user/bin/bench.c with glibc (gcc -m32 -static) as
# build/compare/bench.glibc, and a static do-nothing /bin/true for its
# fork_exec_wait as build/compare/true.glibc: the Linux side of the
# benchmark.  Each file is replaced whole, for runs side by side.
bench_out=$repo_root/build/compare
bench_glibc() {
	mkdir -p "$bench_out"
	gcc -m32 -static -O2 -s -o "$bench_out/bench.glibc.$$" "$repo_root/user/bin/bench.c" ||
		die "cannot build bench.c with glibc"
	mv "$bench_out/bench.glibc.$$" "$bench_out/bench.glibc"
	echo 'int main(void) { return 0; }' |
		gcc -m32 -static -O2 -s -x c -o "$bench_out/true.glibc.$$" - ||
		die "cannot build a static true"
	mv "$bench_out/true.glibc.$$" "$bench_out/true.glibc"
}

# bench_in_linux [NAME...] - run the glibc bench (after bench_glibc) in
# Debian's i686 Linux kernel with tools/linux-run, QEMU_EXTRA as the
# caller set it; prints what bench prints, fails as linux-run does.
bench_in_linux() {
	"$repo_root/tools/linux-run" --timeout 600 --add "$bench_out/bench.glibc=/bin/bench" \
		--add "$bench_out/true.glibc=/bin/true" -- /bin/bench "$@"
}

# bench_join FILE... - join outputs of bench (lines "NAME MEAN BEST per
# UNIT"; carriage returns dropped, other lines skipped) on NAME, in the order
# the files first name them: one line per benchmark, "NAME MEAN1 BEST1
# MEAN2 BEST2 ... UNIT" with a pair per FILE, "-" where that file lacks
# the row.  UNIT (which may hold spaces) comes last.  The FILEs must be
# distinct paths.
bench_join() {
	awk '
BEGIN { for (i = 1; i < ARGC; i++) file[ARGV[i]] = i; files = ARGC - 1 }
{ sub(/\r$/, "") }
$4 == "per" {
	if (!($1 in unit)) {
		order[++n] = $1
		unit[$1] = $5
		for (i = 6; i <= NF; i++) unit[$1] = unit[$1] " " $i
	}
	mean[file[FILENAME], $1] = $2
	best[file[FILENAME], $1] = $3
}
END {
	for (i = 1; i <= n; i++) {
		b = order[i]; line = b
		for (f = 1; f <= files; f++) {
			if ((f, b) in mean) line = line " " mean[f, b] " " best[f, b]
			else line = line " - -"
		}
		print line " " unit[b]
	}
}' "$@"
}
