#!/usr/bin/env bash
# relay-image.sh NAME HOSTFILE=GUESTPATH... - build a variant of the kernel
# whose root holds the image's usual files plus the given host files, and
# print its path (build/variant/NAME/kernel.elf) for `qemu-run --kernel`.
# It lets tests and tools/compare.sh run binaries built on the host (glibc
# or musl programs) without adding them to build/kernel.elf, which other
# tests use at the same time.  The usual root is build/initrd.tar (which
# make replaces in one rename, unlike build/root) less /linux (kept out to
# leave room: the kernel image must stay small).  Run `make all` first;
# the variant is linked from the same objects.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# >= 1)) || die "usage: $prog NAME HOSTFILE=GUESTPATH..."
name=$1
shift
[[ -f $repo_root/build/initrd.tar && -f $repo_root/build/ksyms.o ]] ||
	die "no build/initrd.tar or build/ksyms.o: run make all first"
variant=$repo_root/build/variant/$name
stage=$variant/root
rm -rf "$stage"
mkdir -p "$stage"
tar -xf "$repo_root/build/initrd.tar" -C "$stage"
rm -rf "$stage/linux"
for pair in "$@"; do
	host=${pair%%=*} guest=${pair#*=}
	[[ -f $host && $guest == /* ]] || die "bad HOSTFILE=GUESTPATH: $pair"
	mkdir -p "$stage$(dirname "$guest")"
	cp "$host" "$stage$guest"
	chmod 755 "$stage$guest"
done
tar --format=ustar --owner=0 --group=0 --mtime=@0 --sort=name \
	-cf "$variant/initrd.tar" -C "$stage" .
rm -rf "$stage"
make -s -C "$repo_root" "build/variant/$name/kernel.elf" >&2
echo "$variant/kernel.elf"
