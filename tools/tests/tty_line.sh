#!/usr/bin/env bash
# tty_line.sh - host-side test of the terminal's canonical line editing,
# typed on the serial console through tools/qemu-run --input:
#   - erase (DEL and Backspace) removes the last character;
#   - kill (Ctrl-U) removes the whole line being edited;
#   - Ctrl-C drops the line being edited (no foreground job to signal) -
#     and, as on Linux, every line typed before it not read yet, so it is
#     typed first here;
#   - Ctrl-D in the middle of a line hands over what is there, without a
#     newline; Ctrl-D on an empty line is end of file.
# cat copies what it reads into a file, and the file is shown after a
# marker, apart from the echo of the typing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

typed=$'lost\x03abx\x7fc\nkill me\x15ok\nraw\x08\x08w\npart\x04'
expected=$'abc\nok\nrw\npart'
marker="=== file ==="

output=$(printf '%s' "$typed" | "$repo_root/tools/qemu-run" --timeout 30 --input - -- \
	sh -c "cat > /tmp/typed; echo '$marker'; cat /tmp/typed") ||
	die "qemu-run failed (status $?)"
got=${output#*"$marker"$'\n'}
if [[ $output != *"$marker"* || $got != "$expected" ]]; then
	echo "tty_line: cat read $(printf '%q' "$got"), expected $(printf '%q' "$expected")"
	echo "--- console:"
	printf '%s\n' "$output"
	exit 1
fi
