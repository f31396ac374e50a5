#!/usr/bin/env bash
# Gateway overhead: GET of one work order by id straight to hotline-service vs through the gateway, then with 50 more
# routes (GatewayOverheadBenchmark). Starts its own stack on ports 25080+, appends to docs/benchmarks/gateway.md.
# Usage: deploy/bench/gateway.sh [-Dclients=16] [-Dseconds=16] [-Dwarmup=3] [-Dagents=200] [-Djit=c1|c2]
#   [-DextraRoutes=false] [-DgatewayEnv="NAME=value;…"] [-DgatewayJfr=/tmp/gateway.jfr]   (~3 min)
set -euo pipefail
source "$(dirname "$0")/lib/run.sh"
run_benchmark gateway,hotline org.zhenwu.deploy.bench.GatewayOverheadBenchmark "$@"
