"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Format } from "../_lib/format";
import { useFormat } from "../_lib/use-format";
import { ACTOR_KEYS, ACTOR_SERIES, type ActorNames } from "./series";

export interface ActorBarRow {
  label: string;
  us: number | null;
  co: number | null;
}

interface Props {
  rows: ActorBarRow[];
  /** "position": a diverging chart around 0 on the issue axis; "count": stances per actor. */
  mode: "position" | "count";
  height: number;
  ariaLabel: string;
  /** For positions: the pole names shown under the axis ends. */
  poles?: { negative: string; positive: string };
  /** The series names in the reader's language (legend and tooltip). */
  names: ActorNames;
}

const formatValue = (format: Format, mode: Props["mode"], value: unknown) => {
  if (mode === "count") return format.count(typeof value === "number" ? value : 0);
  return format.position(typeof value === "number" ? value : null);
};

/** True on phone-sized screens, where the axis and labels need to be more compact. */
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

/** Two bars per row, United States and Colombia, labelled with actor and value (never colour alone). */
export function ActorBarChart({ rows, mode, height, ariaLabel, poles, names }: Props) {
  const narrow = useNarrow();
  const format = useFormat();
  const t = useTranslations("actors");
  const labelSize = narrow ? 9 : 12;
  const extent = Math.max(1, ...rows.flatMap((r) => [Math.abs(r.us ?? 0), Math.abs(r.co ?? 0)]));
  // Room beyond the longest bar for its label, which sits outside the bar's end on either side.
  const bound = Math.ceil(extent) + (mode === "position" ? 2 : 1);
  const domain: [number, number] = mode === "position" ? [-bound, bound] : [0, bound];
  const axisLabel = mode === "position" && poles ? `← ${poles.negative}   |   ${poles.positive} →` : undefined;
  return (
    <BarChart
      data={rows}
      layout="vertical"
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 4, right: narrow ? 44 : 64, bottom: axisLabel ? 28 : 4, left: narrow ? 0 : 8 }}
      barCategoryGap="22%"
      role="img"
      aria-label={ariaLabel}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis
        type="number"
        domain={domain}
        allowDecimals={mode === "position"}
        tickFormatter={(v: number) => formatValue(format, mode, v)}
        tick={{ fontSize: narrow ? 10 : 12 }}
        label={axisLabel ? { value: axisLabel, position: "insideBottom", offset: -18, fontSize: labelSize } : undefined}
      />
      <YAxis type="category" dataKey="label" width={narrow ? 72 : 128} tick={{ fontSize: narrow ? 11 : 13 }} />
      {mode === "position" ? <ReferenceLine x={0} stroke="#555" /> : null}
      <Tooltip formatter={(value, name) => [formatValue(format, mode, value), name]} />
      <Legend verticalAlign="top" height={28} itemSorter={(item) => ACTOR_KEYS.indexOf(item.dataKey as "us" | "co")} />
      {ACTOR_KEYS.map((actor) => (
        <Bar key={actor} dataKey={actor} name={names[actor]} fill={ACTOR_SERIES[actor].color} isAnimationActive={false}>
          <LabelList
            dataKey={actor}
            content={(props) => {
              const x = Number(props.x ?? 0);
              const width = Number(props.width ?? 0);
              const y = Number(props.y ?? 0) + Number(props.height ?? 0) / 2;
              const negative = typeof props.value === "number" && props.value < 0;
              const [left, right] = [Math.min(x, x + width), Math.max(x, x + width)];
              return (
                <text x={negative ? left - 4 : right + 4} y={y} dy="0.35em" fontSize={labelSize} fill="#1b1f24" textAnchor={negative ? "end" : "start"}>
                  {`${actor === "us" ? t("us") : t("co")} ${formatValue(format, mode, props.value)}`}
                </text>
              );
            }}
          />
        </Bar>
      ))}
    </BarChart>
  );
}
