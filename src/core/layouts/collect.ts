// What every series layout does once it knows which cell holds which indicator, region and period:
// parse the figure, convert its unit, keep levels and published rates apart, and say what it
// left out and why. The layouts differ only in where they find those three things.

import { CellValue, parseNumberCell } from "../cells";
import { Indicator, indicatorId, indicatorName, IndicatorMatch, isFlow, QUANTITY_METRIC, QUANTITY_UNIT } from "../indicators";
import { monthSpanLabel, Period, periodLabel } from "../periods";
import { Problem, problem } from "../problems";
import { RawSeries, seriesKey, SeriesLayout, SkippedSeriesRow, Observation } from "../series-table";
import { SourceRef, sourceName } from "../source";
import { detectUnit } from "../units";

interface Draft {
  readonly indicator: Indicator;
  readonly region: string | null;
  cumulative: boolean;
  readonly frequency: "month" | "year";
  readonly levels: Map<string, Observation>;
  readonly published: Map<string, Observation>;
}

/** A year is keyed by itself; anything shorter by the month it runs to. */
function frequencyOf(p: Period): "month" | "year" {
  return p.kind === "year" ? "year" : "month";
}

/**
 * The period a month column stands for, given what the indicator is: NBS gives flows (sales,
 * investment, floor space) year to date, so "2024年12月" of a 累计 flow is 1—12月; stock is a
 * level at the month's end and stays that month.
 */
export function periodOfFigure(period: Period, match: Pick<IndicatorMatch, "quantity" | "measure">, yearToDate: boolean): Period {
  if (period.kind !== "month" || period.fromMonth !== period.toMonth || !isFlow(match.quantity)) return period;
  if (match.measure === "cumulative" || yearToDate) return { ...period, fromMonth: 1, kind: "ytd" };
  return period;
}

/** A figure's period as desks write it: a year-to-date figure as "2024年1-12月", even to December. */
function figureLabel(p: Period, language: "zh-CN" | "en-US"): string {
  return p.kind === "ytd" ? monthSpanLabel(p.year, 1, p.toMonth, language) : periodLabel(p, language);
}

/** Collects the figures of one table into series, one per indicator and region. */
export class SeriesCollector {
  private readonly drafts = new Map<string, Draft>();
  readonly problems: Problem[] = [];
  readonly skipped: SkippedSeriesRow[] = [];

  /**
   * `nationStated`: the table names the nation its unregioned figures are for (a 全国 cell, a
   * national NBS database, a title saying 全国), so a bulletin may say 全国; else it says nothing.
   */
  constructor(
    readonly sourceRef: SourceRef,
    private readonly layout: SeriesLayout,
    private readonly nationStated = false,
  ) {}

  /** Notes a row that was not read, and why (shown in the task pane's reading). */
  skip(reason: SkippedSeriesRow["reason"], location: string, text: string): void {
    this.skipped.push({ reason, location, text });
  }

  /**
   * Adds one cell: a level or a published rate of `match` for `region` (null: the nation) and
   * `period`. A cell that is blank or a dash is no figure and says nothing; other unreadable
   * cells are warned about at their cell. `unit` is the unit the table gives for the figure
   * when its name does not.
   */
  add(match: IndicatorMatch, region: string | null, period: Period, cell: CellValue, location: string, unit?: string): void {
    const parsed = parseNumberCell(cell);
    const growth = match.measure === "growth";
    if (!parsed.ok) {
      if (parsed.reason !== "empty" && parsed.reason !== "dash") {
        // Named as NBS names the indicator that year (新建商品房销售额 from 2024), not by its internal id.
        const zh = indicatorName(match, "zh-CN", period.year);
        const en = indicatorName(match, "en-US", period.year);
        this.problems.push(
          problem("missing-value", "warning", location, {
            reason: parsed.reason,
            text: parsed.text,
            name: growth ? `${zh}增速` : zh,
            nameEn: growth ? `the growth rate of ${en}` : en,
            year: period.year,
          }),
        );
      }
      return;
    }
    const frequency = frequencyOf(period);
    const key = `${indicatorId(match)}|${region ?? ""}|${frequency}`;
    let draft = this.drafts.get(key);
    if (draft === undefined) {
      draft = { indicator: { category: match.category, quantity: match.quantity }, region, cumulative: false, frequency, levels: new Map(), published: new Map() };
      this.drafts.set(key, draft);
    }
    const periodKey = seriesKey(period, frequency);
    // A second figure for the same indicator and period (a repeated row, or the indicator twice)
    // would silently replace the first; the first is kept and the second named.
    const figures = growth ? draft.published : draft.levels;
    const earlier = figures.get(periodKey);
    if (earlier !== undefined) {
      this.problems.push(
        problem("series-value-repeated", "warning", location, {
          indicator: indicatorName(match, "zh-CN", period.year) + (region === null ? "" : `（${region}）`),
          indicatorEn: indicatorName(match, "en-US", period.year) + (region === null ? "" : ` (${region})`),
          period: figureLabel(period, "zh-CN"),
          periodEn: figureLabel(period, "en-US"),
          used: earlier.location,
          ignored: location,
        }),
      );
      return;
    }
    if (growth) {
      figures.set(periodKey, { period, value: parsed.value, location });
      return;
    }
    const detected = detectUnit(match.unit ?? unit ?? "");
    const factor = detected !== undefined && detected.metric === QUANTITY_METRIC[match.quantity] ? detected.factor : 1;
    figures.set(periodKey, { period, value: parsed.value * factor, location });
    if (period.kind === "ytd" && period.fromMonth === 1 && period.toMonth > 1) draft.cumulative = true;
  }

  /** The series read, in the order first met. */
  finish(range: string): RawSeries[] {
    return [...this.drafts.values()].map((d) => ({
      source: sourceName(this.sourceRef),
      range,
      layout: this.layout,
      indicator: d.indicator,
      ...(d.region !== null ? { region: d.region } : this.nationStated ? { nationStated: true } : {}),
      unit: QUANTITY_UNIT[d.indicator.quantity],
      // A monthly flow given only as published rates is as year-to-date as NBS releases are.
      cumulative: d.cumulative || (d.frequency === "month" && isFlow(d.indicator.quantity) && [...d.levels.values()].every((o) => o.period.fromMonth === 1)),
      frequency: d.frequency,
      levels: d.levels,
      published: d.published,
    }));
  }
}
