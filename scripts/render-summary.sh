#!/usr/bin/env bash
# Renders what a reviewer sees: the CLI writes a summary workbook from the fixtures, LibreOffice
# prints it to PDF, and pdftoppm turns the summary's first page into a PNG in docs/.
#   scripts/render-summary.sh [zh-CN|en-US] [rankings|release] [formulas|values]
# rankings (default): the 2024/2023 TOP100 lists and the NBS sales export →
#   docs/summary-libreoffice-<lang>.png
# release: the whole NBS release 2024–2025 (from the real oracle) and the regional table (regions
#   synthetic) → docs/summary-release-libreoffice-<lang>.png
# formulas (default): the live summary, every formula recalculated by LibreOffice as it opens it (a
#   profile of its own with OOXMLRecalcMode 0, "always"), so the picture shows LibreOffice's own
#   figures, not StatDesk's cached ones; values: the values-only summary (--values), -values.png.
# Needs: libreoffice-calc, fonts-noto-cjk, poppler-utils (apt-get install -y …).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
lang=${1:-zh-CN}
what=${2:-rankings}
figures=${3:-formulas}
case "$figures" in
  formulas) flags=(); suffix="" ;;
  values) flags=(--values); suffix="-values" ;;
  *) echo "usage: $0 [zh-CN|en-US] [rankings|release] [formulas|values]" >&2; exit 2 ;;
esac
mkdir -p "$out/profile/user"
cat > "$out/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
case "$what" in
  rankings)
    inputs=(test/fixtures/rankings/2024年TOP100.csv test/fixtures/rankings/2023年TOP100.csv test/fixtures/nbs/nbs-monthly-gbk.csv)
    name="summary-libreoffice-$lang$suffix" ;;
  release)
    inputs=("test/fixtures/nbs/全国房地产开发和销售-月度数据-gbk.csv" "test/fixtures/nbs/东中西部和东北地区-2025-synthetic-regions.csv")
    name="summary-release-libreoffice-$lang$suffix" ;;
  *) echo "usage: $0 [zh-CN|en-US] [rankings|release] [formulas|values]" >&2; exit 2 ;;
esac
node bin/statdesk.js summarize "${inputs[@]}" --lang "$lang" "${flags[@]}" --out "$out/summary.xlsx" >/dev/null
libreoffice "-env:UserInstallation=file://$out/profile" --headless --convert-to pdf --outdir "$out" "$out/summary.xlsx" >/dev/null 2>&1
pages=$(pdfinfo "$out/summary.pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq 1 "$pages"); do
  text=$(pdftotext -f "$p" -l "$p" "$out/summary.pdf" -)
  if grep -q -e "房地产销售统计汇总" -e "Real estate sales summary" <<<"$text"; then
    mkdir -p docs
    pdftoppm -f "$p" -l "$p" -png -r 110 -singlefile "$out/summary.pdf" "docs/$name"
    echo "docs/$name.png (page $p of $pages)"
    exit 0
  fi
done
echo "summary page not found in $out/summary.pdf" >&2
exit 1
