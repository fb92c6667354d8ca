/**
 * The geometry every chart shares, as pure functions: even ticks, label wrapping and clamping, and the
 * height of each row, so the server can reserve the chart's space and the client draws into exactly it.
 */

/** Type sizes in px: nothing under 12 px, so a chart reads on a 360 px phone. */
export const TYPE = { tick: 12, value: 12, pole: 12, label: 13, legend: 13, title: 16, source: 12 } as const;
/** Line height in px for each type size above. */
export const LEADING = { 12: 15, 13: 17, 16: 20 } as const;

export interface Ticks {
  domain: [number, number];
  ticks: number[];
  step: number;
}

const MULTIPLIERS = [1, 2, 5];

/**
 * Ticks at one even step (1, 2 or 5 × 10ⁿ) covering [low, high] in at most `maxTicks` ticks. The range
 * must hold 0, so 0 is always a tick; a symmetric range gives symmetric ticks.
 */
export function evenTicks(low: number, high: number, maxTicks: number, integer = false): Ticks {
  const lo = Math.min(low, 0);
  const hi = Math.max(high, 0, lo + 1e-9);
  const count = Math.max(2, maxTicks);
  let magnitude = 10 ** Math.floor(Math.log10((hi - lo) / (count - 1)));
  for (;;) {
    for (const multiplier of MULTIPLIERS) {
      const step = multiplier * magnitude;
      if (integer && step < 1) continue;
      const first = Math.floor(lo / step + 1e-9);
      const last = Math.ceil(hi / step - 1e-9);
      if (last - first + 1 > count) continue;
      const ticks = Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toFixed(10)) || 0);
      return { domain: [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0], ticks, step };
    }
    magnitude *= 10;
  }
}

/** Position axes are symmetric around 0, at least ±1, with a little room so a mark never sits on the edge. */
export function positionTicks(values: (number | null)[], maxTicks: number): Ticks {
  const extent = Math.max(1, ...values.map((v) => Math.abs(v ?? 0) * 1.04));
  return evenTicks(-extent, extent, maxTicks);
}

/** Count axes start at 0 and step by whole numbers. */
export function countTicks(values: number[], maxTicks: number): Ticks {
  return evenTicks(0, Math.max(1, ...values), maxTicks, true);
}

/** As many ticks as fit with about 56 px between them (a label such as "−2.5" is about 30 px wide). */
export function maxTicksFor(plotWidth: number): number {
  return Math.min(11, Math.max(3, Math.floor(plotWidth / 56) + 1));
}

/** Decimals a tick label needs at this step: none for whole steps, one for 0.5 or 0.2. */
export function tickDecimals(step: number): number {
  return step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
}

export type Measure = (text: string, size: number, bold?: boolean) => number;

/** Server-side estimate of text width: a generous average glyph width, so reserved space is rarely too small. */
export const estimateWidth: Measure = (text, size, bold = false) => text.length * size * (bold ? 0.6 : 0.56);

/** Words broken into lines no wider than `width`; a word longer than a line gets a line of its own. */
export function wrapText(text: string, width: number, size: number, measure: Measure, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** The x at which a centred label of `width` stays inside [left, right]: centred on `x` where it fits. */
export function clampCentre(x: number, width: number, left: number, right: number): number {
  if (width >= right - left) return (left + right) / 2;
  return Math.min(Math.max(x, left + width / 2), right - width / 2);
}

export interface ChartRowText {
  label: string;
  /** The poles, drawn at both ends of the row when the rows are different issues. */
  poles?: { negative: string; positive: string } | null;
}

export interface ChartSpec {
  mode: "position" | "count";
  rows: ChartRowText[];
  /** Poles shared by every row (one issue's documents), drawn under the axis ends. */
  poles?: { negative: string; positive: string } | null;
  /** The two legend entries (the governments' names). */
  legend: [string, string];
}

/** Margins and fixed bands of the drawing, in px. */
export const FRAME = { side: 12, top: 6, rowPad: 10, axis: 24, markBand: 16, barGap: 4, legendItemGap: 20, swatch: 26 } as const;

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  legendLines: string[][];
  rowHeight: number;
  /** Heights within every row: its label lines, then its pole lines (the same for all rows, so marks line up). */
  labelHeight: number;
  poleHeight: number;
  /** Per row: the wrapped label, and the wrapped poles when each row has its own. */
  rows: { label: string[]; negative: string[]; positive: string[] }[];
  sharedPoles: { negative: string[]; positive: string[] } | null;
  maxTicks: number;
}

