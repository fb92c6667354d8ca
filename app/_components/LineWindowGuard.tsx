"use client";

import { useEffect } from "react";

/**
 * A link to #L4200 without `?from=` (made before long documents were windowed, or typed by hand) lands on a
 * window that does not hold the line: the address moves to the window that does, so line anchors keep working.
 */
export function LineWindowGuard({ from, to, lineCount }: { from: number; to: number; lineCount: number }) {
  useEffect(() => {
    const follow = () => {
      const match = /^#L(\d+)$/.exec(window.location.hash);
      const line = match ? Number(match[1]) : Number.NaN;
      if (!(line >= 1 && line <= lineCount) || (line >= from && line <= to)) return;
      const url = new URL(window.location.href);
      url.searchParams.set("from", String(line));
      window.location.replace(url.toString());
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [from, to, lineCount]);
  return null;
}
