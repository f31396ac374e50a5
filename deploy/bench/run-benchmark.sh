#!/usr/bin/env bash
# Runs one benchmark main class from a service module's test classes (the service starts inside the benchmark's JVM,
# on a fresh schema, with an embedded Kafka broker). Used by the scripts beside it.
# Usage: deploy/bench/run-benchmark.sh <module> <main class> [-Dname=value ...]
# Needs MariaDB/MySQL at ZHENWU_TEST_DB_URL (default 127.0.0.1:3306, root).
set -euo pipefail
cd "$(dirname "$0")/../.."
module=$1 main=$2
shift 2
./mvnw -B -q -o -pl "$module" -am install -DskipTests
./mvnw -B -q -o -pl "$module" test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
uptime
exec java -XX:+UseSerialGC -Xmx1g "$@" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" "$main"
