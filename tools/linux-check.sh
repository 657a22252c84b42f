#!/usr/bin/env bash
# linux-check.sh [PATTERN] - build the user tests for Linux and run them on
# this machine's own kernel, to check that a test asserts what Linux does
# and not only what Relay does.
#
# Each user/tests/NAME.c (whose name contains PATTERN) is built with
# `gcc -m32 -static` against the host's glibc, tools/linux/compat.h
# included first and tools/linux/ ahead on the include path (it stands in
# for Relay's own headers, sys/kstat.h among them).  Each binary runs as
# root in a sandbox of its own - new PID, IPC, UTS, network and mount
# namespaces, chrooted into a throwaway overlay of / with a private /tmp -
# so a kill(-1), a leftover queue or a file made in / cannot touch the
# host.  Prints "ok   NAME", "FAIL NAME" with the output indented, or
# "skip NAME (does not build for Linux)" with the compiler's first error,
# then "N passed, M failed, K not built"; exits 1 if a test failed.
# Needs root (for the namespaces) and gcc-multilib.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pattern=${1:-}
test_timeout=${TEST_TIMEOUT:-60}
out=$repo_root/build/linux
cd "$repo_root"
make_tmpdir
[[ $(id -u) == 0 ]] || die "needs root, for the namespaces of its sandbox"
mkdir -p "$out"

# sandbox_root - the script run by unshare: mount a throwaway root over /
# and run "$@" chrooted into it, as a child (not as the namespace's pid 1,
# which Linux shields from signals).
sandbox_root='
set -e
base=$(mktemp -d /dev/shm/linux-check.XXXXXX)
mount -t tmpfs tmpfs "$base"
mkdir -p "$base/upper" "$base/work" "$base/root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$base/upper,workdir=$base/work" "$base/root"
mount --rbind /dev "$base/root/dev"
mount -t proc proc "$base/root/proc"
mount -t tmpfs tmpfs "$base/root/tmp"
cd "$base/root"
chroot "$base/root" "$@" && exit 0
exit $?
'

passed=0 failed=0 unbuilt=0
for file in user/tests/*.c; do
	name=$(basename "$file" .c)
	[[ -z $pattern || test/$name == *$pattern* ]] || continue
	if ! gcc -m32 -static -D_GNU_SOURCE -include tools/linux/compat.h \
		-Itools/linux -Iuser/tests -o "$out/$name" "$file" 2>"$tmpdir/cc.log"; then
		echo "skip $name (does not build for Linux: $(grep -m1 'error' "$tmpdir/cc.log" | sed 's/^[^ ]* //'))"
		unbuilt=$((unbuilt + 1))
		continue
	fi
	if timeout -s KILL "$test_timeout" unshare --pid --fork --ipc --uts --net --mount \
		bash -c "$sandbox_root" sandbox "/$out/$name" >"$tmpdir/run.log" 2>&1; then
		echo "ok   $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name"
		sed 's/^/    /' "$tmpdir/run.log" | tail -n 40
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed, $unbuilt not built"
((failed == 0))
