#!/usr/bin/env bash
# symlink_tools.sh - host-side test of symbolic links from the shell:
#   - the boot archive's link /usr/bin -> ../bin is unpacked as a link
#     (ls -l shows "bin -> ../bin") and a program runs through it;
#   - `ln -s` makes links (relative and absolute, and into a directory),
#     `ln` hard links (link count 2), `ln -sf` replaces a link;
#   - `ls -l` shows each link as "name -> target", and a link named on
#     its command line is shown, not followed;
#   - `cat` reads through the links.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

[[ -f $repo_root/build/kernel.elf ]] || die "no kernel (run make first)"
make_tmpdir
out=$tmpdir/out
failures=0

"$repo_root/tools/qemu-run" --timeout 30 -- sh -c '
ls -l /usr; /usr/bin/echo through-usr-bin
cd /tmp; echo hello > f
ln -s f rel; ln -s /tmp/f abs; ln f hard
mkdir d; ln -s ../f d
ln -s nowhere moved; ln -sf f moved
ls -l /tmp; ls -l rel; ls -l d
cat rel abs d/f moved' >"$out" 2>&1 || { echo "FAIL: qemu-run exited $?"; cat "$out"; exit 1; }

# need WHAT PATTERN - the output must have a line matching PATTERN.
need() {
	if ! grep -Eq -- "$2" "$out"; then
		echo "FAIL: $1 (no line matching '$2')"
		failures=$((failures + 1))
	fi
}

need "initrd link" '^l.* bin -> \.\./bin$'
need "run through /usr/bin" '^through-usr-bin$'
need "relative link" '^l.* rel -> f$'
need "absolute link" '^l.* abs -> /tmp/f$'
need "link into a directory" '^l.* f -> \.\./f$'
need "ln -sf replaced the link" '^l.* moved -> f$'
need "hard link count" '^-.* 2 .* hard$'
[[ $(grep -c '^hello$' "$out") -eq 4 ]] || { echo "FAIL: cat through links"; failures=$((failures + 1)); }
if ((failures)); then
	cat "$out"
	exit 1
fi
echo "symlink_tools: ok"
