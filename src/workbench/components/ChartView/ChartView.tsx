// A chart drawn as inline SVG from what chartData read out of its definition: clustered columns
// or bars, lines with or without markers, the title, axis titles, gridlines, data labels and the
// legend where the chart puts it. The colours are Excel's chart defaults and the series' own.

import * as React from "react";
import { FALLBACK_FONTS } from "../../cell-view";
import { ChartData, SeriesData, ValueScale } from "../../chart-data";

/** Excel's default chart colours (Office 2013+ style): text, axis lines, gridlines. */
const CHART_INK = { title: "#595959", text: "#595959", axis: "#BFBFBF", grid: "#D9D9D9", label: "#404040", background: "#FFFFFF", border: "#D9D9D9" };

export interface ChartViewProps {
  readonly data: ChartData;
  readonly width: number;
  readonly height: number;
  /** The accessible name ("Chart: 阵营分布"). */
  readonly label: string;
  /** Said in place of the drawing for a type the workbench does not draw. */
  readonly notDrawnText: string;
  readonly name: string;
}

/** Rough width of a text in pixels at a font size (CJK characters are square). */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? size : size * 0.58;
  return w;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

function Legend(props: { series: readonly SeriesData[]; position: string; box: Box; size: number }): React.JSX.Element {
  const { series, position, box, size } = props;
  const vertical = position === "Right" || position === "Left";
  const items = series.map((s) => ({ s, w: 14 + 4 + textWidth(s.name, size) + 12 }));
  const total = items.reduce((a, b) => a + b.w, 0);
  let x = vertical ? box.x0 : box.x0 + Math.max(0, (box.x1 - box.x0 - total) / 2);
  let y = vertical ? box.y0 + Math.max(0, (box.y1 - box.y0 - items.length * (size + 8)) / 2) : box.y0;
  return (
    <g aria-hidden="true">
      {items.map(({ s, w }, i) => {
        const node = (
          <g key={i} transform={`translate(${x},${y})`}>
            {s.shape === "line" ? (
              <>
                <line x1={0} x2={14} y1={size / 2 + 1} y2={size / 2 + 1} stroke={s.color} strokeWidth={2.25} />
                {s.markers && <circle cx={7} cy={size / 2 + 1} r={3} fill={s.color} />}
              </>
            ) : (
              <rect x={3} y={2} width={size - 3} height={size - 3} fill={s.color} />
            )}
            <text x={18} y={size - 1} fontSize={size} fill={CHART_INK.text}>
              {s.name}
            </text>
          </g>
        );
        if (vertical) y += size + 8;
        else x += w;
        return node;
      })}
    </g>
  );
}

