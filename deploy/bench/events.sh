#!/usr/bin/env bash
# Events end to end (hotline work order accepted → counted by document-service's report) against Kafka's own
# EndToEndLatency tool on the same broker, and the write throughput with the outbox on vs off (EventsBenchmark).
# Starts its own stack on ports 25081/25083 and Kafka 25092, appends to docs/benchmarks/events.md.
# Usage: deploy/bench/events.sh [-Devents=200] [-DeventRate=10] [-DkafkaMessages=1000] [-Dclients=16] [-Dseconds=16]
set -euo pipefail
source "$(dirname "$0")/lib/run.sh"
run_benchmark hotline,document org.zhenwu.deploy.bench.EventsBenchmark "$@"
