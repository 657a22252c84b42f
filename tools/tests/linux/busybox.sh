# busybox.sh - the script tools/tests/linux_busybox.sh runs with Debian's
# busybox-static for i386 as `/linux/busybox sh /linux/busybox.sh`, on
# Relay and (to check what it expects) on Linux.  Applets are called
# through $bb, so that Relay's own /bin utilities of the same names are
# never the ones that run.  Each check prints one line; the test compares
# them with busybox.expected.
bb=/linux/busybox
cd /tmp || exit 1

# A pipeline of three processes, and command substitution.
words=$(echo one two three four | $bb tr ' ' '\n' | $bb grep -c o)
echo "pipeline: $words words with an o"
echo "substitution: $(echo $(echo nested))"

# trap: the handler runs when the shell gets the signal.
trap 'echo "trap: caught USR1"' USR1
$bb kill -USR1 $$
trap - USR1

# Background jobs and wait, with their exit statuses.
(exit 3) &
first=$!
$bb sleep 1 &
second=$!
wait $first
echo "wait: first job exited $?"
wait $second
echo "wait: second job exited $?"
# (the shell may say "Terminated" on stderr, or not, depending on timing)
(
	$bb sleep 5 &
	$bb kill $!
	wait $!
	echo "wait: killed job status $?"
) 2>/dev/null

# Files: touch, ln -s, ls -l, mkfifo.
$bb touch file
$bb ln -s file link
$bb ls -l link | $bb awk '{ print "ls -l:", substr($1, 1, 1), $(NF - 2), $(NF - 1), $NF }'
$bb mkfifo fifo
echo "through the fifo" > fifo &
read line < fifo
wait
echo "mkfifo: $line"
$bb ls -l fifo | $bb awk '{ print "ls -l fifo:", substr($1, 1, 1) }'

# Processes and users: ps, kill -l, id.
$bb sleep 3 &
$bb ps | $bb awk -v pid=$! '$1 == pid { print "ps: shows the sleep" }'
$bb kill $!
echo "kill -l: $($bb kill -l 9) $($bb kill -l 15) $($bb kill -l USR1)"
echo "id: $($bb id -u) $($bb id -g)"
echo "done"