/** Draws the plot: gridlines, axes, bars or lines, data labels, tick and category labels. */
function Plot(props: { data: ChartData; box: Box; size: number }): React.JSX.Element {
  const { data, box, size } = props;
  const { scale, categories, series } = data;
  const horizontalBars = data.shape === "bar";
  const n = Math.max(1, categories.length);
  // Value → pixel along a value axis (up for columns and lines, right for bars).
  const along = (axis: ValueScale) => {
    const span = axis.max - axis.min || 1;
    return (v: number) => (horizontalBars ? box.x0 + ((v - axis.min) / span) * (box.x1 - box.x0) : box.y1 - ((v - axis.min) / span) * (box.y1 - box.y0));
  };
  const valueAt = along(scale);
  const secondaryAt = data.secondaryScale !== null ? along(data.secondaryScale) : valueAt;
  const at = (s: SeriesData) => (s.axis === "secondary" ? secondaryAt : valueAt);
  const zero = valueAt(Math.min(Math.max(0, scale.min), scale.max));
  const band = ((horizontalBars ? box.y1 - box.y0 : box.x1 - box.x0) / n);
  // Excel puts a bar chart's first category at the bottom.
  const bandStart = (i: number) => (horizontalBars ? box.y1 - (i + 1) * band : box.x0 + i * band);
  const barSeries = series.filter((s) => s.shape !== "line");
  // Excel's default gap width: 219% of a bar between clusters.
  const barWidth = band / (Math.max(1, barSeries.length) + 2.19);
  const catSize = Math.min(size, Math.max(8, (band - 4) / Math.max(1, ...categories.map((c) => textWidth(c, 1)))));

  const elements: React.ReactNode[] = [];
  scale.ticks.forEach((t, k) => {
    const p = valueAt(t);
    if (data.gridlines)
      elements.push(
        horizontalBars ? (
          <line key={`g${k}`} x1={p} x2={p} y1={box.y0} y2={box.y1} stroke={CHART_INK.grid} strokeWidth={0.75} />
        ) : (
          <line key={`g${k}`} x1={box.x0} x2={box.x1} y1={p} y2={p} stroke={CHART_INK.grid} strokeWidth={0.75} />
        ),
      );
    if (data.valueAxisVisible)
      elements.push(
        horizontalBars ? (
          <text key={`t${k}`} x={p} y={box.y1 + size + 3} fontSize={size} textAnchor="middle" fill={CHART_INK.text}>
            {scale.tickLabels[k]}
          </text>
        ) : (
          <text key={`t${k}`} x={box.x0 - 4} y={p + size / 3} fontSize={size} textAnchor="end" fill={CHART_INK.text}>
            {scale.tickLabels[k]}
          </text>
        ),
      );
  });
  if (data.secondaryScale !== null && !horizontalBars) {
    const secondary = data.secondaryScale;
    secondary.ticks.forEach((t, k) =>
      elements.push(
        <text key={`s${k}`} x={box.x1 + 4} y={secondaryAt(t) + size / 3} fontSize={size} textAnchor="start" fill={CHART_INK.text}>
          {secondary.tickLabels[k]}
        </text>,
      ),
    );
  }
  // The category axis line sits at zero.
  elements.push(
    horizontalBars ? (
      <line key="axis" x1={zero} x2={zero} y1={box.y0} y2={box.y1} stroke={CHART_INK.axis} strokeWidth={1} />
    ) : (
      <line key="axis" x1={box.x0} x2={box.x1} y1={zero} y2={zero} stroke={CHART_INK.axis} strokeWidth={1} />
    ),
  );
  categories.forEach((c, i) => {
    if (!data.categoryAxisVisible) return;
    const mid = bandStart(i) + band / 2;
    elements.push(
      horizontalBars ? (
        <text key={`c${i}`} x={box.x0 - 4} y={mid + catSize / 3} fontSize={catSize} textAnchor="end" fill={CHART_INK.text}>
          {c}
        </text>
      ) : (
        <text key={`c${i}`} x={mid} y={box.y1 + catSize + 4} fontSize={catSize} textAnchor="middle" fill={CHART_INK.text}>
          {c}
        </text>
      ),
    );
  });

  barSeries.forEach((s, k) => {
    s.values.forEach((v, i) => {
      if (v === null) return;
      const start = bandStart(i) + (band - barWidth * barSeries.length) / 2 + k * barWidth;
      const end = at(s)(v);
      const label = s.labels[i];
      if (horizontalBars) {
        const x = Math.min(zero, end);
        elements.push(<rect key={`b${k}-${i}`} x={x} y={start} width={Math.abs(end - zero)} height={barWidth} fill={s.color} />);
        if (label)
          elements.push(
            <text key={`l${k}-${i}`} x={v >= 0 ? end + 3 : end - 3} y={start + barWidth / 2 + size / 3} fontSize={size} textAnchor={v >= 0 ? "start" : "end"} fill={CHART_INK.label}>
              {label}
            </text>,
          );
      } else {
        const y = Math.min(zero, end);
        elements.push(<rect key={`b${k}-${i}`} x={start} y={y} width={barWidth} height={Math.abs(end - zero)} fill={s.color} />);
        if (label)
          elements.push(
            <text key={`l${k}-${i}`} x={start + barWidth / 2} y={v >= 0 ? end - 3 : end + size + 1} fontSize={size} textAnchor="middle" fill={CHART_INK.label}>
              {label}
            </text>,
          );
      }
    });
  });

  series
    .filter((s) => s.shape === "line")
    .forEach((s, k) => {
      const y = at(s);
      const points = s.values.map((v, i) => (v === null ? null : { x: bandStart(i) + band / 2, y: y(v) }));
      // A blank cell is a gap in the line, as Excel draws it by default.
      const runs: { x: number; y: number }[][] = [];
      let run: { x: number; y: number }[] = [];
      for (const p of points) {
        if (p === null) {
          if (run.length > 0) runs.push(run);
          run = [];
        } else run.push(p);
      }
      if (run.length > 0) runs.push(run);
      runs.forEach((r, j) =>
        elements.push(<polyline key={`p${k}-${j}`} points={r.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke={s.color} strokeWidth={2.25} strokeLinejoin="round" />),
      );
      points.forEach((p, i) => {
        if (p === null) return;
        if (s.markers) elements.push(<circle key={`m${k}-${i}`} cx={p.x} cy={p.y} r={3.5} fill={s.color} stroke={CHART_INK.background} strokeWidth={0.75} />);
        const label = s.labels[i];
        if (label)
          elements.push(
            <text key={`ll${k}-${i}`} x={p.x} y={p.y - 6} fontSize={size} textAnchor="middle" fill={CHART_INK.label}>
              {label}
            </text>,
          );
      });
    });
  return <g>{elements}</g>;
}

/**
 * The chart's SVG at the given size in pixels. Memoised: the grid re-renders on every scroll
 * step, and a chart's drawing changes only with its data or size.
 */
export const ChartView = React.memo(function ChartView(props: ChartViewProps): React.JSX.Element {
  const { data, width, height, label, notDrawnText, name } = props;
  const titleId = React.useId();
  const size = 11;
  const titleSize = 14;
  const pad = 8;
  let top = pad + (data.title !== null ? titleSize + 10 : 0);
  let bottom = height - pad;
  let left = pad;
  let right = width - pad;
  const legend = data.legend !== null && data.series.length > 0 ? data.legend : null;
  let legendBox: Box | null = null;
  if (legend === "Bottom" || legend === "Top" || legend === "Corner") {
    legendBox = legend === "Top" ? { x0: left, y0: top, x1: right, y1: top + size + 6 } : { x0: left, y0: bottom - size - 4, x1: right, y1: bottom };
    if (legend === "Top") top += size + 10;
    else bottom -= size + 10;
  } else if (legend === "Right" || legend === "Left") {
    const w = Math.min(width / 3, 24 + Math.max(...data.series.map((s) => textWidth(s.name, size))));
    legendBox = legend === "Right" ? { x0: right - w, y0: top, x1: right, y1: bottom } : { x0: left, y0: top, x1: left + w, y1: bottom };
    if (legend === "Right") right -= w + 6;
    else left += w + 6;
  }
  const horizontalBars = data.shape === "bar";
  const valueTitle = data.valueAxisTitle;
  const categoryTitle = data.categoryAxisTitle;
  // Room for the axis titles and labels.
  const tickWidth = Math.max(...data.scale.tickLabels.map((t) => textWidth(t, size)), 8);
  const categoryWidth = Math.min(width / 3, Math.max(...data.categories.map((c) => textWidth(c, size)), 8));
  const leftTitle = horizontalBars ? categoryTitle : valueTitle;
  const bottomTitle = horizontalBars ? valueTitle : categoryTitle;
  if (leftTitle !== null) left += size + 8;
  if (bottomTitle !== null) bottom -= size + 8;
  const secondaryWidth = data.secondaryScale !== null && !horizontalBars ? Math.max(...data.secondaryScale.tickLabels.map((t) => textWidth(t, size)), 8) + 8 : 0;
  const plot: Box = {
    x0: left + (horizontalBars ? categoryWidth : tickWidth) + 8,
    y0: top + 6,
    x1: right - 6 - secondaryWidth,
    y1: bottom - size - 8,
  };
  const description = data.series.map((s) => `${s.name}: ${s.values.map((v, i) => `${data.categories[i] ?? i + 1} ${v ?? "—"}`).join(", ")}`).join("; ");
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={titleId}
      data-chart-name={name}
      fontFamily={FALLBACK_FONTS}
      style={{ display: "block", background: CHART_INK.background }}
    >
      <title id={titleId}>{label}</title>
      <desc>{description}</desc>
      <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill={CHART_INK.background} stroke={CHART_INK.border} />
      {data.title !== null && (
        <text x={width / 2} y={pad + titleSize} fontSize={titleSize} textAnchor="middle" fill={CHART_INK.title} data-chart-title="">
          {data.title}
        </text>
      )}
      {data.drawable ? (
        <>
          {plot.x1 > plot.x0 && plot.y1 > plot.y0 && <Plot data={data} box={plot} size={size} />}
          {leftTitle !== null && (
            <text transform={`translate(${pad + size},${(plot.y0 + plot.y1) / 2}) rotate(-90)`} fontSize={size} textAnchor="middle" fill={CHART_INK.text}>
              {leftTitle}
            </text>
          )}
          {bottomTitle !== null && (
            <text x={(plot.x0 + plot.x1) / 2} y={bottom + size + 2} fontSize={size} textAnchor="middle" fill={CHART_INK.text}>
              {bottomTitle}
            </text>
          )}
          {legend !== null && legendBox !== null && <Legend series={data.series} position={legend} box={legendBox} size={size} />}
        </>
      ) : (
        <text x={width / 2} y={height / 2} fontSize={size} textAnchor="middle" fill={CHART_INK.text}>
          {notDrawnText}
        </text>
      )}
    </svg>
  );
});
