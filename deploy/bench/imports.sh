#!/usr/bin/env bash
# What each service's historical import costs per row (issue #9): the --demo files (DemoDataFiles, seed 2019, scale
# 0.25, 2018–2019) of one town sent to the service's real import endpoint inside its test JVM (real MariaDB, embedded
# Kafka), each file twice (imported, then all skipped). Per file: wall time, rows/s, the JVM's CPU per row.
# Results: <service>/target/demo-import-benchmark.md. docs/benchmarks/demo-load.md keeps the runs.
# Usage: deploy/bench/imports.sh [service-hall-service hotline-service fleet-service congress-service]
set -euo pipefail
cd "$(dirname "$0")/../.."
services=("$@")
[[ ${#services[@]} -gt 0 ]] || services=(service-hall-service hotline-service fleet-service congress-service)
demo=target/bench-demo
./mvnw -B -o -q -pl platform,contracts,document-service test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/document-service/target/test-classpath.txt"   # the demo data generator, its classpath
rm -rf "$demo"
java -cp "document-service/target/test-classes:$(cat document-service/target/test-classpath.txt)" \
  org.zhenwu.document.demo.DemoDataFiles "$demo" --seed 2019 --scale 0.25 --years 2018,2019
for s in "${services[@]}"; do
  echo "== $s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  ./mvnw -B -o -q -pl "platform,$s" test -Dtest=DemoImportBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhenwu.bench=true -Dzhenwu.bench.demo="$PWD/$demo"
  cat "$s/target/demo-import-benchmark.md"
done
