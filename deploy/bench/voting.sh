#!/usr/bin/env bash
# 票决制: 2,000 deputies cast their ballots at once (10% twice), over HTTP from a second JVM vs the service's ballot
# statements in bare JDBC, then the office counts (VotingBenchmark). Fails unless every ballot is counted once.
# Usage: deploy/bench/voting.sh [-Ddeputies=2000] [-Dclients=64] [-Dcandidates=12] [-Dseats=10] [-Dduplicates=0.1]
exec "$(dirname "$0")/run-benchmark.sh" congress-service org.zhenwu.congress.bench.VotingBenchmark "$@"
