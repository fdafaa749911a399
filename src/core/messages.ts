// What each problem says to a person, in zh-CN and en-US: what is wrong, where, and what to do.
// Both catalogs must name every ProblemCode; a missing one fails the type check.

import { Problem, ProblemCode, ProblemParams } from "./problems";

export type Language = "zh-CN" | "en-US";
export const LANGUAGES: readonly Language[] = ["zh-CN", "en-US"];

type Template = (p: ProblemParams) => string;
type Catalog = Readonly<Record<ProblemCode, Template>>;

const REASON_ZH: Readonly<Record<string, string>> = {
  empty: "空白",
  dash: "为“—”等占位符",
  "not-available": "标为不可得",
  "excel-error": "为 Excel 错误值",
  boolean: "为逻辑值（TRUE/FALSE）",
  date: "为日期",
  "too-large": "大到无法计算",
  text: "为文字",
};
const REASON_EN: Readonly<Record<string, string>> = {
  empty: "is empty",
  dash: "holds a dash placeholder",
  "not-available": "is marked not available",
  "excel-error": "holds an Excel error",
  boolean: "holds TRUE/FALSE",
  date: "holds a date",
  "too-large": "is too large to compute with",
  text: "holds text",
};

/** The databases of data.stats.gov.cn, as its exports' 数据库： line names them. */
const DATABASE_EN: Readonly<Record<string, string>> = {
  月度数据: "monthly data",
  季度数据: "quarterly data",
  年度数据: "annual data",
  分省月度数据: "monthly data by province",
  分省季度数据: "quarterly data by province",
  分省年度数据: "annual data by province",
};

const s = (v: string | number | undefined): string => (v === undefined ? "" : String(v));
/** 全口径 as is; 权益 → 权益口径. */
const basisName = (v: string | number | undefined): string => (s(v).endsWith("口径") ? s(v) : `${s(v)}口径`);
/** A location without its sheet, for a sentence already said at that sheet: "'2024年'!B4" → "B4". */
const cell = (v: string | number | undefined): string => s(v).slice(s(v).lastIndexOf("!") + 1);

/** Why a line of an alias list cannot be used (alias-line-invalid's reason). */
const ALIAS_REASON_ZH: Readonly<Record<string, (p: ProblemParams) => string>> = {
  "one-name": () => "只有一个名称",
  "extra-cells": () => "多于两个单元格",
  conflict: (p) => `把同一名称统一为另一个名称，与第 ${s(p.otherLine)} 行（统一为“${s(p.other)}”）矛盾`,
  circle: () => "与其他行首尾相连、绕成一圈，无法确定统一名称",
  "unclosed-quote": () => "有未闭合的引号，其后的行无法读取",
};
const ALIAS_REASON_EN: Readonly<Record<string, (p: ProblemParams) => string>> = {
  "one-name": () => "holds only one name",
  "extra-cells": () => "holds more than two cells",
  conflict: (p) => `gives the name another unified name than line ${s(p.otherLine)} does ("${s(p.other)}")`,
  circle: () => "leads round in a circle with other lines, so no unified name can be found",
  "unclosed-quote": () => "opens a quote that is never closed, so the lines after it cannot be read",
};

