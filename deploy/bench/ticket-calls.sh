#!/usr/bin/env bash
# Service hall 叫号: 20 windows calling at once, over HTTP vs bare JDBC with the same claim statement (TicketCallBenchmark).
# Usage: deploy/bench/ticket-calls.sh [-Dwindows=20] [-Dtickets=60000] [-Dseconds=15] [-Dwarmup=5]
exec "$(dirname "$0")/run-benchmark.sh" service-hall-service org.zhenwu.servicehall.queue.TicketCallBenchmark "$@"
