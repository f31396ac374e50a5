#!/usr/bin/env bash
# Hotline intake (issue #3's goal): POST /api/hotline/work-orders straight to hotline-service vs through the gateway,
# saturated and at 100/s, then the event fan-out to document-service's report (IntakeBenchmark). Starts its own stack
# on ports 25080+, appends to docs/benchmarks/intake.md.
# Usage: deploy/bench/intake.sh [-Dclients=16] [-Drate=100] [-Dseconds=16] [-Dwarmup=3] [-Dagents=200]   (~3 min)
set -euo pipefail
source "$(dirname "$0")/lib/run.sh"
run_benchmark gateway,hotline,document org.zhenwu.deploy.bench.IntakeBenchmark "$@"
