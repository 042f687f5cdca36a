#!/usr/bin/env bash
# End-to-end timings for benchmarks/RESULTS.md: process start to exit (answers.json written), for this library from
# CSV (--no-cache), writing its cache and from its cache (a fresh one in a temporary folder), and for the DuckDB peer,
# on one data folder: warm page cache (N runs each) and, when allowed (root), cold page cache.
# Usage: benchmarks/measure.sh DATA [RUNS]   (build first: dotnet build -c Release)
#        INSTACART_CLI=DIR/instacart benchmarks/measure.sh DATA [RUNS]   measures another build of the command, e.g. the
#        ReadyToRun one of `dotnet publish src/Instacart.Cli -c Release -o DIR`
set -euo pipefail
DATA=$(cd "$1" && pwd); RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI="${INSTACART_CLI:-$ROOT/artifacts/bin/Instacart.Cli/release/instacart}"
PEER="$ROOT/artifacts/bin/Instacart.Benchmarks/release/Instacart.Benchmarks"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time" "$@" > /dev/null 2> "$OUT/err" || { cat "$OUT/err"; exit 1; }
  read -r secs kb < "$OUT/time"
  printf '%-28s %8.2f s %8d MiB\n' "$label" "$secs" $((kb / 1024))
}

cold() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; }

echo "data: $(basename "$DATA"), $(du -sh "$DATA" | cut -f1), $(nproc) cores"
CACHE="$OUT/cache"
if cold; then
  measure "answers, CSV (cold)" "$CLI" answers --data "$DATA" --out "$OUT/answers.json" --no-cache
  cold; measure "answers, writes cache (cold)" "$CLI" answers --data "$DATA" --out "$OUT/answers.json" --cache "$CACHE"
  cold; measure "answers, from cache (cold)" "$CLI" answers --data "$DATA" --out "$OUT/answers.json" --cache "$CACHE"
  cold; measure "core 11, CSV (cold)" "$PEER" core "$DATA" "$OUT/core.json"
  cold; measure "duckdb peer (cold)" "$PEER" duckdb "$DATA"
else
  "$CLI" answers --data "$DATA" --out "$OUT/answers.json" --cache "$CACHE" > /dev/null
fi
for i in $(seq "$RUNS"); do
  measure "answers, CSV (warm $i)" "$CLI" answers --data "$DATA" --out "$OUT/answers.json" --no-cache
done
for i in $(seq "$RUNS"); do
  measure "answers, from cache (warm $i)" "$CLI" answers --data "$DATA" --out "$OUT/answers.json" --cache "$CACHE"
done
for i in $(seq "$RUNS"); do
  measure "core 11, CSV (warm $i)" "$PEER" core "$DATA" "$OUT/core.json"
done
for i in $(seq "$RUNS"); do
  measure "duckdb peer (warm $i)" "$PEER" duckdb "$DATA"
done
