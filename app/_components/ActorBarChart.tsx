import { useLocale, useMessages, useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import type { ActorChartRow } from "./ActorChart";
import { ChartLoader } from "./ChartLoader";
import { reserveHeights } from "./chart-layout";
import type { ActorNames } from "./series";

export type { ActorChartRow };

interface Props {
  rows: ActorChartRow[];
  /** "position": both governments on each row's issue axis, the gap drawn between them; "count": stances per government. */
  mode: "position" | "count";
  ariaLabel: string;
  /** Poles shared by every row (one issue's documents); rows of different issues carry their own. */
  poles?: { negative: string; positive: string } | null;
  /** The governments' names in the reader's language (legend and tooltip). */
  names: ActorNames;
  /** How much of a desktop page the chart spans (in the two-column grid, or across): sizes the space held before it draws. */
  span?: "half" | "full";
}

/**
 * The one chart wrapper: holds the chart's height from the first paint (phone and desktop estimates of the
 * same geometry the client draws) and gives the chart, loaded when it is near the viewport, the words it needs.
 */
export function ActorBarChart({ rows, mode, ariaLabel, poles = null, names, span = "half" }: Props) {
  const locale = useLocale();
  const messages = useMessages();
  const tag = useTranslations("actors");
  const reserve = reserveHeights({
    mode,
    rows: rows.map((r) => ({ label: r.label, poles: r.poles })),
    poles,
    legend: [`${names.us} (${tag("us")})`, `${names.co} (${tag("co")})`],
  }, span);
  const style = { "--reserve-narrow": `${reserve.narrow}px`, "--reserve-wide": `${reserve.wide}px` } as CSSProperties;
  return (
    <div className="chart-canvas" style={style}>
      <ChartLoader
        locale={locale}
        messages={{ format: messages.format, actors: messages.actors, chart: messages.chart }}
        drawing={{ kind: "actor", props: { rows, mode, poles, names, ariaLabel } }}
      />
    </div>
  );
}
