"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Bar, BarChart, type TooltipContentProps, Tooltip, useActiveTooltipLabel, usePlotArea, XAxis, YAxis } from "recharts";
import { useFormat } from "../_lib/use-format";
import { canvasMeasure } from "./chart-export";
import { ActorTag } from "./ActorTag";
import {
  type ChartGeometry,
  type ChartSpec,
  chartGeometry,
  clampCentre,
  countTicks,
  FRAME,
  LEADING,
  type Measure,
  positionTicks,
  TYPE,
  type Ticks,
  tickDecimals,
} from "./chart-layout";
import { ACTOR_KEYS, type ActorKey, type ActorNames } from "./series";

export interface ActorChartRow {
  /** Unique per chart (an issue or document slug). */
  key: string;
  label: string;
  us: number | null;
  co: number | null;
  /** Stances behind each value: tells "no stances" from "not scored", and the tooltip gives them. */
  usStances: number;
  coStances: number;
  /** The poles, when the rows are different issues. */
  poles?: { negative: string; positive: string } | null;
}

export interface ActorChartProps {
  mode: "position" | "count";
  rows: ActorChartRow[];
  /** Poles shared by every row (the documents of one issue), drawn under the axis ends. */
  poles?: { negative: string; positive: string } | null;
  names: ActorNames;
  ariaLabel: string;
}

/** The width of the element, kept current as the layout changes (0 before the first measurement). */
function useWidth(): [number, (element: HTMLDivElement | null) => void] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    observer.current = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.current.observe(element);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [width, ref];
}

/** Text widths in the page's own font; the chart draws only in the browser, after its width is known. */
function useMeasure(): Measure {
  return useMemo(() => canvasMeasure(getComputedStyle(document.body).fontFamily), []);
}

const baseline = (lineTop: number, size: 12 | 13 | 16) => lineTop + LEADING[size] - 4;

