"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CartesianGrid, LabelList, Legend, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Format } from "../_lib/format";
import type { TimelineRow } from "../_lib/timeline";
import { useFormat } from "../_lib/use-format";
import { ACTOR_KEYS, ACTOR_SERIES, type ActorKey, type ActorNames } from "./series";


export interface TimelineChartProps {
  rows: TimelineRow[];
  /** The time axis, in UTC milliseconds: shared by the small multiples so their dates line up. */
  domain: [number, number];
  height: number;
  ariaLabel: string;
  names: ActorNames;
  /** The words the tooltip and point labels need, in the reader's language. */
  words: { inferred: string; gap: string };
  /** Small multiple: fewer ticks, no point labels. */
  compact?: boolean;
}

/** True on phone-sized screens, where the axis needs fewer ticks. */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia("(max-width: 40rem)");
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return narrow;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Ticks at the first of each month in the domain (every n-th, to fit), or at the points' own days when the domain holds at most one month start. */
function timeTicks(domain: [number, number], rows: TimelineRow[], most: number): { ticks: number[]; months: boolean } {
  const starts: number[] = [];
  const from = new Date(domain[0]);
  for (let at = Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1); at <= domain[1]; ) {
    starts.push(at);
    const next = new Date(at);
    at = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1);
  }
  if (starts.length < 2) return { ticks: [...new Set(rows.map((r) => r.t))].slice(0, most), months: false };
  const step = Math.ceil(starts.length / most);
  return { ticks: starts.filter((_, i) => i % step === 0), months: true };
}

/** Whole positions from −bound to +bound (every other one past ±4), so 0 and the poles' sides are always marked. */
function positionTicks(bound: number): number[] {
  const step = bound > 4 ? 2 : 1;
  return Array.from({ length: Math.floor((2 * bound) / step) + 1 }, (_, i) => -bound + i * step);
}

function pointLabel(format: Format, row: TimelineRow): string {
  return row.monthly ? format.month(row.date) : format.date(row.date);
}

/** A point linked to its document: US a circle, Colombia a diamond (never colour alone), hollow when the date was inferred. */
function PointShape({ actor, row, cx, cy, label }: { actor: ActorKey; row: TimelineRow; cx: number; cy: number; label: string }) {
  const color = ACTOR_SERIES[actor].color;
  const fill = row.inferred ? "var(--paper)" : color;
  return (
    <a href={row.href} aria-label={label}>
      {actor === "us" ? (
        <circle cx={cx} cy={cy} r={6} fill={fill} stroke={color} strokeWidth={2} />
      ) : (
        <path d={`M${cx},${cy - 8}L${cx + 8},${cy}L${cx},${cy + 8}L${cx - 8},${cy}Z`} fill={fill} stroke={color} strokeWidth={2} strokeDasharray={row.inferred ? "3 2" : undefined} />
      )}
    </a>
  );
}

/** Each government's position per dated document (or month) on a time axis, the gap between them drawn at each date where both have one. */
export function TimelineChart({ rows, domain, height, ariaLabel, names, words, compact = false }: TimelineChartProps) {
  const narrow = useNarrow();
  const format = useFormat();
  const t = useTranslations("actors");
  const tags: Record<ActorKey, string> = { us: t("us"), co: t("co") };
  const extent = Math.max(1, ...rows.flatMap((r) => [Math.abs(r.us ?? 0), Math.abs(r.co ?? 0)]));
  // Room above the farthest point, so a point and its label never sit on the frame.
  const bound = Math.ceil(extent * 1.1);
  const { ticks, months } = timeTicks(domain, rows, compact || narrow ? 3 : 7);
  const labelled = !compact && rows.length <= 6;
  const series = (actor: ActorKey) => rows.filter((r) => r[actor] !== null).map((r) => ({ ...r, y: r[actor] }));
  const describe = (actor: ActorKey, row: TimelineRow) =>
    `${names[actor]}, ${pointLabel(format, row)}${row.inferred ? ` (${words.inferred})` : ""}: ${format.position(row[actor])} — ${row.documents}`;
  return (
    <ScatterChart responsive style={{ width: "100%", height }} margin={{ top: 8, right: labelled ? 56 : 16, bottom: 4, left: 0 }} role="group" aria-label={ariaLabel}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="t"
        domain={domain}
        ticks={ticks}
        tickFormatter={(value: number) => (months ? format.month(isoDay(value)) : format.date(isoDay(value)))}
        tick={{ fontSize: narrow || compact ? 10 : 12 }}
        allowDataOverflow
      />
      <YAxis type="number" dataKey="y" domain={[-bound, bound]} ticks={positionTicks(bound)} tickFormatter={(v: number) => format.position(v)} width={narrow || compact ? 44 : 56} tick={{ fontSize: narrow || compact ? 10 : 12 }} />
      <ReferenceLine y={0} stroke="#555" />
      {rows.map((row) =>
        row.us !== null && row.co !== null ? (
          <ReferenceLine
            key={`gap-${row.key}`}
            segment={[
              { x: row.t, y: row.us },
              { x: row.t, y: row.co },
            ]}
            stroke="#58606b"
            strokeWidth={2}
            strokeDasharray="2 3"
          />
        ) : null,
      )}
      <Tooltip
        cursor={false}
        content={({ active, payload }) => {
          const key = active ? payload?.[0]?.payload?.key : undefined;
          const row = rows.find((r) => r.key === key);
          if (!row) return null;
          const gap = row.us !== null && row.co !== null ? Math.abs(row.us - row.co) : null;
          return (
            <div className="chart-tooltip">
              <strong>
                {pointLabel(format, row)}
                {row.inferred ? ` (${words.inferred})` : ""}
              </strong>
              <br />
              {row.documents}
              {ACTOR_KEYS.map((actor) => (
                <span key={actor}>
                  <br />
                  {names[actor]}: {format.position(row[actor])}
                </span>
              ))}
              <br />
              {words.gap}: {format.gap(gap)}
            </div>
          );
        }}
      />
      <Legend verticalAlign="top" height={28} itemSorter={null} />
      {ACTOR_KEYS.map((actor) => {
        const data = series(actor);
        return (
          <Scatter
            key={actor}
            name={names[actor]}
            data={data}
            fill={ACTOR_SERIES[actor].color}
            legendType={actor === "us" ? "circle" : "diamond"}
            line={{ stroke: ACTOR_SERIES[actor].color, strokeWidth: 1.5, strokeDasharray: actor === "co" ? "5 3" : undefined }}
            lineType="joint"
            isAnimationActive={false}
            shape={(props: { cx?: number; cy?: number; index?: number }) => {
              const row = data[props.index ?? -1];
              if (!row || props.cx === undefined || props.cy === undefined) return <g />;
              return <PointShape actor={actor} row={row} cx={props.cx} cy={props.cy} label={describe(actor, row)} />;
            }}
          >
            {labelled ? (
              <LabelList
                dataKey="y"
                content={(props) => (
                  <text x={Number(props.x ?? 0) + 12} y={Number(props.y ?? 0)} dy={actor === "us" ? "-0.2em" : "1em"} fontSize={narrow ? 10 : 12} fill="#1b1f24">
                    {`${tags[actor]} ${format.position(typeof props.value === "number" ? props.value : null)}`}
                  </text>
                )}
              />
            ) : null}
          </Scatter>
        );
      })}
    </ScatterChart>
  );
}
