#!/usr/bin/env bash
# compile-commands.sh CC KCFLAGS UCFLAGS "KERNEL_C_FILES" "USER_C_FILES" -
# print a compile_commands.json (the JSON compilation database that clangd
# and other editors read) for the given files: the kernel's with KCFLAGS,
# the user programs' and the C library's with UCFLAGS, all compiled from
# the repository root.  `make compile_commands.json` runs it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# == 5)) || die "usage: $prog CC KCFLAGS UCFLAGS KERNEL_FILES USER_FILES"
cc=$1 kcflags=$2 ucflags=$3
read -ra kernel_files <<<"$4"
read -ra user_files <<<"$5"

# json STRING - STRING as a JSON string literal.
json() {
	local s=${1//\\/\\\\}
	printf '"%s"' "${s//\"/\\\"}"
}

# entry FILE FLAGS - one database entry.
entry() {
	printf '  {"directory": %s, "file": %s, "command": %s}' \
		"$(json "$repo_root")" "$(json "$1")" \
		"$(json "$cc $2 -c $1 -o build/${1%.c}.o")"
}

echo "["
sep=
for f in "${kernel_files[@]}"; do
	printf '%s' "$sep"; entry "$f" "$kcflags"; sep=$',\n'
done
for f in "${user_files[@]}"; do
	[[ $f == *.c ]] || continue
	printf '%s' "$sep"; entry "$f" "$ucflags"; sep=$',\n'
done
printf '\n]\n'
