#!/usr/bin/env bash
# Hotline queue claims: the service over HTTP vs a bare JDBC loop with the same claim SQL, same run, same database.
# Usage: deploy/bench/queue-claims.sh [-Dagents=16] [-Dorders=1000000] [-Dseconds=20] [-Dwarmup=5]
# Needs MariaDB/MySQL at ZHENWU_TEST_DB_URL (default 127.0.0.1:3306, root); starts its own Kafka broker (embedded KRaft).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl hotline-service -am install -DskipTests
./mvnw -B -q -pl hotline-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
exec java -XX:+UseSerialGC -Xmx1g "$@" \
  -cp "hotline-service/target/test-classes:hotline-service/target/classes:$(cat hotline-service/target/bench.classpath)" \
  org.zhenwu.hotline.bench.QueueClaimBenchmark
