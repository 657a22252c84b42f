#!/usr/bin/env bash
# users_tools.sh - host-side test of the user tools in one boot: id and
# whoami as root and through su; su to alice, bob and nobody (whose shell
# is /bin/false); su refused to a user who is not root; chmod in octal and
# symbolic forms; chown OWNER:GROUP and its refusal to a user; and the
# signal rule as a user: alice may not signal init (root's), may signal
# her own process; alice's ipcs does not show root's 600 queue and says
# so, her ipcrm of it is refused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

[[ -f $repo_root/build/kernel.elf ]] || die "no kernel (run make first)"
make_tmpdir

script='
echo "== id"; id
echo "== whoami"; whoami
echo "== su alice id"; su alice -c id
echo "== su bob"; su bob -c "whoami; id -u; id -gn"
echo "== su nobody"; su nobody -c "id -un"
echo "== su as alice"; su alice -c "su bob -c id"
echo "== id bob"; id bob
touch /tmp/f
echo "== chmod 640"; chmod 640 /tmp/f; ls -l /tmp/f
echo "== chmod u+x,o+r"; chmod u+x,o+r /tmp/f; ls -l /tmp/f
echo "== chmod go=,u-w"; chmod go=,u-w /tmp/f; ls -l /tmp/f
echo "== chown alice:users"; chown alice:users /tmp/f; ls -l /tmp/f
echo "== chown by bob"; su bob -c "chown bob /tmp/f"
echo "== kill by alice"; su alice -c "kill -0 1"
echo "== own kill"; su alice -c "sleep 30 & kill %1; wait; echo waited"
msgdemo -k > /dev/null
echo "== ipcs by alice"; su alice -c "ipcs -q"
echo "== ipcrm by alice"; su alice -c "ipcrm -q 0"
echo "== ipcs by root"; ipcs -q
echo "== end"
'
tools_out=$tmpdir/out
"$repo_root/tools/qemu-run" --timeout 60 -- sh -c "$script" >"$tools_out" 2>&1 || true

failures=0
# section NAME - the lines printed after "== NAME" up to the next "==".
section() {
	awk -v want="== $1" '/^== / { on = ($0 == want); next } on' "$tools_out"
}
# expect NAME REGEX - section NAME must have a line matching REGEX.
expect() {
	if ! section "$1" | grep -Eq -- "$2"; then
		echo "FAIL $1: no line matching '$2'"
		failures=$((failures + 1))
	fi
}

expect id '^uid=0\(root\) gid=0\(root\) groups=0\(root\)$'
expect whoami '^root$'
expect 'su alice id' '^uid=1000\(alice\) gid=1000\(alice\) groups=1000\(alice\),100\(users\)$'
expect 'su bob' '^bob$'
expect 'su bob' '^1001$'
expect 'su nobody' '^nobody$'
expect 'su as alice' 'only root'
expect 'id bob' '^uid=1001\(bob\) gid=1001\(bob\)'
expect 'chmod 640' '^-rw-r----- '
expect 'chmod u+x,o+r' '^-rwxr--r-- '
expect 'chmod go=,u-w' '^-r-x------ '
expect 'chown alice:users' '^-r-x------ +1 +1000 +100 '
expect 'chown by bob' 'Operation not permitted'
expect 'kill by alice' 'Operation not permitted'
expect 'own kill' '^waited$'
expect 'own kill' '^waited$'
expect 'ipcs by alice' 'not shown: no read permission'
expect 'ipcrm by alice' 'Operation not permitted|not permitted|EPERM|denied'
expect 'ipcs by root' '^0x0+ +0 +root +600 '
if section 'own kill' | grep -q 'not permitted'; then
	echo "FAIL own kill: alice could not signal her own process"
	failures=$((failures + 1))
fi
grep -q '^== end$' "$tools_out" || { echo "FAIL: the script did not finish"; failures=$((failures + 1)); }

if ((failures > 0)); then
	echo "--- output:"
	sed 's/^/  | /' "$tools_out"
	exit 1
fi
echo "users_tools: id, whoami, su, chmod, chown and the signal rule behave"