const ZH: Catalog = {
  "alias-line-invalid": (p) =>
    `别名表 ${s(p.source)} 第 ${s(p.line)} 行（${s(p.text)}）${ALIAS_REASON_ZH[s(p.reason)]?.(p) ?? "无法使用"}。每行写两个名称：名称,统一名称（如 碧桂园控股,碧桂园）。请改正后重新运行；别名表有错时不合并任何名称。`,
  "alias-duplicate": (p) =>
    `按别名表（${s(p.aliases)}），“${s(p.otherName)}”（${cell(p.otherNameCell)}）和“${s(p.name)}”（${cell(p.nameCell)}）都是“${s(p.unified)}”，在同一张榜单中出现两次，两行都已计入；请确认。`,
  "alias-suggestion": (p) =>
    `“${s(p.name)}”（${s(p.nameCell)}）是${s(p.year)}年新上榜的企业，“${s(p.previousName)}”（${s(p.previousNameCell)}）${s(p.previousYear)}年在榜、今年不在：可能是同一企业换了写法。如是，请在别名表中加一行“${s(p.line)}”（名称,统一名称）；StatDesk 不会自行合并名称。`,
  "aliases-used": (p) => `使用了别名表 ${s(p.source)}：${s(p.names)} 个名称，榜单中有 ${s(p.replaced)} 处按统一名称比较。`,
  "missing-value": (p) => `“${s(p.name)}”${s(p.year)}年的数值${REASON_ZH[s(p.reason)] ?? ""}（${s(p.text) || "空"}），未计入该年统计。`,
  "text-number": (p) => `数字以文本形式存储（“${s(p.text)}”），已按 ${s(p.value)} 读取。`,
  "percent-in-amount": (p) => `“${s(p.name)}”的金额列中是百分数（“${s(p.text)}”），未计入；请检查列的对应关系。`,
  "negative-value": (p) => `“${s(p.name)}”的数值为 ${s(p.value)}（零或负数），不能参与排名，未计入。`,
  "missing-name": (p) => `第 ${s(p.row)} 行有数值但没有企业名称，已跳过；请补上名称。`,
  "duplicate-enterprise": (p) =>
    `同一年中“${s(p.name)}”出现两次（${cell(p.otherNameCell)}、${cell(p.nameCell)}，数值在 ${cell(p.other)}、${cell(p.figure)}），两行都已计入；请确认是否重复。`,
  "rank-order": (p) => `排名与数值顺序不一致：第 ${s(p.rank)} 名“${s(p.name)}”的数值高于前一名“${s(p.previousName)}”。已按公布排名计算。`,
  "empty-input": (p) => `${s(p.source) || "所选区域"}中没有数据。请选择含表头的排行榜或统计表。`,
  "no-table": (p) => `在 ${s(p.source)} 中没有找到排行榜、销售统计表或计划表。请确认表头含“企业名称”“销售额”或“指标”等字样。`,
  "no-header": (p) => `在 ${s(p.source)} 中找不到表头行。请在数据上方加一行表头（如 排名 / 企业名称 / 销售额（亿元））。`,
  "no-value-column": (p) => `表头（${s(p.header)}）中没有销售额或销售面积列。请在表头写明“销售额（亿元）”或“销售面积（万平方米）”，或在任务窗格中指定金额列。`,
  "no-name-column": (p) => `表头（${s(p.header)}）中没有企业名称列。请在表头写明“企业名称”，或在任务窗格中指定名称列。`,
  "no-year": (p) =>
    p.text !== undefined
      ? `年份单元格“${s(p.text)}”无法识别，该行未计入。`
      : `找不到 ${s(p.source)} 的年份。请在表头（如“2024年销售额”）、标题行、工作表名或文件名中写明年份，或在任务窗格中指定。`,
  "no-rows": (p) =>
    p.figures === undefined
      ? `${s(p.source)} 有表头但没有可用的数据行。`
      : `${s(p.source)} 有表头但没有可用的数据行：${cell(p.figures)} 中没有一个可计入的数值（错误值如 #N/A、空白、文字、零或负数都不计入）。请在这些单元格中填入销售数字。`,
  "unit-assumed": (p) => `表中未写明单位，按 ${s(p.unit)} 计算。如不是，请在表头注明单位（如“销售额（亿元）”）。`,
  "unit-converted": (p) => `${s(p.year)}年数据的单位是 ${s(p.from)}，已换算为 ${s(p.to)} 后与上年比较。`,
  "unit-unknown": (p) => `无法识别单位“${s(p.unit)}”（StatDesk 只换算人民币单位：元、万元、亿元），该列未计入。请先换算为亿元，或在任务窗格中指定单位。`,
  "several-value-columns": (p) => `有多个金额列，使用了“${s(p.used)}”，未使用“${s(p.ignored)}”。如需改用另一列，请删去不用的列，或在任务窗格中调整列对应。`,
  "rows-skipped": (p) => `跳过了 ${s(p.count)} 行非企业行（合计行 ${s(p.totals)}，注释行 ${s(p.footnotes)}）。`,
  "wide-previous-partial": (p) => `两年数据在同一张表中（${s(p.years)}）：上年排名只包含本表列出的企业。`,
  "no-previous-year": (p) => `只有 ${s(p.year)} 年的排行榜，没有上年数据：同比和增减为空。`,
  "years-not-consecutive": (p) => `${s(p.year)} 年与 ${s(p.other)} 年不相邻，不计算同比。`,
  "extra-years": (p) => `表中有 ${s(p.years)} 多个年份，比较了最近两年（${s(p.year)} 与 ${s(p.previousYear)}）。`,
  "year-listed-twice": (p) => `${s(p.year)}年的排行榜出现两次，使用了 ${s(p.used)}，未使用本表。`,
  "period-mismatch": (p) => `${s(p.period)} 与 ${s(p.other)} 的时段不同，不能比较。`,
  "unit-scale-mismatch": (p) =>
    `${s(p.year)}年榜单的数值约为${s(p.other)}年的 ${s(p.ratio)} 倍，两年的单位很可能不同（如万元与亿元相差一万倍），同比不可信。请在表头注明单位（如“销售额（万元）”），StatDesk 会换算为${s(p.unit)}。`,
  "basis-mismatch": (p) =>
    `${s(p.year)}年榜单为${basisName(p.basis)}，${s(p.previousYear)}年为${basisName(p.previousBasis)}，口径不同，同比和增减仅供参考。请使用同一口径的两年榜单。`,
  "top-incomplete": (p) => `${s(p.year)}年榜单只有 ${s(p.enterprises)} 家企业，不足 TOP${s(p.n)}，该项留空。`,
  "top-place-missing": (p) =>
    `${s(p.year)}年榜单的第 ${s(p.place)} 名没有可用的数值（见上面的提示），TOP${s(p.n)} 的合计、门槛值和均值留空。请补上该企业的数值后重新计算。`,
  "national-below-top": (p) =>
    `${s(p.year)}年全国销售额 ${s(p.national)} 小于 TOP${s(p.n)} 房企的合计 ${s(p.sum)}，集中度留空。请检查全国数据的数值和单位（${s(p.unit)}）。`,
  "tier-bounds-empty": () => `阵营分界为空。请输入从小到大的分界值，如 100, 300, 500, 1000。`,
  "tier-bounds-not-number": (p) => `阵营分界的第 ${s(p.position)} 个值不是数字。`,
  "tier-bounds-unordered": (p) => `阵营分界须从小到大排列：${s(p.after)} 排在 ${s(p.before)} 之后。`,
  "tier-bounds-duplicate": (p) => `阵营分界 ${s(p.bound)} 重复。`,
  "tier-bounds-negative": (p) => `阵营分界不能为负数（${s(p.bound)}）。`,
  "top-n-invalid": (p) => `TOP-N 须为正整数（“${s(p.text)}”）。`,
  "national-total-invalid": (p) => `全国销售额须为正数（“${s(p.text)}”）。`,
  "series-no-periods": (p) => `${s(p.source)} 像国家统计局数据表，但找不到时间表头（如“2024年12月”）。`,
  "series-unknown-period": (p) => `无法识别时间“${s(p.text)}”，该列未计入。`,
  "series-gap-flagged": (p) =>
    `${s(p.indicator)} ${s(p.period)}：按公布数据计算的同比 ${s(p.computed)}% 与公布值 ${s(p.published)}% 相差 ${s(p.gap)} 个百分点（公布值按可比口径计算，以公布值为准）。`,
  "series-january": (p) => `${s(p.period)} 有1月数据；国家统计局1—2月合并发布，请核对。`,
  "series-cumulative-fell": (p) =>
    `${s(p.indicator)} ${s(p.period)}累计值 ${s(p.value)} 低于 ${s(p.previousPeriod)}累计值 ${s(p.previousValue)}（${s(p.previousLocation)}）：单月值为负，单月同比留空；请核对这两个单元格。`,
  "series-period-repeated": (p) => `时间“${s(p.period)}”出现两次（${s(p.used)}、${s(p.ignored)}）：使用了 ${s(p.used)} 所在列，${s(p.ignored)} 所在列未计入。`,
  "series-value-repeated": (p) => `${s(p.indicator)} ${s(p.period)}有两个数值（${s(p.used)}、${s(p.ignored)}）：使用了 ${s(p.used)}，${s(p.ignored)} 未计入；请核对是否重复。`,
  "series-year-missing": (p) =>
    `${s(p.source)} 的表头只写了月份（${s(p.months)}），标题行、工作表名和文件名都没有写年份。StatDesk 不猜测年份：请在标题行写明年份（写成“YYYY年1—12月”），或在命令行加 --year YYYY，或在任务窗格的“年份”中填写。`,
  "series-period-missing": (p) =>
    `${s(p.source)} 是只有一个时期的表（绝对数、增长率），但标题行、工作表名和文件名都没有写时期。请在标题行写明（写成“YYYY年1—7月”），或在命令行加 --year YYYY、在任务窗格的“年份”中填写（表示全年）。`,
  "series-not-real-estate": (p) => `“${s(p.name)}”不是房地产开发或销售指标，未计入。`,
  "price-index-not-ours": (p) =>
    `${s(p.source)} 是房价指数表（各城市的环比、同比指数，如70个大中城市商品住宅销售价格变动情况），不是房地产开发或销售指标、房企排行榜或计划表；StatDesk 不计算价格指数。`,
  "nbs-not-real-estate": (p) =>
    p.export === 0
      ? `${s(p.source)} 是按时间排列的数据表（${s(p.indicators)}），不是房地产开发或销售指标、房企排行榜或计划表；StatDesk 不计算这类数据。`
      : `这是国家统计局导出的${s(p.database) || "数据"}（${s(p.indicators)}），其中没有房地产开发或销售指标。StatDesk 计算房地产开发投资、施工和竣工、商品房销售、待售和到位资金，以及房企销售排行榜。`,
  "plan-no-plan": (p) =>
    s(p.text) === "" ? `“${s(p.item)}”没有计划数，不能计算完成率。` : `“${s(p.item)}”的计划数“${s(p.text)}”不是可用的正数，不能计算完成率。`,
  "plan-no-actual": (p) => `“${s(p.item)}”的实际完成数${s(p.text) === "" ? "空白" : `“${s(p.text)}”无法读取`}，不能计算完成率。`,
  "plan-units-differ": (p) =>
    `“${s(p.item)}”的计划单位（${s(p.planUnit)}）与实际单位（${s(p.actualUnit)}）不同，不计算完成率。请改用同一单位。`,
  "file-unreadable": (p) => `无法读取文件 ${s(p.file)}：${s(p.detail)}`,
  "file-type": (p) => `不支持的文件类型：${s(p.file)}（支持 .xlsx、.xls 和 .csv）。`,
  "file-repeated": (p) => `${s(p.file)} 给出了两次，只读取一次。`,
  "csv-unclosed-quote": (p) =>
    `${s(p.file)} 中此单元格以双引号开头，但引号没有闭合：文件其余的内容都被读进了这一个单元格。请在该处补上闭合的引号（或删去开头的引号）后再运行。`,
  "formulas-without-results": (p) =>
    `${s(p.file)} 中有 ${s(p.count)} 个公式没有保存计算结果（第一个在此单元格），StatDesk 无法计算这些公式，读作空白或错误值。请用 Excel 打开该文件并保存后再运行。`,
  "file-unwritable": (p) => `无法写入文件 ${s(p.file)}：${s(p.detail)}`,
  "undecodable-text": (p) =>
    `${s(p.file)} 中有 ${s(p.count)} 个字符无法按 ${s(p.encoding)} 解码（显示为 �，第一个在此单元格），相关数值可能有误。请将文件另存为 UTF-8 或 GB18030 后重试。`,
  "source-missing": (p) => `找不到数据源 ${s(p.source)}（${s(p.kind)}可能已被删除或改名）。请重新选择数据区域。`,
  "source-address-invalid": (p) => `“${s(p.address)}”不是有效的单元格地址。请写成 Sheet1!A1:D120 的形式，或点击“使用所选区域”。`,
  "source-empty": (p) => `数据源 ${s(p.source)} 是空的。请选择含数据的区域。`,
  "output-name-invalid": (p) => `输出工作表名“${s(p.name)}”不可用：不能为空、不超过31个字符，不能含 : \\ / ? * [ ]。`,
  "output-name-taken": (p) => `工作表“${s(p.name)}”已存在且不是 StatDesk 生成的，未覆盖；汇总写入“${s(p.used)}”。`,
  "sheet-protected": (p) => `工作表“${s(p.name)}”受保护，无法写入。请撤销保护或换一个输出工作表名。`,
  "cell-edit-mode": () => "Excel 正在编辑单元格，暂不接受更改；工作簿未作任何修改。请按 Enter 或 Esc 结束编辑后重试。",
  "workbook-protected": (p) => `工作簿结构受保护，无法新建、重命名或删除工作表（Excel 返回 ${s(p.code)}），汇总表未写入。请在“审阅 > 保护工作簿”中撤销保护后重试。`,
  "payload-too-large": (p) =>
    p.direction === "write"
      ? `汇总表超过 Excel 网页版单次传输上限（${s(p.detail)}），未写入，原有汇总表未改动。`
      : `数据量超过 Excel 网页版单次传输上限（${s(p.detail)}）。请缩小所选区域。`,
  "write-failed": (p) => `写入汇总表时 ${hostZh(p)} 报错（${s(p.code)}：${s(p.detail)}）。原有汇总表未改动，没有留下写了一半的工作表；可直接重试。`,
  "recovery-failed": (p) => `写入失败后清理也未完成（${s(p.code)}）：请删除工作表“${s(p.name)}”。原有汇总表未改动。`,
  "verify-failed": (p) => `汇总表写入后核对不一致（${s(p.detail)}）。请重新运行。`,
  "decoration-skipped": (p) => `${decorationZh(p)}（${hostZh(p)} 返回 ${s(p.code)}）。汇总表已写好，数字齐全；可重新运行再试。`,
  "leftover-sheet": (p) => `汇总表已写好，但原汇总表的副本“${s(p.name)}”未能删除（${s(p.detail)}）；下次运行时会删除，也可手动删除。`,
  "excel-error": (p) => `${hostZh(p)} 报错（${s(p.code)}）：${s(p.detail)}`,
  "run-busy": () => `已有一次计算正在进行，请等它完成。`,
};

