#!/usr/bin/env bash
# Growth: the hotline's queue claim, list pages (with their capped counts) and /stats (from its rollups), and
# document-service's inbox first page at 10k, 100k, 1M and 10M rows: p50/p99, EXPLAIN per size, growth per 10x rows
# against log n (GrowthBenchmark). The hotline statements are read from hotline-service/target/classes (built here).
# Uses MariaDB only (schemas zhenwu_growth_*, created and dropped); appends to docs/benchmarks/growth.md.
# Usage: deploy/bench/growth.sh [-Dsizes=10000,100000,1000000,10000000] [-Ddocuments.max=N] [-Dseconds=4] [-Dlive=true]
#        (the 10M step loads ~10M work orders and ~10M documents: tens of minutes on 2 shared cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
ZHENWU_BUILD_ONLY=1 deploy/local-stack.sh --only hotline
java=java
if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then java=$JAVA_HOME/bin/java; fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$java" -XX:+UseSerialGC -Xmx512m -Dfile.encoding=UTF-8 "$@" \
  -cp "deploy/target/classes:$(cat deploy/target/classpath.txt)" org.zhenwu.deploy.bench.GrowthBenchmark
