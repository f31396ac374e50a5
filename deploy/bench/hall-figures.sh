#!/usr/bin/env bash
# Service hall figures for a year of a large town: naive full scan vs the service (HallFiguresBenchmark).
# Usage: deploy/bench/hall-figures.sh [-Dapplications=500000] [-Dseconds=15] [-Dwarmup=3]
exec "$(dirname "$0")/run-benchmark.sh" service-hall-service org.zhenwu.servicehall.bench.HallFiguresBenchmark "$@"
