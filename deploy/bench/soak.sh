#!/usr/bin/env bash
# A bounded soak through the gateway (see SoakRun): starts an isolated stack of its own (free ports,
# schemas zhenwu_soak_*), drives a steady mixed load, records error rate, p99 and memory per window in
# docs/benchmarks/soak.md, stops the stack. Needs the jars: ./mvnw -B -o -q package -DskipTests -pl gateway,\
# hotline-service,document-service,service-hall-service,deploy -am
# Usage: deploy/bench/soak.sh [-Drate=20] [-Dseconds=300] [-Dwindow=30]
set -euo pipefail
cd "$(dirname "$0")/../.."
load="load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -XX:+UseSerialGC -Xmx256m -Dzhenwu.repo.root=. "-Dload.note=$load" "$@" \
    -cp "deploy/target/classes:$(cat deploy/target/classpath.txt)" org.zhenwu.deploy.bench.SoakRun
