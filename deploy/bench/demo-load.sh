#!/usr/bin/env bash
# deploy/local-stack.sh --demo, timed on a fresh stack: stack start, loading per service (wall, rows/s, CPU) and the
# time until the 2019 report counts every generated record (DemoLoadBenchmark). Starts its own stack on ports
# 26080–26085 and Kafka 26092/26093 with schemas zhenwu_demobench_*, appends to docs/benchmarks/demo-load.md.
# Usage: deploy/bench/demo-load.sh [-Dscale=0.25] [-Dseed=2019] [-Dlabel=<what code this is>] [-Dcds=true]
set -euo pipefail
source "$(dirname "$0")/lib/run.sh"
ZHENWU_BUILD_ONLY=1 "$(dirname "$0")/../local-stack.sh" --demo   # also the demo data generator and its classpath
run_benchmark gateway,document,service-hall,hotline,fleet,congress org.zhenwu.deploy.bench.DemoLoadBenchmark "$@"
