#!/usr/bin/env bash
# Capacity: the highest steady mixed load (intake, claims, reads, lists, queue sizes) through the gateway with
# p99 < 200 ms, as a multiple of Beijing 12345's peak (CapacityBenchmark). Starts its own stack on ports 25080+,
# appends to docs/benchmarks/capacity.md.
# Usage: deploy/bench/capacity.sh [-Drates=18,36,54,72,90,135,180,225,270,360,450] [-Dwarmup=3] [-Dseconds=8]
#   [-DstackEnv="MANAGEMENT_TRACING_SAMPLING_PROBABILITY=0.1"]   (~3 min)
set -euo pipefail
source "$(dirname "$0")/lib/run.sh"
run_benchmark gateway,hotline,document org.zhenwu.deploy.bench.CapacityBenchmark "$@"
