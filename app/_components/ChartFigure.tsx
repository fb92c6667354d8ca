import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

interface Props {
  id: string;
  title: string;
  description: ReactNode;
  /** Reserved height in px: the chart draws only on the client, so its space is held from the first paint. */
  height: number;
  chart: ReactNode;
  /** The same numbers as the chart, rendered on the server. */
  table: ReactNode;
  downloads: ReactNode;
  tableOpen?: boolean;
}

export function ChartFigure({ id, title, description, height, chart, table, downloads, tableOpen = false }: Props) {
  const t = useTranslations("chart");
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="chart-description">{description}</p>
      <div className="chart-area" style={{ height }} data-chart={id}>
        {chart}
      </div>
      <details className="chart-table" open={tableOpen}>
        <summary>{t("tableSummary")}</summary>
        <div className="table-scroll">{table}</div>
      </details>
      {downloads}
    </figure>
  );
}
