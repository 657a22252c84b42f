#!/usr/bin/env bash
# bench.sh - `make bench`: run /bin/bench (user/bin/bench.c) in the OS under
# QEMU with -icount, so the guest's time stamp counter counts instructions
# and the cycles-per-operation figures repeat exactly from run to run.
# Arguments name benchmarks to run (default: all).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
make -s all
echo "Relay benchmarks (QEMU -icount: 1 cycle = 1 guest instruction)"
QEMU_EXTRA="-icount shift=0,sleep=off" tools/qemu-run --timeout 300 -- bench "$@"
