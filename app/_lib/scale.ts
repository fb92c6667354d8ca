import type { IssuePosition } from "@/db/positions";

/** The position that shows the scale best: the farthest from 0 (the first of equals), so "−2.83" can be read in words. */
export function scaleExampleOf(positions: IssuePosition[]): (IssuePosition & { position: number }) | null {
  let best: (IssuePosition & { position: number }) | null = null;
  for (const p of positions) {
    if (p.position === null) continue;
    if (!best || Math.abs(p.position) > Math.abs(best.position)) best = { ...p, position: p.position };
  }
  return best;
}
