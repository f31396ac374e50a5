#!/usr/bin/env bash
# Footprint: time to ready and RSS of the gateway and the five services, alone and as the whole stack (real Kafka
# broker, MariaDB), plain `java -jar` vs the local stack's lean flags vs class-data sharing (FootprintBenchmark).
# Own ports 27180+, schemas zhenwu_fp_* (dropped at the end); appends to docs/benchmarks/footprint.md.
# Usage: deploy/bench/footprint.sh [-Drounds=2] [-Dvariants=plain,plain+CDS,lean,lean+CDS] [-Dalone=true]
#        [-Dwarmup=false] [-Dtimeout=400]   (~10 min on a quiet machine; 40+ min at a load of 30)
set -euo pipefail
source "$(dirname "$0")/lib/run.sh"
run_benchmark gateway,document,service-hall,hotline,fleet,congress org.zhenwu.deploy.bench.FootprintBenchmark "$@"
