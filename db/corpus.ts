import { and, asc, count, eq, isNotNull, max, or } from "drizzle-orm";
import { getDb, type ParallaxDb } from "./client";
import { ISSUE_ORDER, type StanceFilter, stanceConditions } from "./filters";
import { memo } from "./memo";
import { listDocumentPositions } from "./positions";
import { type Actor, actors, documents, type Issue, ingestRuns, issues, sourceTables, stances } from "./schema";

export type IssueSummary = Omit<Issue, "sortOrder">;

const ISSUE_FIELDS = {
  slug: issues.slug,
  kind: issues.kind,
  label: issues.label,
  labelEs: issues.labelEs,
  description: issues.description,
  descriptionEs: issues.descriptionEs,
  poleNegative: issues.poleNegative,
  poleNegativeEs: issues.poleNegativeEs,
  polePositive: issues.polePositive,
  polePositiveEs: issues.polePositiveEs,
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

export type ActorSummary = Omit<Actor, "sortOrder">;

/** The two actors in codebook order, with their English and Spanish names. */
export function listActors(db: ParallaxDb = getDb()): ActorSummary[] {
  return db.select({ id: actors.id, label: actors.label, labelEs: actors.labelEs }).from(actors).orderBy(asc(actors.sortOrder)).all();
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

/** The corpus in numbers; the stance counts and the per-document positions follow the filter (the evidence switch). */
export function getCorpusSummary(filter: StanceFilter = {}, db: ParallaxDb = getDb()): CorpusSummary {
  return memo(db, `corpus-summary ${JSON.stringify(filter)}`, () => corpusSummary(filter, db));
}

function corpusSummary(filter: StanceFilter, db: ParallaxDb): CorpusSummary {
  const total = (rows: { n: number }[]) => rows[0]?.n ?? 0;
  const where = stanceConditions(filter);
  return {
    documents: total(db.select({ n: count() }).from(documents).all()),
    sourceTables: total(db.select({ n: count() }).from(sourceTables).all()),
    stances: total(db.select({ n: count() }).from(stances).where(where).all()),
    scoredStances: total(
      db
        .select({ n: count() })
        .from(stances)
        .where(and(where, or(isNotNull(stances.score), isNotNull(stances.overridePosition))))
        .all(),
    ),
    documentPositions: listDocumentPositions(filter, db).length,
    lastIngestAt: db.select({ at: max(ingestRuns.finishedAt) }).from(ingestRuns).get()?.at ?? null,
  };
}
