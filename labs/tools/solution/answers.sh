#!/usr/bin/env bash
# answers.sh - the tools lab's solution: labs/tools/answers.md with every
# answer filled in for this tree's build, on stdout.  Run in the tree's
# root after a build:  labs/tools/solution/answers.sh > labs/tools/answers.md
# (tools/lab leaves labs/*/solution/ out of the lab trees it writes.)
set -euo pipefail
source labs/tools/check_answers.sh
sed 's/^answer \([0-9]*\):.*$/answer \1:/' labs/tools/answers.md |
	while IFS= read -r line; do
		if [[ $line =~ ^answer\ ([0-9]+):$ ]]; then
			echo "answer ${BASH_REMATCH[1]}: $("expected_${BASH_REMATCH[1]}")"
		else
			printf '%s\n' "$line"
		fi
	done
