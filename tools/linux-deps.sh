#!/usr/bin/env bash
# linux-deps.sh EXTRA... - fetch the optional Linux i386 software that
# running Linux binaries on Relay needs, from Debian's archive, into
# build/deps/ (run through `tools/deps.sh EXTRA...`).  Prints nothing when
# everything asked for is already there.
#
#   busybox  busybox-static:i386; build/deps/busybox/bin/busybox
#   musl     musl-dev:i386 and musl:i386; build/deps/musl/usr/{include,lib}/i386-linux-musl
#            (tools/musl-gcc builds i386 musl-static programs against it)
#   linux    the kernel package linux-image-686 depends on (linux-image-VERSION-686:i386);
#            build/deps/linux/vmlinuz, plus the host's cpio package (installed,
#            to pack the initramfs of tools/linux-run)
#
# How, as root: `dpkg --add-architecture i386` if i386 is not enabled yet,
# `apt-get update` if apt knows no i386 package yet (or a download failed),
# then `apt-get download PKG:i386` into build/deps/debs/ and `dpkg-deb -x`
# into build/deps/EXTRA/.  No i386 package is installed on the host.  As
# another user it prints the commands to run as root and exits 1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

deps=$repo_root/build/deps

# present EXTRA - true if EXTRA has already been unpacked.
present() {
	case $1 in
	busybox) [[ -x $deps/busybox/bin/busybox ]] ;;
	musl) [[ -f $deps/musl/usr/lib/i386-linux-musl/libc.a ]] ;;
	linux) [[ -f $deps/linux/vmlinuz ]] && command -v cpio >/dev/null ;;
	*) die "unknown extra '$1' (busybox, musl or linux)" ;;
	esac
}

wanted=()
for extra in "$@"; do
	present "$extra" || wanted+=("$extra")
done
((${#wanted[@]} > 0)) || exit 0

if ((EUID != 0)); then
	cat >&2 <<EOF
$prog: missing: ${wanted[*]} (Linux i386 software from Debian, unpacked in build/deps/)
$prog: fetching it needs root (to enable the i386 architecture); run this, then try again:

    sudo tools/deps.sh ${wanted[*]}

EOF
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! dpkg --print-foreign-architectures | grep -qx i386; then
	echo "$prog: enabling the i386 architecture (dpkg --add-architecture i386)"
	dpkg --add-architecture i386
fi
updated=0
apt_update() {
	((updated)) && return
	echo "$prog: apt-get update (for the i386 package lists)"
	apt-get update -q >/dev/null || die "apt-get update failed"
	updated=1
}
if ! apt-cache show busybox-static:i386 >/dev/null 2>&1; then
	apt_update
fi

# download PKG... - apt-get download the i386 packages into build/deps/debs.
download() {
	mkdir -p "$deps/debs"
	local names=("${@/%/:i386}")
	# apt's download user cannot write into a root-only tree: say nothing of it.
	if ! (cd "$deps/debs" && apt-get download -q "${names[@]}") >"$deps/debs/log" 2>&1; then
		apt_update
		(cd "$deps/debs" && apt-get download -q "${names[@]}") >"$deps/debs/log" 2>&1 ||
			die "apt-get download ${names[*]} failed: $(tail -n 3 "$deps/debs/log")"
	fi
}

# unpack DIR PKG [MEMBER] - extract the downloaded package PKG (only its
# MEMBER folder if given) into build/deps/DIR.
unpack() {
	local dir=$deps/$1 pkg=$2 member=${3:-.} deb
	deb=$(ls -t "$deps/debs/${pkg}_"*_i386.deb | head -n 1)
	mkdir -p "$dir.new"
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dir.new" "$member" ||
		die "cannot unpack $deb"
}

# install_unpacked DIR - put build/deps/DIR.new in place of DIR.
install_unpacked() {
	local dir=$deps/$1
	rm -rf "$dir"
	mv "$dir.new" "$dir"
}

for extra in "${wanted[@]}"; do
	case $extra in
	busybox)
		echo "$prog: fetching busybox-static:i386 into build/deps/busybox"
		download busybox-static
		rm -rf "$deps/busybox.new"
		unpack busybox busybox-static
		install_unpacked busybox
		;;
	musl)
		echo "$prog: fetching musl-dev:i386 and musl:i386 into build/deps/musl"
		download musl-dev musl
		rm -rf "$deps/musl.new"
		unpack musl musl-dev
		unpack musl musl
		install_unpacked musl
		;;
	linux)
		if ! command -v cpio >/dev/null; then
			echo "$prog: installing cpio (packs the initramfs of tools/linux-run)"
			apt-get install -y -q cpio >/dev/null || die "apt-get install cpio failed"
		fi
		image=$(apt-cache depends linux-image-686:i386 |
			awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { sub(/:i386$/, "", $2); print $2; exit }')
		[[ -n $image ]] || die "cannot tell which kernel linux-image-686:i386 depends on"
		echo "$prog: fetching $image:i386 (about 50 MB) into build/deps/linux"
		download "$image"
		rm -rf "$deps/linux.new"
		unpack linux "$image" ./boot
		install_unpacked linux
		ln -sf "$(cd "$deps/linux" && ls boot/vmlinuz-*)" "$deps/linux/vmlinuz"
		rm -f "$deps/debs/${image}_"*.deb
		;;
	esac
	present "$extra" || die "$extra: not found after unpacking it"
done
