#!/usr/bin/env bash
# Sourced by the benchmarks in deploy/bench: builds the jars the named services need (as deploy/local-stack.sh does),
# then runs one benchmark class of the deploy module in its own JVM, the load generator beside the stack it starts.
# Usage (from a benchmark script): run_benchmark <services for --only> <main class> [-Dname=value …]
run_benchmark() {
  local services=$1 main=$2; shift 2
  cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
  ZHENWU_BUILD_ONLY=1 deploy/local-stack.sh --only "$services"
  local java=java
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then java=$JAVA_HOME/bin/java; fi
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$java" -XX:+UseSerialGC -Xmx512m -Dfile.encoding=UTF-8 "$@" \
    -cp "deploy/target/classes:$(cat deploy/target/classpath.txt)" "$main"
}
