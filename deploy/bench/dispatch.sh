#!/usr/bin/env bash
# Fleet 派车 under contention: 50 dispatchers over 20 vehicles, over HTTP vs bare JDBC with the same locks and
# overlap statements (DispatchBenchmark). Usage: deploy/bench/dispatch.sh [-Dclients=50] [-Dvehicles=20] [-Dseconds=15]
exec "$(dirname "$0")/run-benchmark.sh" fleet-service org.zhenwu.fleet.trip.DispatchBenchmark "$@"
