#!/usr/bin/env bash
# End-to-end timings for benchmarks/RESULTS.md, process start to exit, every row on the same data in the same minutes:
#   answers from CSV (--no-cache) on DATA, on a copy with the lines by order_id (as the shop's files are) and on a
#   shuffled copy (alternating, so the ratios are fair), answers
#   writing a fresh cache, answers from that cache (the kept state, with the full content check), the same two with
#   the ReadyToRun-published command (`dotnet publish`, as README says for a faster start), `run` of every notebook
#   from the cache (models included), the eleven alone (Instacart.Benchmarks core) and the DuckDB peer.
# Warm page cache: RUNS runs each, then a summary of median (min-max) and peak resident set per row. Cold page cache
# (root only): one run of each CSV row after dropping the page cache, and RUNS runs of the published command from CSV,
# each after dropping it, at the end. answers.json must be byte-identical throughout.
# Usage: benchmarks/measure.sh DATA [RUNS]   (build first: dotnet build -c Release)
#        INSTACART_CLI=DIR/instacart benchmarks/measure.sh DATA [RUNS]   measures another build as "the build"
set -euo pipefail
DATA=$(cd "$1" && pwd); RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI="${INSTACART_CLI:-$ROOT/artifacts/bin/Instacart.Cli/release/instacart}"
PEER="$ROOT/artifacts/bin/Instacart.Benchmarks/release/Instacart.Benchmarks"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
RESULTS="$OUT/results"
: > "$RESULTS"

measure() { # label, command...: one run, printed and kept for the summary
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time" "$@" > "$OUT/log" 2>&1 || { tail -20 "$OUT/log"; exit 1; }
  read -r secs kb < "$OUT/time"
  printf '%-40s %8.2f s %8d MiB\n' "$label" "$secs" $((kb / 1024))
  printf '%s\t%s\t%s\n' "$label" "$secs" "$kb" >> "$RESULTS"
}

same() { # answers.json files that must be byte-identical to the first run's
  for f in "$@"; do cmp -s "$OUT/expected.json" "$f" || { echo "answers differ: $f" >&2; exit 1; }; done
}

cold() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; }

SHUFFLED="$OUT/shuffled"
"$ROOT/benchmarks/shuffled-copy.sh" "$DATA" "$SHUFFLED"
BY_ORDER_ID="$OUT/by-order-id"
"$ROOT/benchmarks/by-order-id-copy.sh" "$DATA" "$BY_ORDER_ID"

PUBLISHED="$OUT/published"
dotnet publish "$ROOT/src/Instacart.Cli" -c Release -o "$PUBLISHED" > "$OUT/publish.log" 2>&1 || { tail -20 "$OUT/publish.log"; exit 1; }
R2R="$PUBLISHED/instacart"

echo "data: $(basename "$DATA"), $(du -sh "$DATA" | cut -f1), $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
echo "huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo n/a)"
"$CLI" answers --data "$DATA" --out "$OUT/expected.json" --no-cache > /dev/null
CACHE="$OUT/cache"
"$CLI" answers --data "$DATA" --out "$OUT/a.json" --cache "$CACHE" > /dev/null
same "$OUT/a.json"
"$CLI" run --data "$DATA" --out "$OUT/report" --cache "$CACHE" > /dev/null
cp "$OUT/report/answers.json" "$OUT/run-expected.json" # every key: the models' too
same_run() { cmp -s "$OUT/run-expected.json" "$OUT/report/answers.json" || { echo "run answers differ" >&2; exit 1; }; }

if cold; then
  cold; measure "answers, CSV (cold)" "$CLI" answers --data "$DATA" --out "$OUT/a.json" --no-cache
  cold; measure "answers, CSV, published (cold)" "$R2R" answers --data "$DATA" --out "$OUT/a.json" --no-cache
  cold; measure "answers, shuffled CSV (cold)" "$CLI" answers --data "$SHUFFLED" --out "$OUT/s.json" --no-cache
  cold; measure "answers, lines by order_id CSV (cold)" "$CLI" answers --data "$BY_ORDER_ID" --out "$OUT/o.json" --no-cache
  cold; measure "answers, from cache (cold)" "$CLI" answers --data "$DATA" --out "$OUT/a.json" --cache "$CACHE"
  cold; measure "run, from cache (cold)" "$CLI" run --data "$DATA" --out "$OUT/report" --cache "$CACHE"
  cold; measure "core 11, CSV (cold)" "$PEER" core "$DATA" "$OUT/core.json"
  cold; measure "duckdb peer (cold)" "$PEER" duckdb "$DATA"
  same "$OUT/a.json" "$OUT/s.json" "$OUT/o.json"; same_run
