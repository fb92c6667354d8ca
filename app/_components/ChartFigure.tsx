import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ChartExport } from "./ChartExport";

interface Props {
  id: string;
  title: string;
  description: ReactNode;
  /** Height to hold before the chart draws; the chart wrapper (ActorBarChart) holds its own, so leave this out for it. */
  height?: number;
  chart: ReactNode;
  /** The same numbers as the chart, rendered on the server. */
  table: ReactNode;
  downloads: ReactNode;
  tableOpen?: boolean;
  /** False when the chart area holds a message instead of a chart: there is no image to save. */
  exportable?: boolean;
}

export function ChartFigure({ id, title, description, height, chart, table, downloads, tableOpen = false, exportable = true }: Props) {
  const t = useTranslations("chart");
  const tf = useTranslations("format");
  const locale = useLocale();
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="chart-description">{description}</p>
      <div className="chart-area" style={height ? { minHeight: height } : undefined} data-chart={id}>
        {chart}
      </div>
      <details className="chart-table" open={tableOpen}>
        <summary>{t("tableSummary")}</summary>
        <div className="table-scroll">{table}</div>
      </details>
      {downloads}
      {exportable ? (
        <ChartExport
          chart={id}
          title={title}
          locale={locale}
          words={{ label: t("exportLabel"), svg: t("svg"), png: t("png"), failed: t("exportFailed"), source: t.raw("exportSource") }}
          formatWords={{ notScored: tf("notScored"), never: tf("never") }}
        />
      ) : null}
    </figure>
  );
}
