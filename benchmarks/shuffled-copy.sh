#!/usr/bin/env bash
# A shuffled copy of a data folder, for measure.sh and scaling.sh: the same files, the data rows of orders.csv and
# both line files in a fixed random order (as an unsorted export is), headers kept. The same input gives the same copy.
# Usage: benchmarks/shuffled-copy.sh SORTED-FOLDER SHUFFLED-FOLDER
set -euo pipefail
mkdir -p "$2"
cp "$1"/*.csv "$2"/
for f in orders.csv order_products__prior.csv order_products__train.csv; do
  [[ -f "$1/$f" ]] || continue
  (head -n 1 "$1/$f"; tail -n +2 "$1/$f" | shuf --random-source=<(yes)) > "$2/$f"
done
