"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormat } from "../_lib/use-format";
import { canvasMeasure, chartPng, chartSvg, saveFile } from "./chart-export";

interface Props {
  /** The chart's id: its drawing is found by data-chart and the file is named after it. */
  chart: string;
  title: string;
}

/** Saves the chart as drawn, with its title, legend and a source line, as SVG or PNG. */
export function ChartExport({ chart, title }: Props) {
  const t = useTranslations("chart");
  const format = useFormat();
  const [failed, setFailed] = useState(false);
  const save = async (kind: "svg" | "png") => {
    const drawn = document.querySelector<SVGSVGElement>(`[data-chart="${chart}"] svg.recharts-surface`);
    if (!drawn) return;
    const today = new Date().toISOString().slice(0, 10);
    try {
      const image = chartSvg(drawn, { title, source: t("exportSource", { url: window.location.href, date: format.date(today) }) }, canvasMeasure(getComputedStyle(drawn).fontFamily));
      const blob = kind === "svg" ? new Blob([image.markup], { type: "image/svg+xml;charset=utf-8" }) : await chartPng(image);
      saveFile(blob, `parallax-${chart}-${today}.${kind}`);
      setFailed(false);
    } catch (err) {
      console.warn("chart export failed", err);
      setFailed(true);
    }
  };
  return (
    <p className="downloads chart-export">
      <span className="downloads-label">{t("exportLabel")}</span>{" "}
      <button type="button" className="link-button" onClick={() => save("svg")}>
        {t("svg")}
      </button>
      {" · "}
      <button type="button" className="link-button" onClick={() => save("png")}>
        {t("png")}
      </button>
      {failed ? (
        <span role="status" className="chart-export-failed">
          {" "}
          {t("exportFailed")}
        </span>
      ) : null}
    </p>
  );
}