const EN: Catalog = {
  "alias-line-invalid": (p) =>
    `Line ${s(p.line)} of the alias list ${s(p.source)} (${s(p.text)}) ${ALIAS_REASON_EN[s(p.reason)]?.(p) ?? "cannot be used"}. Each line holds two names: name,unified name (such as 碧桂园控股,碧桂园). Correct it and run again; no names are merged while the list has an error.`,
  "alias-duplicate": (p) =>
    `Under the alias list (${s(p.aliases)}), "${s(p.otherName)}" (${cell(p.otherNameCell)}) and "${s(p.name)}" (${cell(p.nameCell)}) are both "${s(p.unified)}" and appear twice in one list; both rows were counted. Check them.`,
  "alias-suggestion": (p) =>
    `"${s(p.name)}" (${s(p.nameCell)}) is new in ${s(p.year)}, and "${s(p.previousName)}" (${s(p.previousNameCell)}), listed in ${s(p.previousYear)}, is gone: they may be one enterprise written two ways. If so, add the line "${s(p.line)}" (name,unified name) to the alias list; StatDesk never merges names by itself.`,
  "aliases-used": (p) => `The alias list ${s(p.source)} was used: ${s(p.names)} names; ${s(p.replaced)} entries of the lists were compared under their unified names.`,
  "missing-value": (p) => `The ${s(p.year)} figure of "${s(p.nameEn) || s(p.name)}" ${REASON_EN[s(p.reason)] ?? "is missing"} (${s(p.text) || "blank"}); it is left out of that year.`,
  "text-number": (p) => `A number stored as text ("${s(p.text)}") was read as ${s(p.value)}.`,
  "percent-in-amount": (p) => `The amount of "${s(p.name)}" is a percentage ("${s(p.text)}"); it is left out. Check the column mapping.`,
  "negative-value": (p) => `The figure of "${s(p.name)}" is ${s(p.value)} (zero or negative) and cannot be ranked; it is left out.`,
  "missing-name": (p) => `Row ${s(p.row)} has a figure but no enterprise name and was skipped; add the name.`,
  "duplicate-enterprise": (p) =>
    `"${s(p.name)}" appears twice in one year (${cell(p.otherNameCell)}, ${cell(p.nameCell)}; figures at ${cell(p.other)}, ${cell(p.figure)}); both rows were counted. Check for a duplicate.`,
  "rank-order": (p) =>
    `Ranks disagree with the figures: "${s(p.name)}" (rank ${s(p.rank)}) has more than "${s(p.previousName)}" above it. The published ranks were used.`,
  "empty-input": (p) => `${s(p.source) || "The selection"} holds no data. Select a ranking or statistics table with its header.`,
  "no-table": (p) =>
    `No ranking, sales series or plan table was found in ${s(p.source)}. The header should name the enterprise and sales columns (企业名称, 销售额) or the indicators (指标).`,
  "no-header": (p) => `No header row was found in ${s(p.source)}. Add one above the data (e.g. Rank / Company / Sales (100m yuan)).`,
  "no-value-column": (p) => `The header (${s(p.header)}) has no sales value or sales area column. Head it "销售额（亿元）" or "销售面积（万平方米）", or choose the amount column in the task pane.`,
  "no-name-column": (p) => `The header (${s(p.header)}) has no enterprise name column. Head it "企业名称", or choose the name column in the task pane.`,
  "no-year": (p) =>
    p.text !== undefined
      ? `The year "${s(p.text)}" could not be read; the row is left out.`
      : `The year of ${s(p.source)} was not found. Write it in the header ("2024年销售额"), a title row, the sheet name or the file name, or set it in the task pane.`,
  "no-rows": (p) =>
    p.figures === undefined
      ? `${s(p.source)} has a header but no usable data rows.`
      : `${s(p.source)} has a header but no usable data rows: none of the figures in ${cell(p.figures)} can be counted (errors such as #N/A, blanks, text, zero or negative numbers are left out). Enter the sales figures in those cells.`,
  "unit-assumed": (p) => `No unit is given; figures are taken as ${s(p.unit)}. If not, write the unit in the header ("销售额（亿元）").`,
  "unit-converted": (p) => `The ${s(p.year)} figures were in ${s(p.from)} and were converted to ${s(p.to)} before comparing.`,
  "unit-unknown": (p) =>
    `The unit "${s(p.unit)}" is not known (StatDesk converts renminbi units only: 元, 万元, 亿元), so the column was left out. Convert it to 亿元 first, or set the unit in the task pane.`,
  "several-value-columns": (p) =>
    `There are several amount columns: "${s(p.used)}" was used, "${s(p.ignored)}" was not. To use another, delete the column not wanted, or change the column mapping in the task pane.`,
  "rows-skipped": (p) => `${s(p.count)} rows that are not enterprises were skipped (${s(p.totals)} totals, ${s(p.footnotes)} notes).`,
  "wide-previous-partial": (p) => `Both years are in one table (${s(p.years)}): the previous year's ranking holds only the enterprises listed here.`,
  "no-previous-year": (p) => `There is only the ${s(p.year)} ranking and no previous year: changes are left blank.`,
  "years-not-consecutive": (p) => `${s(p.year)} and ${s(p.other)} are not consecutive years; no year-on-year change is computed.`,
  "extra-years": (p) => `The table has several years (${s(p.years)}); the latest two (${s(p.year)} and ${s(p.previousYear)}) were compared.`,
  "year-listed-twice": (p) => `There are two ${s(p.year)} rankings: ${s(p.used)} was used, this one was not.`,
  "period-mismatch": (p) => `${s(p.period)} and ${s(p.other)} cover different months and cannot be compared.`,
  "unit-scale-mismatch": (p) =>
    `The ${s(p.year)} figures are about ${s(p.ratio)} times those of ${s(p.other)}: the two years are very likely in different units (万元 and 亿元 differ by 10,000 times), so the changes cannot be trusted. Write the unit in the header (e.g. "销售额（万元）") and StatDesk converts it to ${s(p.unit)}.`,
  "basis-mismatch": (p) =>
    `The ${s(p.year)} list is on the ${s(p.basis)} basis and the ${s(p.previousYear)} list on the ${s(p.previousBasis)} basis: the year-on-year changes compare different bases and are indicative only. Use both years' lists on one basis.`,
  "top-incomplete": (p) => `The ${s(p.year)} list has only ${s(p.enterprises)} enterprises, fewer than ${s(p.n)}; TOP${s(p.n)} is left blank.`,
  "top-place-missing": (p) =>
    `Place ${s(p.place)} of the ${s(p.year)} list has no usable figure (see the note above), so the TOP${s(p.n)} sum, threshold and means are left blank. Fill in that enterprise's figure and run again.`,
  "national-below-top": (p) =>
    `National sales for ${s(p.year)} (${s(p.national)}) are less than the TOP${s(p.n)} developers' total (${s(p.sum)}), so concentration is left blank. Check the national figure and its unit (${s(p.unit)}).`,
  "tier-bounds-empty": () => `The tier bounds are empty. Enter ascending bounds such as 100, 300, 500, 1000.`,
  "tier-bounds-not-number": (p) => `Tier bound number ${s(p.position)} is not a number.`,
  "tier-bounds-unordered": (p) => `Tier bounds must ascend: ${s(p.after)} comes after ${s(p.before)}.`,
  "tier-bounds-duplicate": (p) => `The tier bound ${s(p.bound)} is repeated.`,
  "tier-bounds-negative": (p) => `A tier bound cannot be negative (${s(p.bound)}).`,
  "top-n-invalid": (p) => `TOP-N must be positive whole numbers ("${s(p.text)}").`,
  "national-total-invalid": (p) => `The national sales total must be a positive number ("${s(p.text)}").`,
  "series-no-periods": (p) => `${s(p.source)} looks like an NBS table but has no period header (such as "2024年12月").`,
  "series-unknown-period": (p) => `The period "${s(p.text)}" could not be read; its column is left out.`,
  "series-gap-flagged": (p) =>
    `${s(p.indicator)} ${s(p.period)}: the rate computed from published levels (${s(p.computed)}%) differs from the published rate (${s(p.published)}%) by ${s(p.gap)} points. The published rate is on a comparable basis and is authoritative.`,
  "series-january": (p) => `${s(p.period)} has a January figure; NBS publishes January and February together. Please check.`,
  "series-cumulative-fell": (p) =>
    `${s(p.periodEn)}, ${s(p.indicatorEn)}: the year-to-date figure ${s(p.value)} is below ${s(p.previousValue)} for ${s(p.previousPeriodEn)} (${s(p.previousLocation)}), so the single month is negative and its year-on-year change is left blank. Check both cells.`,
  "series-period-repeated": (p) =>
    `The period "${s(p.period)}" appears twice (${s(p.used)}, ${s(p.ignored)}): the column of ${s(p.used)} was used and the column of ${s(p.ignored)} was left out.`,
  "series-value-repeated": (p) =>
    `${s(p.periodEn)}, ${s(p.indicatorEn)}: there are two figures (${s(p.used)}, ${s(p.ignored)}); ${s(p.used)} was used and ${s(p.ignored)} was left out. Check for a duplicate.`,
  "series-year-missing": (p) =>
    `The header of ${s(p.source)} gives months without a year (${s(p.months)}), and neither a title row, the sheet name nor the file name says the year. StatDesk does not guess a year: write it in a title row (as "YYYY年1—12月"), or give it with --year YYYY on the command line or in the task pane's year field.`,
  "series-period-missing": (p) =>
    `${s(p.source)} is a one-period table (levels and growth rates), but no title row, sheet name or file name says the period. Write it in a title row (as "YYYY年1—7月"), or give the year (for the whole year) with --year YYYY on the command line or in the task pane's year field.`,
  "series-not-real-estate": (p) => `"${s(p.name)}" is not a real-estate development or sales indicator; it was left out.`,
  "price-index-not-ours": (p) =>
    `${s(p.source)} is a house-price index table (month-on-month and year-on-year indices by city, as in NBS's 70-city release), not a real-estate development or sales series, an enterprise ranking or a plan table; StatDesk computes no price indices.`,
  "nbs-not-real-estate": (p) =>
    p.export === 0
      ? `${s(p.source)} is a table of figures over time (${s(p.indicatorsEn)}), not a real-estate development or sales series, an enterprise ranking or a plan table; StatDesk does not compute such figures.`
      : `This is a National Bureau of Statistics export${DATABASE_EN[s(p.database)] !== undefined ? ` of ${DATABASE_EN[s(p.database)]}` : ""} (${s(p.indicatorsEn)}); it holds no real-estate development or sales indicator. StatDesk computes real-estate investment, floor space under construction and completed, sales, floor space for sale and funds, and enterprise sales rankings.`,
  "plan-no-plan": (p) =>
    s(p.text) === ""
      ? `"${s(p.item)}" has no planned figure; its completion rate cannot be computed.`
      : `The planned figure of "${s(p.item)}" ("${s(p.text)}") is not a usable positive number; its completion rate cannot be computed.`,
  "plan-no-actual": (p) =>
    `The achieved figure of "${s(p.item)}" ${s(p.text) === "" ? "is blank" : `("${s(p.text)}") cannot be read`}; its completion rate cannot be computed.`,
  "plan-units-differ": (p) =>
    `"${s(p.item)}" is planned in ${s(p.planUnit)} but achieved in ${s(p.actualUnit)}; no completion rate is computed. Use one unit for both.`,
  "file-unreadable": (p) => `Cannot read ${s(p.file)}: ${s(p.detail)}`,
  "file-type": (p) => `Unsupported file type: ${s(p.file)} (use .xlsx, .xls or .csv).`,
  "file-repeated": (p) => `${s(p.file)} was given twice; it is read once.`,
  "csv-unclosed-quote": (p) =>
    `In ${s(p.file)} this cell opens a double quote that is never closed, so the rest of the file was read into this one cell. Close the quote there (or remove the opening one) and run again.`,
  "formulas-without-results": (p) =>
    `${s(p.file)} holds ${s(p.count)} formula(s) saved without their results (the first at this cell), which StatDesk cannot compute: they read as blank or as an error. Open the file in Excel, save it, and run again.`,
  "file-unwritable": (p) => `Cannot write ${s(p.file)}: ${s(p.detail)}`,
  "undecodable-text": (p) =>
    `${s(p.file)} holds ${s(p.count)} character(s) that could not be decoded as ${s(p.encoding)} (shown as �, the first at this cell); figures near them may be wrong. Save the file as UTF-8 or GB18030 and run again.`,
  "source-missing": (p) => `The source ${s(p.source)} cannot be found (the ${s(p.kind)} may have been deleted or renamed). Choose the data again.`,
  "source-address-invalid": (p) => `"${s(p.address)}" is not a cell address. Write it as Sheet1!A1:D120, or use the selection.`,
  "source-empty": (p) => `The source ${s(p.source)} is empty. Choose a range that holds data.`,
  "output-name-invalid": (p) => `The output sheet name "${s(p.name)}" cannot be used: 1 to 31 characters, none of : \\ / ? * [ ].`,
  "output-name-taken": (p) => `A sheet named "${s(p.name)}" exists and was not made by StatDesk, so it was left alone; the summary went to "${s(p.used)}".`,
  "sheet-protected": (p) => `The sheet "${s(p.name)}" is protected and cannot be written. Unprotect it or choose another output sheet name.`,
  "cell-edit-mode": () => "Excel is editing a cell and takes no change until the edit ends; nothing in the workbook was changed. Press Enter or Esc to finish the edit, then run again.",
  "workbook-protected": (p) => `The workbook's structure is protected, so no sheet can be added, renamed or deleted (Excel answered ${s(p.code)}); the summary was not written. Turn off Review > Protect Workbook and run again.`,
  "payload-too-large": (p) =>
    p.direction === "write"
      ? `The summary is larger than Excel on the web takes in one round trip (${s(p.detail)}); nothing was written and the previous summary is unchanged.`
      : `More data than Excel on the web moves in one round trip (${s(p.detail)}). Choose a smaller range.`,
  "write-failed": (p) =>
    `${hostEn(p)} refused to write the summary (${s(p.code)}: ${s(p.detail)}). The previous summary is unchanged and no half-written sheet was left; you can run again.`,
  "recovery-failed": (p) => `Cleaning up after the failed write did not finish either (${s(p.code)}): please delete the sheet "${s(p.name)}". The previous summary is unchanged.`,
  "verify-failed": (p) => `The summary did not read back as written (${s(p.detail)}). Please run again.`,
  "decoration-skipped": (p) =>
    `${decorationEn(p)} (${hostEn(p)} answered ${s(p.code)}). The summary is written with all its figures; run again to try once more.`,
  "leftover-sheet": (p) =>
    `The summary is written, but the previous summary's copy "${s(p.name)}" could not be deleted (${s(p.detail)}); the next run deletes it, or delete it yourself.`,
  "excel-error": (p) => `${hostEn(p)} reported an error (${s(p.code)}): ${s(p.detail)}`,
  "run-busy": () => `A run is already going; wait for it to finish.`,
};