/** Lines of text, one tspan each, starting at `top`. */
function Lines({ lines, x, top, size, anchor, className, bold = false }: { lines: string[]; x: number; top: number; size: 12 | 13; anchor: "start" | "end" | "middle"; className: string; bold?: boolean }) {
  return (
    <text className={className} x={x} y={baseline(top, size)} fontSize={size} fontWeight={bold ? 700 : 400} textAnchor={anchor} data-bg="paper">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: wrapped lines are positional
        <tspan key={i} x={x} dy={i === 0 ? 0 : LEADING[size]}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The government's mark: a circle with a solid edge for the US, a diamond with a dashed edge for Colombia. */
function Mark({ actor, x, y }: { actor: ActorKey; x: number; y: number }) {
  if (actor === "us") return <circle className="chart-mark chart-mark-us" cx={x} cy={y} r={6.5} />;
  return <path className="chart-mark chart-mark-co" d={`M ${x} ${y - 8} L ${x + 8} ${y} L ${x} ${y + 8} L ${x - 8} ${y} Z`} />;
}

function Swatch({ actor, mode, x, y }: { actor: ActorKey; mode: ChartSpec["mode"]; x: number; y: number }) {
  if (mode === "position") return <Mark actor={actor} x={x + 8} y={y} />;
  return <rect className={`chart-mark chart-mark-${actor}`} x={x} y={y - 6} width={18} height={12} />;
}

interface LayerProps {
  geometry: ChartGeometry;
  mode: ChartSpec["mode"];
  rows: ActorChartRow[];
  ticks: Ticks;
  measure: Measure;
}

/** Everything the chart draws itself, in the plot area Recharts lays out: legend, grid, ticks, rows, poles. */
function ChartLayer({ geometry, mode, rows, ticks, measure }: LayerProps) {
  const plotArea = usePlotArea();
  const active = useActiveTooltipLabel();
  const format = useFormat();
  const tag = useTranslations("actors");
  const t = useTranslations("chart");
  if (!plotArea) return null;
  const { plot, rowHeight, labelHeight, poleHeight, width } = geometry;
  const [low, high] = ticks.domain;
  const x = (value: number) => plot.left + ((value - low) / (high - low)) * (plot.right - plot.left);
  const decimals = tickDecimals(ticks.step);
  // 0 is written "0" whatever the step, the one tick every axis has.
  const tickLabel = (value: number) => (mode === "count" ? format.count(value) : format.axis(value, value === 0 ? 0 : decimals));
  const tagOf = (actor: ActorKey) => (actor === "us" ? tag("us") : tag("co"));
  const valueText = (actor: ActorKey, row: ActorChartRow) => {
    const value = row[actor];
    const stances = actor === "us" ? row.usStances : row.coStances;
    if (mode === "count") return `${tagOf(actor)} ${format.count(value ?? 0)}`;
    return `${tagOf(actor)} ${value === null ? (stances ? format.position(null) : t("noStances")) : format.position(value)}`;
  };
  const legendTop = 6;
  const nodes: ReactNode[] = [];

  // Legend: each government's mark, its tag and its name, the United States first.
  let entryIndex = 0;
  geometry.legendLines.forEach((line, lineIndex) => {
    let at = plot.left;
    const y = legendTop + lineIndex * LEADING[TYPE.legend] + 8;
    for (const entry of line) {
      const actor = ACTOR_KEYS[entryIndex++] ?? "us";
      nodes.push(
        <g key={`legend-${actor}`} className="chart-legend">
          <Swatch actor={actor} mode={mode} x={at} y={y} />
          <text className="chart-legend-text" x={at + 26} y={y} dy="0.35em" fontSize={TYPE.legend} data-bg="paper">
            {entry}
          </text>
        </g>,
      );
      at += 26 + measure(entry, TYPE.legend) + 20;
    }
  });

  // The row the tooltip is on (pointer or arrow keys), shaded beneath the grid and the marks.
  const activeIndex = rows.findIndex((row) => row.key === active);
  if (activeIndex >= 0) nodes.push(<rect key="active" className="chart-active-row" x={0} y={plot.top + activeIndex * rowHeight} width={width} height={rowHeight} />);

  // Grid and ticks at even steps; 0 drawn darker and always labelled.
  for (const value of ticks.ticks) {
    const at = x(value);
    const label = tickLabel(value);
    nodes.push(
      <g key={`tick-${value}`}>
        <line className={value === 0 ? "chart-zero" : "chart-gridline"} x1={at} x2={at} y1={plot.top} y2={plot.bottom + 4} />
        <text
          className="chart-tick"
          data-value={value}
          data-bg="paper"
          x={clampCentre(at, measure(label, TYPE.tick, value === 0), 2, width - 2)}
          y={plot.bottom + 18}
          fontSize={TYPE.tick}
          fontWeight={value === 0 ? 700 : 400}
          textAnchor="middle"
        >
          {label}
        </text>
      </g>,
    );
  }
  nodes.push(<line key="axis" className="chart-axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />);

  rows.forEach((row, index) => {
    const top = plot.top + index * rowHeight;
    const text = geometry.rows[index];
    if (!text) return;
    const markTop = top + 4 + labelHeight + poleHeight;
    const parts: ReactNode[] = [
      <Lines key="label" className="chart-row-label" lines={text.label} x={FRAME.side} top={top + 4} size={TYPE.label} anchor="start" bold />,
    ];
    if (text.negative.length) {
      const poleTop = top + 4 + labelHeight;
      parts.push(
        <Lines key="neg" className="chart-pole chart-pole-negative" lines={text.negative} x={plot.left} top={poleTop} size={TYPE.pole} anchor="start" />,
        <Lines key="pos" className="chart-pole chart-pole-positive" lines={text.positive} x={plot.right} top={poleTop} size={TYPE.pole} anchor="end" />,
      );
    }
    if (mode === "position") {
      const y = markTop + 24;
      parts.push(<line key="track" className="chart-track" x1={plot.left} x2={plot.right} y1={y} y2={y} />);
      if (row.us !== null && row.co !== null) parts.push(<line key="gap" className="chart-gap" x1={x(row.us)} x2={x(row.co)} y1={y} y2={y} />);
      for (const actor of ACTOR_KEYS) {
        const value = row[actor];
        const label = valueText(actor, row);
        const labelWidth = measure(label, TYPE.value, true);
        const centre = clampCentre(value === null ? x(0) : x(value), labelWidth, plot.left, plot.right);
        if (value !== null) parts.push(<Mark key={`mark-${actor}`} actor={actor} x={x(value)} y={y} />);
        parts.push(
          <text
            key={`value-${actor}`}
            className={`chart-value chart-value-${actor}${value === null ? " chart-value-missing" : ""}`}
            data-bg="paper"
            x={centre}
            y={actor === "us" ? markTop + 12 : markTop + 44}
            fontSize={TYPE.value}
            fontWeight={700}
            textAnchor="middle"
          >
            {label}
          </text>,
        );
      }
    } else {
      ACTOR_KEYS.forEach((actor, i) => {
        const value = row[actor] ?? 0;
        const barTop = markTop + i * (16 + 4);
        const end = x(value);
        const label = valueText(actor, row);
        const labelWidth = measure(label, TYPE.value, true);
        const inside = end + 5 + labelWidth > plot.right;
        parts.push(
          <rect key={`bar-${actor}`} className={`chart-mark chart-mark-${actor}`} x={x(0)} y={barTop} width={Math.max(0, end - x(0))} height={16} />,
          <text
            key={`value-${actor}`}
            className={`chart-value chart-value-${actor}${inside ? " chart-value-inside" : ""}`}
            data-bg={inside ? actor : "paper"}
            x={inside ? end - 5 : end + 5}
            y={barTop + 8}
            dy="0.35em"
            fontSize={TYPE.value}
            fontWeight={700}
            textAnchor={inside ? "end" : "start"}
          >
            {label}
          </text>,
        );
      });
    }
    nodes.push(
      <g key={row.key} className="chart-row" data-row={row.key}>
        {parts}
      </g>,
    );
  });

  if (geometry.sharedPoles) {
    const poleTop = plot.bottom + FRAME.axis;
    nodes.push(
      <Lines key="shared-neg" className="chart-pole chart-pole-negative" lines={geometry.sharedPoles.negative} x={plot.left} top={poleTop} size={TYPE.pole} anchor="start" />,
      <Lines key="shared-pos" className="chart-pole chart-pole-positive" lines={geometry.sharedPoles.positive} x={plot.right} top={poleTop} size={TYPE.pole} anchor="end" />,
    );
  }
  return (
    <g className="chart-layer">
      {nodes}
    </g>
  );
}

const ZERO = () => 0;
const NOTHING = () => <g />;

/** The tooltip: the row, then the United States and Colombia in that order, with the stances behind each and the gap. */
function ChartTooltip({ active, activeIndex, rows, mode, names }: TooltipContentProps & { rows: ActorChartRow[]; mode: ChartSpec["mode"]; names: ActorNames }) {
  const format = useFormat();
  const t = useTranslations("chart");
  const row = activeIndex === null || activeIndex === undefined ? undefined : rows[Number(activeIndex)];
  if (!active || !row) return null;
  const line = (actor: ActorKey) => {
    const value = row[actor];
    const stances = actor === "us" ? row.usStances : row.coStances;
    if (mode === "count") return t("tooltipCount", { actor: names[actor], count: stances });
    const position = value === null ? (stances ? format.position(null) : t("noStances")) : format.position(value);
    return t("tooltipPosition", { actor: names[actor], position, count: stances });
  };
  const gap = row.us !== null && row.co !== null ? Math.abs(row.us - row.co) : null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-label">{row.label}</p>
      {ACTOR_KEYS.map((actor) => (
        <p key={actor}>
          <ActorTag actor={actor} /> {line(actor)}
        </p>
      ))}
      {mode === "position" && gap !== null ? <p>{t("tooltipGap", { gap: format.gap(gap) })}</p> : null}
    </div>
  );
}

function ChartBody({ width, mode, rows, poles, names, ariaLabel }: ActorChartProps & { width: number }) {
  const measure = useMeasure();
  const tag = useTranslations("actors");
  const spec: ChartSpec = {
    mode,
    rows: rows.map((r) => ({ label: r.label, poles: r.poles })),
    poles,
    legend: [`${names.us} (${tag("us")})`, `${names.co} (${tag("co")})`],
  };
  const geometry = chartGeometry(spec, width, measure);
  const ticks =
    mode === "position" ? positionTicks(rows.flatMap((r) => [r.us, r.co]), geometry.maxTicks) : countTicks(rows.flatMap((r) => [r.us ?? 0, r.co ?? 0]), geometry.maxTicks);
  const { plot, height } = geometry;
  return (
    <BarChart
      width={width}
      height={height}
      data={rows}
      layout="vertical"
      barCategoryGap={0}
      margin={{ top: plot.top, left: plot.left, right: width - plot.right, bottom: height - plot.bottom - FRAME.axis }}
      role="img"
      aria-label={ariaLabel}
    >
      <XAxis type="number" domain={ticks.domain} ticks={ticks.ticks} height={FRAME.axis} tick={false} axisLine={false} tickLine={false} allowDataOverflow />
      <YAxis type="category" dataKey="key" hide />
      <ChartLayer geometry={geometry} mode={mode} rows={rows} ticks={ticks} measure={measure} />
      <Bar dataKey={ZERO} isAnimationActive={false} shape={NOTHING} activeBar={NOTHING} legendType="none" />
      <Tooltip content={(props) => <ChartTooltip {...props} rows={rows} mode={mode} names={names} />} cursor={false} isAnimationActive={false} />
    </BarChart>
  );
}

/** Both governments on every row: a dumbbell on the axis (positions) or a pair of bars (counts), drawn to the container's width. */
export function ActorChart(props: ActorChartProps) {
  const [width, ref] = useWidth();
  return (
    <div ref={ref} className="chart-canvas-inner">
      {width > 0 ? <ChartBody {...props} width={width} /> : null}
    </div>
  );
}
