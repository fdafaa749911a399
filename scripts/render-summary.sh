#!/usr/bin/env bash
# Renders what a reviewer sees: the CLI writes a summary workbook from the fixtures, LibreOffice
# prints it to PDF, and pdftoppm turns the summary's first page into docs/summary-libreoffice.png.
# Needs: libreoffice-calc, fonts-noto-cjk, poppler-utils (apt-get install -y …).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
lang=${1:-zh-CN}
node bin/statdesk.js summarize test/fixtures/rankings/2024年TOP100.csv test/fixtures/rankings/2023年TOP100.csv \
  test/fixtures/nbs/nbs-monthly-gbk.csv --lang "$lang" --out "$out/summary.xlsx" >/dev/null
libreoffice --headless --convert-to pdf --outdir "$out" "$out/summary.xlsx" >/dev/null 2>&1
pages=$(pdfinfo "$out/summary.pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq 1 "$pages"); do
  text=$(pdftotext -f "$p" -l "$p" "$out/summary.pdf" -)
  if grep -q -e "房地产销售统计汇总" -e "Real estate sales summary" <<<"$text"; then
    mkdir -p docs
    pdftoppm -f "$p" -l "$p" -png -r 110 -singlefile "$out/summary.pdf" "docs/summary-libreoffice-$lang"
    echo "docs/summary-libreoffice-$lang.png (page $p of $pages)"
    exit 0
  fi
done
echo "summary page not found in $out/summary.pdf" >&2
exit 1
