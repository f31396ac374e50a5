#!/usr/bin/env bash
# Documents: 32 clerks register outgoing documents of one 机关代字 at once (gap-free 发文字号), over HTTP from a second
# JVM vs the service's statements in bare JDBC (NumberingBenchmark). Fails unless every code's numbers are 1…n, once each.
# Usage: deploy/bench/numbering.sh [-Dclients=32] [-Ddocuments=4000] [-DhttpWarmup=60] [-DwarmupDocuments=20000]
exec "$(dirname "$0")/run-benchmark.sh" document-service org.zhenwu.document.bench.NumberingBenchmark "$@"
