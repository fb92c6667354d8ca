import type { IssuePosition } from "@/db/positions";

/**
 * The other topics (issues outside the codebook) with the most stances in `positions`, at most `limit`: a form
 * offers these by name, as hundreds of topics are no choice to read.
 */
export function topTopics(positions: readonly IssuePosition[], limit: number): Set<string> {
  const stances = new Map<string, number>();
  for (const p of positions) if (p.issueKind === "other") stances.set(p.issueSlug, (stances.get(p.issueSlug) ?? 0) + p.stances);
  const ranked = [...stances].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Set(ranked.slice(0, limit).map(([slug]) => slug));
}
