#!/usr/bin/env bash
# linux_deps.sh - what `tools/deps.sh busybox musl linux` fetched (make test
# runs it first) is there and usable: asking again prints nothing; an
# unknown extra is refused; tools/musl-gcc builds an i386 static program
# that runs on this host's kernel with the right output and status; Debian's
# busybox is an i386 static binary that runs here; the Linux kernel image
# is a bzImage.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

cd "$repo_root"
make_tmpdir
failed=0
# i386_static FILE - FILE is a 32-bit x86 ELF executable without an interpreter.
i386_static() {
	readelf -h "$1" | grep -q "Class: *ELF32" &&
		readelf -h "$1" | grep -q "Machine: *Intel 80386" &&
		readelf -h "$1" | grep -q "Type: *EXEC" &&
		! readelf -l "$1" | grep -q INTERP
}

check() {
	if eval "$1"; then
		echo "ok   $2"
	else
		echo "FAIL $2"
		failed=1
	fi
}

tools/deps.sh busybox musl linux >"$tmpdir/again" 2>&1 || true
check '[[ ! -s $tmpdir/again ]]' "deps.sh says nothing when all is there"
check '! tools/deps.sh nonesuch 2>"$tmpdir/err" && grep -q "unknown extra" "$tmpdir/err"' \
	"deps.sh refuses an unknown extra"

cat >"$tmpdir/m.c" <<'PROG'
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) { printf("musl %s %zu\n", argv[1], strlen(argv[1])); return argc; }
PROG
tools/musl-gcc -O2 -o "$tmpdir/m" "$tmpdir/m.c"
check 'i386_static "$tmpdir/m"' "musl-gcc builds an i386 static executable"
status=0
"$tmpdir/m" hello >"$tmpdir/out" || status=$?
check '[[ $status == 2 && $(cat "$tmpdir/out") == "musl hello 5" ]]' "the musl program runs (status $status)"
check '! grep -q GLIBC "$tmpdir/m"' "no glibc in the musl program"

busybox=build/deps/busybox/bin/busybox
check 'i386_static "$busybox"' "busybox is an i386 static executable"
check '[[ $("$busybox" sh -c "echo \$((6 * 7))") == 42 ]]' "busybox sh runs on this host"
# A bzImage has "HdrS" at offset 0x202 (the x86 boot protocol's header).
check '[[ $(dd if=build/deps/linux/vmlinuz bs=1 skip=$((0x202)) count=4 status=none) == HdrS ]]' \
	"build/deps/linux/vmlinuz is a Linux kernel (bzImage)"
((failed == 0))
