import "server-only";
import { databasePath, openReadOnlyDatabase, type ParallaxDb } from "./client";

/**
 * The read model: every page and route reads through these functions. One read-only connection
 * per process, opened on first use (so a build without a database does not fail).
 */
let connection: { path: string; db: ParallaxDb } | null = null;

export function getDb(): ParallaxDb {
  const path = databasePath();
  if (!connection || connection.path !== path) connection = { path, db: openReadOnlyDatabase(path) };
  return connection.db;
}

export interface IssueActorCount {
  issueSlug: string;
  issueLabel: string;
  issueKind: "codebook" | "other";
  us: number;
  co: number;
}

/** Stances per issue and actor, codebook issues first in codebook order, then "other" issues. */
export function listIssueActorCounts(db = getDb()): IssueActorCount[] {
  return db.$client
    .prepare(
      `SELECT i.slug AS issueSlug, i.label AS issueLabel, i.kind AS issueKind,
              COUNT(CASE WHEN s.actor_id = 'us' THEN 1 END) AS us,
              COUNT(CASE WHEN s.actor_id = 'co' THEN 1 END) AS co
         FROM issues i LEFT JOIN stances s ON s.issue_slug = i.slug
        GROUP BY i.slug ORDER BY i.kind, i.sort_order, i.slug`,
    )
    .all() as IssueActorCount[];
}

export interface CorpusSummary {
  documents: number;
  sourceTables: number;
  stances: number;
  lastIngestAt: string | null;
}

export function getCorpusSummary(db = getDb()): CorpusSummary {
  return db.$client
    .prepare(
      `SELECT (SELECT COUNT(*) FROM documents) AS documents,
              (SELECT COUNT(*) FROM source_tables) AS sourceTables,
              (SELECT COUNT(*) FROM stances) AS stances,
              (SELECT MAX(finished_at) FROM ingest_runs) AS lastIngestAt`,
    )
    .get() as CorpusSummary;
}
