#!/bin/sh
# Retakes docs/screenshots/: the report of data-sample, opened offline in Chromium (the index and pages 01, 03, 07,
# 11, 12, 13, 14, 15), and the first pages of its PDF (pdftoppm). Needs chromium and poppler-utils
# (apt-get install -y chromium poppler-utils; CHROMIUM_PATH names another Chromium).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
report="$root/artifacts/screenshot-report"
out="$root/docs/screenshots"

dotnet build "$root/Instacart.Notebooks.sln" -c Release
dotnet run --project "$root/src/Instacart.Cli" -c Release --no-build -- \
  run --notebooks "$root/notebooks" --data "$root/data-sample" --out "$report" --pdf

mkdir -p "$out"
INSTACART_SCREENSHOT_REPORT="$report" INSTACART_SCREENSHOT_OUT="$out" \
  dotnet test "$root/tests/Instacart.Notebooks.Tests" -c Release --no-build \
  --filter "FullyQualifiedName~ScreenshotTests"

# The cover, the contents and the first question of the PDF (after two pages of contents), 900 pixels wide.
rm -f "$out"/report-pdf-*.png
pdftoppm -png -f 1 -l 4 -scale-to-x 900 -scale-to-y -1 "$report/report.pdf" "$out/report-pdf"
ls -l "$out"
