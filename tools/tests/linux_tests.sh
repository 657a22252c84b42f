#!/usr/bin/env bash
# linux_tests.sh - the project's own test programs built as Linux binaries
# on the host and run unchanged on Relay: each test named in
# user/linux/tests.list is built with glibc (gcc -m32 -static, as
# tools/linux-check.sh builds it) and/or musl (tools/musl-gcc), as the
# list says, and run in Relay as /linux/test/LIBC/NAME; it passes iff it
# exits 0, as it does when built against Relay's libc.  Prints one line
# per binary (with the parts of issue 10 the list says it waits for, when
# it fails), then a count; fails if any failed.
#
# The binaries (about 700 KiB each with glibc) do not fit in one kernel
# image, so tools/relay-image.sh packs them into variant kernels of at
# most $batch_bytes each.  To add a test, add a line to the list.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

list=user/linux/tests.list
out=build/linux-tests
batch_bytes=$((5 * 1024 * 1024))
test_timeout=${TEST_TIMEOUT:-30}
cd "$repo_root"
make_tmpdir
[[ -f build/deps/musl/usr/lib/i386-linux-musl/libc.a ]] ||
	die "no musl in build/deps: run tools/deps.sh musl (as root)"
flags=(-O2 -s -D_GNU_SOURCE -include tools/linux/compat.h -Itools/linux -Iuser/tests)
newest_header=$(ls -t user/tests/*.h tools/linux/*.h tools/linux/*/*.h | head -n 1)

# build LIBC NAME - build user/tests/NAME.c against LIBC unless up to date.
build() {
	local libc=$1 name=$2 bin=$out/$1/$2 src=user/tests/$2.c
	[[ $bin -nt $src && $bin -nt $newest_header ]] && return
	mkdir -p "$out/$libc"
	if [[ $libc == glibc ]]; then
		gcc -m32 -static "${flags[@]}" -o "$bin" "$src"
	else
		tools/musl-gcc "${flags[@]}" -o "$bin" "$src"
	fi
}

# The binaries to run, each "LIBC NAME WAITS"; a line is "NAME LIBC=WAITS...".
runs=()
while read -r name builds; do
	[[ -z $name || $name == \#* ]] && continue
	[[ -f user/tests/$name.c ]] || die "$list: no user/tests/$name.c"
	for word in $builds; do
		libc=${word%%=*} waits=${word#*=}
		[[ $libc == glibc || $libc == musl ]] || die "$list: $name: unknown libc in $word"
		build "$libc" "$name" 2>"$tmpdir/cc.log" ||
			die "$list: $name does not build with $libc: $(grep -m1 error "$tmpdir/cc.log")"
		runs+=("$libc $name ${waits:--}")
	done
done <"$list"

passed=0 failed=0
# run_batch FIRST END KERNEL - run runs[FIRST..END-1] in the variant KERNEL.
run_batch() {
	local i status libc name waits
	for ((i = $1; i < $2; i++)); do
		read -r libc name waits <<<"${runs[i]}"
		status=0
		tools/qemu-run --timeout "$test_timeout" --kernel "$3" -- \
			"/linux/test/$libc/$name" >"$tmpdir/out" 2>&1 || status=$?
		if [[ $status == 0 ]]; then
			echo "ok   $libc/$name"
			passed=$((passed + 1))
		else
			echo "FAIL $libc/$name (exit status $status; waits for: $waits)"
			sed 's/^/    /' "$tmpdir/out" | tail -n 15
			failed=$((failed + 1))
			echo "$libc=$waits" >>"$tmpdir/waits"
		fi
	done
}

first=0 size=0 files=() batch=0
for ((i = 0; i <= ${#runs[@]}; i++)); do
	if ((i < ${#runs[@]})); then
		read -r libc name _ <<<"${runs[i]}"
		bytes=$(stat -c %s "$out/$libc/$name")
	fi
	if ((i == ${#runs[@]} || (size + bytes > batch_bytes && ${#files[@]} > 0))); then
		kernel=$(tools/relay-image.sh "linux_tests$batch" "${files[@]}")
		run_batch "$first" "$i" "$kernel"
		first=$i size=0 files=() batch=$((batch + 1))
	fi
	if ((i < ${#runs[@]})); then
		files+=("$out/$libc/$name=/linux/test/$libc/$name")
		size=$((size + bytes))
	fi
done
if ((failed > 0)); then
	echo "the failed binaries, by what the list says they wait for:"
	sort "$tmpdir/waits" | uniq -c | sed 's/^/   /'
fi
echo "linux_tests: $passed passed, $failed failed (of $list)"
((failed == 0 && passed > 0))
