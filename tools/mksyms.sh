#!/usr/bin/env bash
# mksyms.sh - turn `nm -n kernel.elf` output (file or - for stdin) into a
# NASM source for the kernel's symbol table (section .ksyms), which panic()
# uses to name the functions of a backtrace.
#
# Layout: ksym_count (dd), then ksym_table: ksym_count pairs of
# (address, pointer to NUL-terminated name), sorted by address.
set -euo pipefail
in=${1:--}
awk '
$2 ~ /^[tT]$/ && $1 ~ /^c0/ { addr[n] = $1; name[n] = $3; n++ }
END {
	print "section .ksyms progbits alloc noexec nowrite align=4"
	print "global ksym_count, ksym_table"
	print "ksym_count: dd " n + 0
	print "ksym_table:"
	for (i = 0; i < n; i++)
		printf "\tdd 0x%s, ksym_name_%d\n", addr[i], i
	for (i = 0; i < n; i++)
		printf "ksym_name_%d: db \"%s\", 0\n", i, name[i]
}' "$in"
