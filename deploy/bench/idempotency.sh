#!/usr/bin/env bash
# What an Idempotency-Key costs: POST /api/hotline/work-orders straight to hotline-service without a key, with a new
# key each time, and resent with used keys (answered from the stored answer), in turns (IdempotencyBenchmark). Starts
# its own stack on ports 25080+, appends to docs/benchmarks/idempotency.md.
# Usage: deploy/bench/idempotency.sh [-Dclients=16] [-Dseconds=16] [-Dwarmup=3] [-Dagents=200]   (~2 min)
set -euo pipefail
source "$(dirname "$0")/lib/run.sh"
run_benchmark hotline org.zhenwu.deploy.bench.IdempotencyBenchmark "$@"
