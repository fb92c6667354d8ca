import type { ParallaxDb } from "./client";
import type { ActorId, StanceFilter } from "./filters";
import { filterClause } from "./filters";

/**
 * Actor × issue positions on each issue's axis (dictionary scaling, after Lowe, Benoit, Mikhaylov &
 * Laver 2011): log((Σpositive + ½) / (Σnegative + ½)) over the actor's stances on the issue. An
 * analyst override of position p counts as (1 + p)/2 positive and (1 − p)/2 negative hits, so it
 * weighs as one cue. Null when none of the stances was scored — "not scored", never 0.
 */
export function logitPosition(positive: number, negative: number): number | null {
  if (positive + negative === 0) return null;
  return Math.log((positive + 0.5) / (negative + 0.5));
}

/**
 * Aggregate columns over stances `s` (which may be null rows of a LEFT JOIN): stances, scoredStances,
 * and the positive and negative cue totals with each override counted as one split cue.
 */
export const POSITION_AGGREGATES = `COUNT(s.id) AS stances,
              COUNT(CASE WHEN s.override_position IS NOT NULL OR s.score IS NOT NULL THEN 1 END) AS scoredStances,
              COALESCE(SUM(CASE WHEN s.override_position IS NOT NULL THEN (1 + s.override_position) / 2.0 ELSE s.cue_positive END), 0) AS positive,
              COALESCE(SUM(CASE WHEN s.override_position IS NOT NULL THEN (1 - s.override_position) / 2.0 ELSE s.cue_negative END), 0) AS negative`;

/** A stance's position: the analyst's override where there is one, else the dictionary score; null when neither. */
export function stancePosition(score: number | null, override: number | null): {
  position: number | null;
  source: "dictionary" | "override" | null;
} {
  if (override !== null) return { position: override, source: "override" };
  return score === null ? { position: null, source: null } : { position: score, source: "dictionary" };
}

export interface IssuePosition {
  issueSlug: string;
  issueLabel: string;
  issueKind: "codebook" | "other";
  actorId: ActorId;
  actorLabel: string;
  stances: number;
  scoredStances: number;
  positive: number;
  negative: number;
  position: number | null;
  poleNegative: string | null;
  polePositive: string | null;
  /** |US − Colombia| on this issue; null unless both are scored. */
  gap: number | null;
}

/** One row per issue × actor: every codebook issue and every other issue with stances, codebook issues first. */
export function listIssuePositions(db: ParallaxDb, filter: StanceFilter = {}): IssuePosition[] {
  const { sql, params } = filterClause(filter);
  const outer: string[] = [];
  if (filter.issues?.length) {
    outer.push(" AND i.slug IN (SELECT value FROM json_each(?))");
    params.push(JSON.stringify(filter.issues));
  }
  if (filter.actors?.length) {
    outer.push(" AND a.id IN (SELECT value FROM json_each(?))");
    params.push(JSON.stringify(filter.actors));
  }
  const rows = db.$client
    .prepare(
      `SELECT i.slug AS issueSlug, i.label AS issueLabel, i.kind AS issueKind, a.id AS actorId, a.label AS actorLabel,
              i.pole_negative AS poleNegative, i.pole_positive AS polePositive,
              ${POSITION_AGGREGATES}
         FROM issues i
         CROSS JOIN actors a
         LEFT JOIN (SELECT s.* FROM stances s JOIN documents d ON d.id = s.document_id WHERE 1 = 1${sql}) s
                ON s.issue_slug = i.slug AND s.actor_id = a.id
        WHERE (i.kind = 'codebook' OR EXISTS (SELECT 1 FROM stances x WHERE x.issue_slug = i.slug))${outer.join("")}
        GROUP BY i.slug, a.id
        ORDER BY i.kind, i.sort_order, i.slug, a.sort_order`,
    )
    .all(...params) as Omit<IssuePosition, "position" | "gap">[];
  const withPosition = rows.map((row) => ({ ...row, position: logitPosition(row.positive, row.negative), gap: null }));
  return withPosition.map((row) => {
    const us = withPosition.find((r) => r.issueSlug === row.issueSlug && r.actorId === "us")?.position;
    const co = withPosition.find((r) => r.issueSlug === row.issueSlug && r.actorId === "co")?.position;
    return { ...row, gap: us == null || co == null ? null : Math.abs(us - co) };
  });
}
