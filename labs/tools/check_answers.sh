#!/usr/bin/env bash
# check_answers.sh N - the tools lab's check of answer N in
# labs/tools/answers.md (or the file $LAB_ANSWERS): exits 0 iff it matches
# what this tree's build says.  Run by tools/grade (grade.conf's @host
# checks) in the tree's root, after the build.  Each expected value is
# recomputed from the build or the source (expected_N below), so the
# answers stay right as the kernel changes; a wrong answer is reported
# without the right one.  Numbers compare as numbers: hexadecimal with or
# without 0x, in any case, or decimal where the question asks for it.
set -euo pipefail

answers=${LAB_ANSWERS:-labs/tools/answers.md}

# nm_address SYMBOL FILE - SYMBOL's address in FILE, in hex.
nm_address() {
	nm "$2" | awk -v s="$1" '$3 == s && !done { print $1; done = 1 }'
}
# gdb_break WHAT FILE - where gdb puts `break WHAT` in FILE: "ADDR LINE".
gdb_break() {
	gdb -nx -batch -ex "break $1" "$2" 2>/dev/null |
		sed -n 's/^Breakpoint 1 at \(0x[0-9a-f]*\): file .*, line \([0-9]*\)\.$/\1 \2/p'
}

expected_1() { nm_address kernel_main build/kernel.elf; }
expected_2() {
	readelf -lW build/kernel.elf | awk '$1 == "LOAD" && !done { print $4; done = 1 }'
}
expected_3() { awk '$2 == "__NR_getppid" { print $3 }' include/uapi/unistd_32.h; }
expected_4() { find build/root/bin -maxdepth 1 -type f | wc -l; }
expected_5() {
	local status=0
	tools/qemu-run --timeout 30 -- crash segv >/dev/null 2>&1 || status=$?
	echo "$status"
}
expected_6() { gdb_break syscall_dispatch build/kernel.elf | cut -d' ' -f2; }
expected_7() { gdb_break main build/user/bin/sh | cut -d' ' -f1; }
expected_8() { awk '$2 == "MULTIBOOT_BOOTLOADER_MAGIC" { print $3 }' boot/multiboot.h; }

# kind N - how answer N is compared: hex or dec.
kind() {
	case $1 in
	1 | 2 | 7 | 8) echo hex ;;
	*) echo dec ;;
	esac
}

# number KIND TEXT - TEXT as a decimal number, or nothing if it is not one.
number() {
	local text=${2,,}
	text=${text//\`/}
	if [[ $1 == hex && $text =~ ^(0x)?0*([0-9a-f]{1,8})$ ]]; then
		echo $((16#${BASH_REMATCH[2]}))
	elif [[ $1 == dec && $text =~ ^0*([0-9]{1,9})$ ]]; then
		echo $((10#${BASH_REMATCH[1]}))
	elif [[ $1 == dec && $text =~ ^0*$ && -n $text ]]; then
		echo 0
	fi
}

# answer N - the student's answer N, trimmed.
answer() {
	awk -v tag="answer $1:" 'index($0, tag) == 1 && !done {
		s = substr($0, length(tag) + 1)
		gsub(/^[ \t]+|[ \t\r]+$/, "", s)
		print s
		done = 1
	}' "$answers"
}

check() {
	local n=$1 want got text
	want=$("expected_$n")
	[[ -n $want ]] || { echo "check_answers: cannot compute answer $n from this build"; return 1; }
	[[ $(kind "$n") == hex ]] && want=${want#0x}
	want=$(number "$(kind "$n")" "$want")
	text=$(answer "$n")
	if [[ -z $text ]]; then
		echo "answer $n is empty (in $answers)"
		return 1
	fi
	got=$(number "$(kind "$n")" "$text")
	if [[ -z $got ]]; then
		echo "answer $n: '$text' is not a $([[ $(kind "$n") == hex ]] && echo hexadecimal || echo decimal) number"
		return 1
	fi
	if [[ $got != "$want" ]]; then
		echo "answer $n: '$text' is not right for this build"
		return 1
	fi
	echo "answer $n: right"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	[[ $# == 1 && $1 =~ ^[1-8]$ ]] || { echo "usage: $0 1..8" >&2; exit 2; }
	[[ -f $answers ]] || { echo "no $answers"; exit 1; }
	check "$1"
fi
