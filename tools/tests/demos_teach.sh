#!/usr/bin/env bash
# demos_teach.sh - host-side test of what the demos show, each in a fresh
# boot: every line of every demo fits in 80 columns (the VGA screen), and
# the seed's points are there:
#   pipedemo  a writer sleeping on a full pipe until the reader drains it;
#             SIGPIPE kills a writer with no reader, EPIPE if ignored;
#   sigdemo   SIG_DFL, SIG_IGN and a handler side by side; SIGKILL and
#             SIGSTOP refused by sigaction (EINVAL) and still acting on a
#             child that ignores and blocks everything; only root or the
#             same user may signal (EPERM for bob on alice's process);
#   msgdemo   a sender sleeping on a full queue until a receive;
#   shmdemo   the fork's drop in free frames explained;
#   permdemo  ipc_perm between users: alice is refused (EACCES, EPERM) on
#             root's 600 queue, may read and write at 666 but not remove,
#             may remove it once she owns it; as alice it says to run it
#             as root.
# And tail prints the last lines of a demo's output.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

[[ -f $repo_root/build/kernel.elf ]] || die "no kernel (run make first)"
make_tmpdir
columns=80
failures=0
demos=(sigdemo pipedemo fifodemo msgdemo semdemo shmdemo permdemo)

for demo in "${demos[@]}"; do
	"$repo_root/tools/qemu-run" --timeout 60 -- "$demo" >"$tmpdir/$demo" 2>&1 ||
		{ echo "FAIL $demo: exit status $?"; failures=$((failures + 1)); }
	wide=$(awk -v max="$columns" 'length($0) > max' "$tmpdir/$demo")
	if [[ -n $wide ]]; then
		echo "FAIL $demo: lines wider than $columns columns:"
		sed 's/^/  | /' <<<"$wide"
		failures=$((failures + 1))
	fi
done
"$repo_root/tools/qemu-run" --timeout 60 -- su alice -c sigdemo >"$tmpdir/sigdemo-alice" 2>&1 || true
"$repo_root/tools/qemu-run" --timeout 60 -- sh -c 'msgdemo | tail -3' >"$tmpdir/tail" 2>&1 || true
"$repo_root/tools/qemu-run" --timeout 60 -- su alice -c permdemo >"$tmpdir/permdemo-alice" 2>&1 || true

# need FILE WHAT REGEX - FILE must have a line matching REGEX.
need() {
	if ! grep -Eq -- "$3" "$tmpdir/$1"; then
		echo "FAIL $1: $2 (no line matching '$3')"
		failures=$((failures + 1))
	fi
}

need pipedemo "the pipe fills" 'O_NONBLOCK writes .*: [0-9]+ fit, then EAGAIN'
need pipedemo "the writer sleeps on the full pipe" 'blocking write.* sleeps'
need pipedemo "the writer wakes when the reader drains" 'write returned after [0-9]+ ms: the reader made room'
need pipedemo "SIGPIPE kills" 'killed by signal 13 \(SIGPIPE\)'
need pipedemo "EPIPE when ignored" 'errno EPIPE'
need sigdemo "SIG_DFL kills" 'SIGUSR2 is SIG_DFL'
need sigdemo "SIG_DFL kills" 'killed by signal 12'
need sigdemo "SIG_IGN survives" 'SIGUSR2 is SIG_IGN'
need sigdemo "handler next to them" 'SIGUSR2 arrived in the child'
need sigdemo "SIGKILL refused" 'sigaction\(SIGKILL, SIG_IGN\): -1, EINVAL'
need sigdemo "SIGSTOP refused" 'sigaction\(SIGSTOP, handler\): -1, EINVAL'
need sigdemo "SIGSTOP stops anyway" 'SIGSTOP: child [0-9]+ stopped by signal 19'
need sigdemo "SIGKILL kills anyway" 'SIGKILL: child [0-9]+ killed by signal 9'
need sigdemo "same user allowed" "^  alice kill\\([0-9]+ \\[alice's\\], 0\\): 0, allowed"
need sigdemo "other user refused" "^  bob +kill\\([0-9]+ \\[alice's\\], 0\\): -1, EPERM"
need sigdemo "root allowed" "^  root +kill\\([0-9]+ \\[alice's\\], 0\\): 0, allowed"
need sigdemo-alice "alice may not signal init" 'as uid 1000: kill\(1 .*-1, EPERM'
need msgdemo "the sender sleeps on the full queue" 'does not fit: msgsnd sleeps'
need msgdemo "the sender wakes after a receive" 'msgsnd returned after [0-9]+ ms'
need shmdemo "the fork's frames" '^  fork: .* -> '
need shmdemo "why the fork took frames" 'copy-on-write'
need permdemo "msgget refused" 'alice: msgget\(0x5eed, 0600\) +-1, EACCES'
need permdemo "msgsnd refused" 'alice: msgsnd \(write\) +-1, EACCES'
need permdemo "IPC_STAT refused" 'alice: msgctl IPC_STAT \(read\) -1, EACCES'
need permdemo "IPC_RMID refused" 'alice: msgctl IPC_RMID +-1, EPERM'
need permdemo "msgsnd allowed at 666" 'alice: msgsnd \(write\) +0, allowed'
need permdemo "the owner removes" 'alice: msgctl IPC_RMID +0, allowed'
need permdemo-alice "as alice: run as root" 'run it as root'
need tail "tail -3 of msgdemo" 'would wake with EIDRM'
if (($(wc -l <"$tmpdir/tail") != 3)); then
	echo "FAIL tail: msgdemo | tail -3 printed $(wc -l <"$tmpdir/tail") lines"
	failures=$((failures + 1))
fi

if ((failures > 0)); then
	for f in "${demos[@]}" sigdemo-alice permdemo-alice tail; do
		echo "--- $f:"
		sed 's/^/  | /' "$tmpdir/$f"
	done | head -400
	exit 1
fi
echo "demos_teach: every demo fits 80 columns and shows the seed's points"
