import { count, eq, isNotNull, max, or } from "drizzle-orm";
import { getDb, type ParallaxDb } from "./client";
import { ISSUE_ORDER } from "./filters";
import { listDocumentPositions } from "./positions";
import { documents, type Issue, ingestRuns, issues, sourceTables, stances } from "./schema";

export type IssueSummary = Omit<Issue, "sortOrder">;

const ISSUE_FIELDS = {
  slug: issues.slug,
  kind: issues.kind,
  label: issues.label,
  labelEs: issues.labelEs,
  description: issues.description,
  poleNegative: issues.poleNegative,
  polePositive: issues.polePositive,
};

/** Codebook issues in codebook order, then "other" issues that have stances. */
export function listIssues(db: ParallaxDb = getDb()): IssueSummary[] {
  return db
    .select(ISSUE_FIELDS)
    .from(issues)
    .orderBy(...ISSUE_ORDER)
    .all();
}

export function getIssue(slug: string, db: ParallaxDb = getDb()): IssueSummary | null {
  return db.select(ISSUE_FIELDS).from(issues).where(eq(issues.slug, slug)).get() ?? null;
}

export interface CorpusSummary {
  documents: number;
  sourceTables: number;
  stances: number;
  scoredStances: number;
  /** Rows of the per-document positions dataset (listDocumentPositions), as its download holds them. */
  documentPositions: number;
  lastIngestAt: string | null;
}

export function getCorpusSummary(db: ParallaxDb = getDb()): CorpusSummary {
  const total = (rows: { n: number }[]) => rows[0]?.n ?? 0;
  return {
    documents: total(db.select({ n: count() }).from(documents).all()),
    sourceTables: total(db.select({ n: count() }).from(sourceTables).all()),
    stances: total(db.select({ n: count() }).from(stances).all()),
    scoredStances: total(
      db
        .select({ n: count() })
        .from(stances)
        .where(or(isNotNull(stances.score), isNotNull(stances.overridePosition)))
        .all(),
    ),
    documentPositions: listDocumentPositions({}, db).length,
    lastIngestAt: db.select({ at: max(ingestRuns.finishedAt) }).from(ingestRuns).get()?.at ?? null,
  };
}
