#!/usr/bin/env bash
# End-to-end timings for benchmarks/RESULTS.md: process start to answers.json written, for this library and for
# the DuckDB peer, on one data folder, warm page cache (best of N) and, when allowed (root), cold page cache.
# Usage: benchmarks/measure.sh DATA [RUNS]   (build first: dotnet build -c Release)
set -euo pipefail
DATA=$(cd "$1" && pwd); RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI="$ROOT/artifacts/bin/Instacart.Cli/release/instacart"
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
if cold; then
  measure "library answers (cold)" "$CLI" answers --data "$DATA" --out "$OUT/answers.json"
  cold; measure "library core 11 (cold)" "$PEER" core "$DATA" "$OUT/core.json"
  cold; measure "duckdb peer (cold)" "$PEER" duckdb "$DATA"
fi
for i in $(seq "$RUNS"); do
  measure "library answers (warm $i)" "$CLI" answers --data "$DATA" --out "$OUT/answers.json"
done
for i in $(seq "$RUNS"); do
  measure "library core 11 (warm $i)" "$PEER" core "$DATA" "$OUT/core.json"
done
for i in $(seq "$RUNS"); do
  measure "duckdb peer (warm $i)" "$PEER" duckdb "$DATA"
done
