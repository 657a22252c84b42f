#!/usr/bin/env bash
# deps.sh - install the Debian packages needed to build, run, test and debug
# the OS (Debian 12).  Prints nothing when everything is already installed.
# As root it runs apt-get update once, then apt-get install for what is
# missing; otherwise it prints the command to run and exits 1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

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