const leading = (size: 12 | 13 | 16) => LEADING[size];

/** Where everything goes in a chart `width` px wide: every text wrapped to fit, every row the same height. */
export function chartGeometry(spec: ChartSpec, width: number, measure: Measure): ChartGeometry {
  const left = FRAME.side;
  const right = Math.max(left + 120, width - FRAME.side);
  const plotWidth = right - left;
  const half = plotWidth / 2 - 6;
  const polesOf = (poles: ChartRowText["poles"]) =>
    poles
      ? { negative: wrapText(`← ${poles.negative}`, half, TYPE.pole, measure), positive: wrapText(`${poles.positive} →`, half, TYPE.pole, measure) }
      : { negative: [], positive: [] };
  const rows = spec.rows.map((row) => ({ label: wrapText(row.label, width - 2 * FRAME.side, TYPE.label, measure, true), ...polesOf(spec.poles ? null : row.poles) }));
  // Legend entries flow onto a new line when the row is full.
  const legendLines: string[][] = [[]];
  let used = 0;
  for (const entry of spec.legend) {
    const size = FRAME.swatch + measure(entry, TYPE.legend) + FRAME.legendItemGap;
    const current = legendLines[legendLines.length - 1] as string[];
    if (current.length && used + size > width - 2 * FRAME.side) {
      legendLines.push([entry]);
      used = size;
    } else {
      current.push(entry);
      used += size;
    }
  }
  const labelHeight = Math.max(1, ...rows.map((r) => r.label.length)) * leading(TYPE.label);
  const poleHeight = Math.max(0, ...rows.map((r) => Math.max(r.negative.length, r.positive.length))) * leading(TYPE.pole);
  const marks = spec.mode === "position" ? 3 * FRAME.markBand : 2 * FRAME.markBand + FRAME.barGap;
  const rowHeight = 4 + labelHeight + poleHeight + marks + FRAME.rowPad;
  const top = FRAME.top + legendLines.length * leading(TYPE.legend) + 8;
  const bottom = top + Math.max(1, rows.length) * rowHeight;
  const sharedPoles = spec.poles ? polesOf(spec.poles) : null;
  const poleLines = sharedPoles ? Math.max(sharedPoles.negative.length, sharedPoles.positive.length) : 0;
  const height = bottom + FRAME.axis + (poleLines ? poleLines * leading(TYPE.pole) + 6 : 0) + 4;
  return { width, height, plot: { left, right, top, bottom }, legendLines, rowHeight, labelHeight, poleHeight, rows, sharedPoles, maxTicks: maxTicksFor(plotWidth) };
}

/** Chart widths the server reserves space for: a phone (360 px screen), and a 1280 px desktop in the two-column grid or across the page. */
export const RESERVE_WIDTHS = { narrow: 310, half: 560, full: 1150 } as const;

/** The heights to hold for a chart before it draws, at phone and desktop widths. */
export function reserveHeights(spec: ChartSpec, span: "half" | "full" = "half"): { narrow: number; wide: number } {
  return {
    narrow: chartGeometry(spec, RESERVE_WIDTHS.narrow, estimateWidth).height,
    wide: chartGeometry(spec, RESERVE_WIDTHS[span], estimateWidth).height,
  };
}
