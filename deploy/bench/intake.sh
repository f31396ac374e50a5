#!/usr/bin/env bash
# Hotline intake through the gateway with full event fan-out (see IntakeBenchmark). Starts the needed part of the
# local stack, runs the load from a second JVM, stops the stack. Usage: deploy/bench/intake.sh [-Drates=50,100,200] [-Dseconds=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .zhenwu
deploy/local-stack.sh --only gateway,hotline,document > .zhenwu/bench-stack.log 2>&1 &
stack=$!
trap 'kill -INT $stack 2>/dev/null; wait $stack 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do grep -q "Ready in" .zhenwu/bench-stack.log 2>/dev/null && break; sleep 1; done
grep "Ready in" .zhenwu/bench-stack.log
java -XX:+UseSerialGC -Xmx256m "$@" -cp "deploy/target/classes:$(cat deploy/target/classpath.txt)" org.zhenwu.deploy.bench.IntakeBenchmark
