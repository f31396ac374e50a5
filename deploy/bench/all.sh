#!/usr/bin/env bash
# Reruns every benchmark in deploy/bench (each *.sh but this one, in alphabetical order: a fixed order), each appending
# its rows to its own file under docs/benchmarks/, then rewrites docs/benchmarks.md: an index with the latest row of
# each. A benchmark that fails is skipped with a note in the index (its output is in .zhenwu/bench-logs/<name>.log).
# Usage: deploy/bench/all.sh            run them all (tens of minutes on 2 cores), then rewrite the index
#        deploy/bench/all.sh --index    rewrite the index only, from the files as they are
#        deploy/bench/all.sh gateway events    run only these, then rewrite the index
set -uo pipefail
cd "$(dirname "$0")/../.."
logs=.zhenwu/bench-logs
mkdir -p "$logs"
# how each benchmark's last all.sh run ended, committed with the results (a fresh clone's index still says it)
status=docs/benchmarks/all-runs.tsv
touch "$status"

# Arguments for a benchmark whose own defaults are too long for a full run: growth's 10M step loads ~20M rows (hours on
# 2 shared cores), so here it stops at 1M; run deploy/bench/growth.sh alone for the 10M step.
declare -A ARGS=([growth]="-Dsizes=10000,100000,1000000")

run_one() { # name: runs deploy/bench/<name>.sh, records "name<TAB>outcome<TAB>when" in the status file
  local name=$1 started rc outcome
  started=$(date +%s)
  echo "== $name: started $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086 # the arguments are words on purpose
  bash "deploy/bench/$name.sh" ${ARGS[$name]:-} > "$logs/$name.log" 2>&1
  rc=$?
  if [[ $rc -eq 0 ]]; then
    outcome="ran in $(( $(date +%s) - started )) s"
  else
    outcome="**failed** (exit $rc) — skipped; see .zhenwu/bench-logs/$name.log"
    tail -5 "$logs/$name.log" | sed 's/^/   /'
  fi
  echo "   $outcome"
  grep -v "^$name	" "$status" > "$status.new"; mv "$status.new" "$status"
  printf '%s\t%s\t%s\n' "$name" "$outcome" "$(date -u +%Y-%m-%dT%H:%M)" >> "$status"
}

if [[ ${1:-} != --index ]]; then
  if [[ $# -gt 0 ]]; then names=("$@"); else
    # every script but this one and run-benchmark.sh (the helper the service benchmarks' scripts call)
    names=(); for s in deploy/bench/*.sh; do n=$(basename "$s" .sh); [[ $n == all || $n == run-benchmark ]] || names+=("$n"); done
  fi
  for name in "${names[@]}"; do run_one "$name"; done
fi
deploy/bench/lib/index.sh "$status" > docs/benchmarks.md
echo "docs/benchmarks.md rewritten"
