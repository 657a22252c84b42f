#!/usr/bin/env bash
# deps.sh [EXTRA...] - install the Debian packages needed to build, run, test
# and debug the OS (Debian 12).  Prints nothing when everything is already
# installed.  As root it runs apt-get update once, then apt-get install for
# what is missing; otherwise it prints the command to run and exits 1.
#
# EXTRA names optional Linux i386 software for running Linux binaries on
# Relay (tools/linux-deps.sh does the work and says more):
#   busybox  Debian's busybox-static:i386          -> build/deps/busybox/
#   musl     Debian's musl-dev:i386 (crt and libc.a) -> build/deps/musl/
#   linux    Debian's linux-image-686 kernel, and cpio -> build/deps/linux/
# Each is fetched once with `apt-get download` (after enabling the i386
# architecture) and unpacked with dpkg-deb into build/deps/ - never installed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if (($# > 0)); then
	"$repo_root/tools/deps.sh"
	exec "$repo_root/tools/linux-deps.sh" "$@"
fi

packages=(make gcc gcc-multilib nasm qemu-system-x86 grub-pc-bin grub-common
	xorriso mtools gdb)

command -v dpkg-query >/dev/null ||
	die "dpkg-query not found: this script expects Debian 12; install by hand: ${packages[*]}"

missing=()
for package in "${packages[@]}"; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
	if [[ $status != installed ]]; then
		missing+=("$package")
	fi
done
if ((${#missing[@]} == 0)); then
	exit 0
fi

if ((EUID != 0)); then
	cat >&2 <<EOF
$prog: missing Debian packages: ${missing[*]}
$prog: installing them needs root; run this, then try again:

    sudo apt-get update && sudo apt-get install -y ${missing[*]}

EOF
	exit 1
fi

echo "$prog: installing missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q || die "apt-get update failed"
apt-get install -y -q "${missing[@]}" || die "apt-get install ${missing[*]} failed"
echo "$prog: installed ${missing[*]}"
