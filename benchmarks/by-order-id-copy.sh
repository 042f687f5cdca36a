#!/usr/bin/env bash
# A copy of a data folder laid out as the shop's own files are, for measure.sh: orders.csv as given
# (by customer), the data rows of both line files sorted by order_id (stable, so each order's lines keep their order),
# headers kept. Each order's lines stay together, but the orders come in order_id order, not the orders table's.
# Usage: benchmarks/by-order-id-copy.sh SORTED-FOLDER BY-ORDER-ID-FOLDER
set -euo pipefail
mkdir -p "$2"
cp "$1"/*.csv "$2"/
for f in order_products__prior.csv order_products__train.csv; do
  [[ -f "$1/$f" ]] || continue
  (head -n 1 "$1/$f"; tail -n +2 "$1/$f" | LC_ALL=C sort -t, -k1,1n -s) > "$2/$f"
done
