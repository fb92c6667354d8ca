import { type Messages, NextIntlClientProvider } from "next-intl";
import type { AppLocale } from "@/i18n/routing";
import { ActorChart, type ActorChartProps } from "./ActorChart";
import { TimelineChart, type TimelineChartProps } from "./TimelineChart";

/** The messages the charts' labels and tooltips use: the page gives them as props, so no other page ships them. */
export type ChartMessages = Pick<Messages, "format" | "actors" | "chart">;

export type ChartDrawing = { kind: "actor"; props: ActorChartProps } | { kind: "timeline"; props: TimelineChartProps };

export interface DrawnChartProps {
  locale: AppLocale;
  messages: ChartMessages;
  drawing: ChartDrawing;
}

/**
 * Everything a chart needs in the browser (Recharts, the chart components, next-intl's formatter), in the one
 * module ChartLoader imports when a chart comes near the viewport, so none of it loads with the page.
 */
export function DrawnChart({ locale, messages, drawing }: DrawnChartProps) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      {drawing.kind === "actor" ? <ActorChart {...drawing.props} /> : <TimelineChart {...drawing.props} />}
    </NextIntlClientProvider>
  );
}
