#!/usr/bin/env bash
# compare.sh PROG.c [ARGS...] - `make compare PROG=path.c ARGS="..."`: build
# one static i386 program, run it in Relay (tools/qemu-run) and in Debian's
# i686 Linux kernel under the same QEMU (tools/linux-run), and show the two
# outputs side by side, differing lines marked by diff -y: '|' changed,
# '<' only in Relay's, '>' only in Linux's.  The last line of each side is
# the exit status.
#
# LIBC chooses the binaries (default glibc):
#   glibc  gcc -m32 -static against the host's glibc: the same file in both
#   musl   tools/musl-gcc: the same file in both
#   relay  Relay's own libc for Relay (as `make EXTRA_PROGS` builds it),
#          glibc for Linux: for programs Relay cannot run as Linux binaries
# Programs from user/tests build as tools/linux-check.sh builds them
# (tools/linux/compat.h first, tools/linux/ and user/tests on the path).
# TIMEOUT (default 60) bounds each run; COLUMNS sets the width.  Run make
# first (make compare does).
# Exit status: 0 if outputs and statuses are the same, 1 if they differ,
# 2 if a binary could not be built.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# >= 1)) || { echo "usage: $prog PROG.c [ARGS...]  (make compare PROG=path.c)" >&2; exit 2; }
src=$1
shift
[[ -f $src ]] || { echo "$prog: no such file: $src" >&2; exit 2; }
src=$(cd "$(dirname "$src")" && pwd)/$(basename "$src")
name=$(basename "$src" .c)
libc=${LIBC:-glibc}
timeout=${TIMEOUT:-60}
width=${COLUMNS:-160}
out=$repo_root/build/compare
guest=/compare/$name
cd "$repo_root"
mkdir -p "$out"
make_tmpdir

linux_flags=(-O2 -D_GNU_SOURCE -include tools/linux/compat.h -Itools/linux -Iuser/tests)
build_failed() {
	echo "$prog: cannot build $src $1:" >&2
	sed 's/^/    /' "$tmpdir/cc.log" >&2
	exit 2
}
# No `make all` here: tests run this next to others that boot build/.
[[ -f build/kernel.elf && -f build/initrd.tar ]] || { echo "$prog: build first (make)" >&2; exit 2; }
case $libc in
glibc | relay)
	gcc -m32 -static "${linux_flags[@]}" -o "$out/$name.glibc" "$src" 2>"$tmpdir/cc.log" ||
		build_failed "with glibc"
	linux_bin=$out/$name.glibc
	;;
musl)
	tools/deps.sh musl
	tools/musl-gcc "${linux_flags[@]}" -o "$out/$name.musl" "$src" 2>"$tmpdir/cc.log" ||
		build_failed "with musl"
	linux_bin=$out/$name.musl
	;;
*)
	echo "$prog: LIBC must be glibc, musl or relay, not '$libc'" >&2
	exit 2
	;;
esac
if [[ $libc == relay ]]; then
	make -s EXTRA_ONCE=1 EXTRA_PROGS="$src" "build/extra/$name" >"$tmpdir/cc.log" 2>&1 ||
		build_failed "with Relay's libc"
	relay_bin=build/extra/$name
	relay_what="Relay's libc"
	linux_what="glibc-static"
else
	relay_bin=$linux_bin
	relay_what="$libc-static, the same file as Linux's"
	linux_what="$libc-static"
fi
kernel=$(tools/relay-image.sh "compare-$name" "$relay_bin=$guest")

# run_side OUTFILE RUNNER... - run the program, its exit status last.
run_side() {
	local file=$1 status=0
	shift
	"$@" >"$file" 2>&1 </dev/null || status=$?
	echo "[exit status $status]" >>"$file"
}
run_side "$tmpdir/relay" tools/qemu-run --timeout "$timeout" --kernel "$kernel" -- "$guest" "$@"
run_side "$tmpdir/linux" tools/linux-run --timeout "$timeout" --add "$linux_bin=$guest" -- "$guest" "$@"

linux_version=$(basename "$(readlink build/deps/linux/vmlinuz)")
echo "compare $guest${1+$(printf ' %q' "$@")}"
echo "  left:  Relay ($relay_what)"
echo "  right: Linux ${linux_version#vmlinuz-} ($linux_what)"
echo
status=0
diff --side-by-side --width="$width" --expand-tabs "$tmpdir/relay" "$tmpdir/linux" || status=$?
echo
if ((status == 0)); then
	echo "same output and exit status"
	exit 0
fi
echo "outputs differ (marked: | changed, < Relay only, > Linux only)"
if [[ $libc != relay ]] && grep -qE '^\[exit status (127|1[3-9][0-9])\]$' "$tmpdir/relay"; then
	echo "(if Relay cannot run $libc binaries yet: LIBC=relay builds its side with Relay's own libc)"
fi
exit 1