const CATALOGS: Readonly<Record<Language, Catalog>> = { "zh-CN": ZH, "en-US": EN };

/** Which program refused: Excel, unless a problem says WPS (`host: "wps"`, from the WPS layer). */
function hostZh(p: ProblemParams): string {
  return p.host === "wps" ? "WPS 表格" : "Excel";
}

function hostEn(p: ProblemParams): string {
  return p.host === "wps" ? "WPS Spreadsheets" : "Excel";
}

/** The sentence a person reads for a problem, in the language chosen. */
export function problemMessage(p: Problem, language: Language): string {
  return CATALOGS[language][p.code](p.params);
}

/** What a skipped touch was, in a statistician's words ("冻结窗格未能设置"); `chart` is the chart's title. */
function decorationZh(p: ProblemParams): string {
  switch (p.touch) {
    case "freeze":
      return "冻结窗格未能设置";
    case "tabColor":
      return "工作表标签颜色未能设置";
    case "printLayout":
      return "打印版式（横向、按页宽缩放）未能设置";
    case "chart":
      return `图表“${s(p.chart)}”未能添加`;
    case "secondaryAxis":
      return `图表“${s(p.chart)}”次坐标轴上的“${s(p.line)}”折线未能添加`;
    case "dataLabels":
      return `图表“${s(p.chart)}”的数据标签未能设置`;
    default:
      return `汇总表的一项格式（${s(p.touch)}）未能设置`;
  }
}

function decorationEn(p: ProblemParams): string {
  switch (p.touch) {
    case "freeze":
      return "Freeze panes could not be set";
    case "tabColor":
      return "The sheet tab colour could not be set";
    case "printLayout":
      return "The print layout (landscape, fitted to the page width) could not be set";
    case "chart":
      return `The chart "${s(p.chart)}" could not be added`;
    case "secondaryAxis":
      return `The "${s(p.line)}" line on the secondary axis of the chart "${s(p.chart)}" could not be added`;
    case "dataLabels":
      return `The data labels of the chart "${s(p.chart)}" could not be set`;
    default:
      return `A touch of the summary's formatting (${s(p.touch)}) could not be set`;
  }
}