fi

for i in $(seq "$RUNS"); do
  measure "answers, CSV" "$CLI" answers --data "$DATA" --out "$OUT/a.json" --no-cache
  measure "answers, shuffled CSV" "$CLI" answers --data "$SHUFFLED" --out "$OUT/s.json" --no-cache
  measure "answers, lines by order_id CSV" "$CLI" answers --data "$BY_ORDER_ID" --out "$OUT/o.json" --no-cache
  measure "answers, CSV, published" "$R2R" answers --data "$DATA" --out "$OUT/p.json" --no-cache
  same "$OUT/a.json" "$OUT/s.json" "$OUT/o.json" "$OUT/p.json"
done
for i in $(seq "$RUNS"); do
  rm -rf "$OUT/fresh-cache"
  measure "answers, writing a fresh cache" "$CLI" answers --data "$DATA" --out "$OUT/a.json" --cache "$OUT/fresh-cache"
  same "$OUT/a.json"
done
for i in $(seq "$RUNS"); do
  measure "answers, from cache" "$CLI" answers --data "$DATA" --out "$OUT/a.json" --cache "$CACHE"
  measure "answers, from cache, published" "$R2R" answers --data "$DATA" --out "$OUT/p.json" --cache "$CACHE"
  same "$OUT/a.json" "$OUT/p.json"
done
for i in $(seq "$RUNS"); do
  measure "run, from cache" "$CLI" run --data "$DATA" --out "$OUT/report" --cache "$CACHE"
  same_run
done
du -sb "$OUT/report" | awk '{ printf "report folder: %.2f MB\n", $1 / 1e6 }'
for i in $(seq "$RUNS"); do
  measure "core 11, CSV" "$PEER" core "$DATA" "$OUT/core.json"
done
for i in $(seq "$RUNS"); do
  measure "duckdb peer" "$PEER" duckdb "$DATA"
done
# Last, as it empties the page cache before every run: the published command with nothing of the machine's cached,
# RUNS times (the runtime's files and the 694 MB read from disk).
if cold; then
  for i in $(seq "$RUNS"); do
    cold; measure "answers, CSV, published, page cache dropped" "$R2R" answers --data "$DATA" --out "$OUT/p.json" --no-cache
    same "$OUT/p.json"
  done
fi

echo
echo "| what | warm: median (min-max) | peak MiB (min-max) | cold |"
echo "|---|---:|---:|---:|"
cut -f1 "$RESULTS" | grep -v '(cold)$' | awk '!seen[$0]++' | while read -r label; do
  cold_s=$(awk -F'\t' -v l="$label (cold)" '$1 == l { printf "%.2f s", $2 }' "$RESULTS")
  awk -F'\t' -v l="$label" '$1 == l { print $2, $3 }' "$RESULTS" | sort -n | awk -v l="$label" -v c="${cold_s:-}" '
    { s[NR] = $1; kb[NR] = $2 }
    END {
      m = (NR % 2) ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2
      lo = kb[1]; hi = kb[1]; for (i = 2; i <= NR; i++) { if (kb[i] < lo) lo = kb[i]; if (kb[i] > hi) hi = kb[i] }
      printf "| %s | %.2f s (%.2f-%.2f) | %d-%d | %s |\n", l, m, s[1], s[NR], lo / 1024, hi / 1024, c
    }'
done
median() { awk -F'\t' -v l="$1" '$1 == l { print $2 }' "$RESULTS" | sort -n | awk '{ s[NR] = $1 } END { print (NR % 2) ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2 }'; }
awk -v sorted="$(median "answers, CSV")" -v shuffled="$(median "answers, shuffled CSV")" -v byid="$(median "answers, lines by order_id CSV")" -v duck="$(median "duckdb peer")" \
  'BEGIN { printf "\nshuffled / sorted (medians): %.2fx; lines by order_id / sorted: %.2fx; duckdb / answers CSV (medians): %.1fx\n", shuffled / sorted, byid / sorted, duck / sorted }'
