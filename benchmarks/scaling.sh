#!/usr/bin/env bash
# Cost against size for benchmarks/RESULTS.md: generates 1/8, 1/4, 1/2 and full-scale data (seed 1) under WORK, then
# times instacart answers from CSV (--no-cache) and from a fresh cache, and the DuckDB peer, warm page cache, best of
# RUNS (process start to exit), with each run's peak resident set. Each scale is timed again on a shuffled copy (the
# data rows of orders.csv and both line files in a fixed random order, as an unsorted export is), whose answers.json
# must be byte-identical to the sorted one's. Deletes what it generated.
# Usage: benchmarks/scaling.sh WORK [RUNS]   (build first: dotnet build -c Release)
set -euo pipefail
WORK=$1; RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI="$ROOT/artifacts/bin/Instacart.Cli/release/instacart"
PEER="$ROOT/artifacts/bin/Instacart.Benchmarks/release/Instacart.Benchmarks"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"/scale-*' EXIT


best() { # command... -> "seconds MiB" of the fastest of RUNS runs
  local best_s="" best_kb=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > /dev/null 2>&1
    read -r s kb < "$WORK/time"
    if [[ -z "$best_s" ]] || awk "BEGIN { exit !($s < $best_s) }"; then best_s=$s; best_kb=$kb; fi
  done
  echo "$best_s $((best_kb / 1024))"
}

printf '%-8s %12s %14s %14s %14s %16s %16s\n' users "prior lines" "CSV s/MiB" "cache s/MiB" "duckdb s/MiB" "shuffled CSV" "shuffled cache"
for users in 25776 51552 103104 206209; do
  data="$WORK/scale-$users"
  "$CLI" generate --out "$data" --users "$users" --seed 1 > /dev/null
  lines=$(($(wc -l < "$data/order_products__prior.csv") - 1))
  csv=$(best "$CLI" answers --data "$data" --out "$WORK/a.json" --no-cache)
  "$CLI" answers --data "$data" --out "$WORK/a.json" --cache "$WORK/scale-cache" > /dev/null
  cached=$(best "$CLI" answers --data "$data" --out "$WORK/a.json" --cache "$WORK/scale-cache")
  duck=$(RUNS=1 best "$PEER" duckdb "$data")
  shuffled="$WORK/scale-$users-shuffled"
  "$ROOT/benchmarks/shuffled-copy.sh" "$data" "$shuffled"
  shuffled_csv=$(best "$CLI" answers --data "$shuffled" --out "$WORK/shuffled.json" --no-cache)
  cmp -s "$WORK/a.json" "$WORK/shuffled.json" || { echo "shuffled answers differ at $users users" >&2; exit 1; }
  "$CLI" answers --data "$shuffled" --out "$WORK/shuffled.json" --cache "$WORK/scale-cache" > /dev/null
  shuffled_cached=$(best "$CLI" answers --data "$shuffled" --out "$WORK/shuffled.json" --cache "$WORK/scale-cache")
  cmp -s "$WORK/a.json" "$WORK/shuffled.json" || { echo "shuffled answers from the cache differ at $users users" >&2; exit 1; }
  printf '%-8s %12s %14s %14s %14s %16s %16s\n' "$users" "$lines" "$csv" "$cached" "$duck" "$shuffled_csv" "$shuffled_cached"
  rm -rf "$data" "$shuffled" "$WORK/scale-cache"
done
