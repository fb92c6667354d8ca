"use client";

import { useState } from "react";
import type { AppLocale } from "@/i18n/routing";
import { createFormat, type FormatWords } from "../_lib/format";

interface ExportWords {
  label: string;
  svg: string;
  png: string;
  failed: string;
  /** The source line's message as written ("Source: Parallax, {url} ({date})"): the page's address and today are known only here. */
  source: string;
}

interface Props {
  /** The chart's id: its drawing is found by data-chart and the file is named after it. */
  chart: string;
  title: string;
  locale: AppLocale;
  words: ExportWords;
  formatWords: FormatWords;
}

/** Saves the chart as drawn, with its title, legend and a source line, as SVG or PNG. */
export function ChartExport({ chart, title, locale, words, formatWords }: Props) {
  const [failed, setFailed] = useState(false);
  const save = async (kind: "svg" | "png") => {
    const drawn = document.querySelector<SVGSVGElement>(`[data-chart="${chart}"] svg.recharts-surface`);
    if (!drawn) return;
    const today = new Date().toISOString().slice(0, 10);
    try {
      // The image code loads on the first click: most readers never save a chart.
      const { canvasMeasure, chartPng, chartSvg, saveFile } = await import("./chart-export");
      const source = words.source.replace("{url}", window.location.href).replace("{date}", createFormat(locale, formatWords).date(today));
      const image = chartSvg(drawn, { title, source }, canvasMeasure(getComputedStyle(drawn).fontFamily));
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
      <span className="downloads-label">{words.label}</span>{" "}
      <button type="button" className="link-button" onClick={() => save("svg")}>
        {words.svg}
      </button>
      {" · "}
      <button type="button" className="link-button" onClick={() => save("png")}>
        {words.png}
      </button>
      {failed ? (
        <span role="status" className="chart-export-failed">
          {" "}
          {words.failed}
        </span>
      ) : null}
    </p>
  );
}
