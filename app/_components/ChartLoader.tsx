"use client";

import { type ComponentType, useEffect, useRef, useState } from "react";
import type { DrawnChartProps } from "./DrawnChart";

/** How far outside the viewport a chart starts loading: drawn as the reader scrolls to it, never for a reader who does not. */
const AHEAD = "200px 0px";

/**
 * Holds the chart's place (its height is reserved by the server-rendered wrapper) and loads the chart code only
 * when the place comes within AHEAD of the viewport: a reader who never scrolls to a chart never pays for it.
 */
export function ChartLoader(props: DrawnChartProps) {
  const place = useRef<HTMLDivElement>(null);
  const [Chart, setChart] = useState<ComponentType<DrawnChartProps> | null>(null);
  useEffect(() => {
    const element = place.current;
    if (!element) return;
    let mounted = true;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        import("./DrawnChart")
          .then((chart) => {
            if (mounted) setChart(() => chart.DrawnChart);
          })
          // Without its code the chart stays a blank space; the table under it has the same numbers.
          .catch((err) => console.warn("the chart's code did not load", err));
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => {
      mounted = false;
      observer.disconnect();
    };
  }, []);
  return (
    <div ref={place} className="chart-place" data-drawn={Chart ? "true" : "false"}>
      {Chart ? <Chart {...props} /> : null}
    </div>
  );
}
