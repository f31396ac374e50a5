#!/usr/bin/env bash
# Documents: a leader's first inbox page with the clearance filter, 100k documents in the town, over HTTP vs bare
# JDBC with the same statements; prints the EXPLAIN (InboxBenchmark).
# Usage: deploy/bench/inbox.sh [-Ddocuments=100000] [-Dclients=8] [-Dseconds=15]
exec "$(dirname "$0")/run-benchmark.sh" document-service org.zhenwu.document.bench.InboxBenchmark "$@"
