import { and, asc, inArray, type SQL, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/sqlite-core";
import { getDb, type ParallaxDb } from "./client";
import { ACTOR_IDS, type ActorId, documents, issues, STANCE_KINDS, type StanceKind, stances } from "./schema";

export { ACTOR_IDS, type ActorId, STANCE_KINDS, type StanceKind };

/**
 * Which evidence positions rest on: "all" (tables, lists and prose) or "structured" (tables and
 * lists only: stances a document lays out itself, without attribution rules reading its prose).
 */
export const EVIDENCE = ["all", "structured"] as const;
export type Evidence = (typeof EVIDENCE)[number];
/** Positions rest on all evidence unless the reader asks for tables and lists only (README § Prose evidence). */
export const DEFAULT_EVIDENCE: Evidence = "all";
export const STRUCTURED_KINDS: readonly StanceKind[] = ["table", "list"];

/** Filter values shared by the read model, the downloads and the export CLI. */
export interface StanceFilter {
  issues?: string[];
  actors?: ActorId[];
  documents?: string[];
  kinds?: StanceKind[];
  evidence?: Evidence;
  /** Months (YYYY-MM) in which the documents were published: a month of the timeline. */
  months?: string[];
}

/** A filter as people write it (URL parameters, CLI options): strings, checked by validateStanceFilter. */
export interface StanceFilterInput {
  issues?: string[];
  actors?: string[];
  documents?: string[];
  kinds?: string[];
  evidence?: string;
  months?: string[];
}

export class FilterError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string,
    /** The values allowed, or, where they are too many to list, what they look like. */
    readonly allowed: readonly string[] | string,
  ) {
    super(`unknown ${parameter} "${value}"; expected ${typeof allowed === "string" ? allowed : `one of: ${allowed.join(", ")}`}`);
    this.name = "FilterError";
  }
}

/** A month as the timeline names it: YYYY-MM. */
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

function pick<T extends string>(parameter: string, values: string[] | undefined, allowed: readonly T[]): T[] | undefined {
  if (values === undefined) return undefined;
  return values.map((value) => {
    const known = allowed.find((a) => a === value);
    if (known === undefined) throw new FilterError(parameter, value, allowed);
    return known;
  });
}

/** The given document slugs that name stored documents, in the order given: a lookup of those slugs, never of every document. */
export function knownDocumentSlugs(slugs: readonly string[], db: ParallaxDb = getDb()): string[] {
  if (slugs.length === 0) return [];
  const known = new Set(
    db
      .select({ slug: documents.slug })
      .from(documents)
      .where(inArray(documents.slug, [...new Set(slugs)]))
      .all()
      .map((d) => d.slug),
  );
  return slugs.filter((slug) => known.has(slug));
}

/** Checks filter values against what the database holds; throws FilterError naming the parameter. */
export function validateStanceFilter(db: ParallaxDb, input: StanceFilterInput): StanceFilter {
  const issueSlugs = db.select({ slug: issues.slug }).from(issues).orderBy(asc(issues.kind), asc(issues.sortOrder), asc(issues.slug)).all();
  const knownDocuments = new Set(knownDocumentSlugs(input.documents ?? [], db));
  const unknownDocument = input.documents?.find((slug) => !knownDocuments.has(slug));
  // Thousands of documents are no list to read in an error: the documents download names them all.
  if (unknownDocument !== undefined) throw new FilterError("document", unknownDocument, "a document's name, as in /api/export/documents.csv");
  const unknownMonth = input.months?.find((month) => !isMonth(month));
  if (unknownMonth !== undefined) throw new FilterError("month", unknownMonth, "a month as YYYY-MM");
  return {
    issues: pick("issue", input.issues, issueSlugs.map((i) => i.slug)),
    actors: pick("actor", input.actors, ACTOR_IDS),
    documents: input.documents,
    kinds: pick("kind", input.kinds, STANCE_KINDS),
    evidence: pick("evidence", input.evidence === undefined ? undefined : [input.evidence], EVIDENCE)?.[0],
    months: input.months,
  };
}

const builder = new QueryBuilder();

/**
 * The filter as one condition on the `stances` table alone (documents are matched by a subquery),
 * so any query that selects from stances can use it whatever else it joins.
 */
export function stanceConditions(filter: StanceFilter): SQL | undefined {
  const some = <T>(values: readonly T[] | undefined) => (values?.length ? values : undefined);
  const issueSlugs = some(filter.issues);
  const actorIds = some(filter.actors);
  const documentSlugs = some(filter.documents);
  const kinds = some(filter.kinds);
  const months = some(filter.months);
  return and(
    issueSlugs && inArray(stances.issueSlug, issueSlugs),
    actorIds && inArray(stances.actorId, actorIds),
    documentSlugs &&
      inArray(stances.documentId, builder.select({ id: documents.id }).from(documents).where(inArray(documents.slug, documentSlugs))),
    kinds && inArray(stances.kind, kinds),
    filter.evidence === "structured" ? inArray(stances.kind, [...STRUCTURED_KINDS]) : undefined,
    months && inArray(stances.documentId, builder.select({ id: documents.id }).from(documents).where(inArray(publishedMonth, months))),
  );
}

/**
 * The month a document was published in (YYYY-MM), where its date is a real calendar day (SQLite's date()
 * gives it back unchanged); null otherwise. The timeline places documents by the same expression.
 */
export const publishedMonth = sql<string | null>`case when date(${documents.published}) = ${documents.published} then substr(${documents.published}, 1, 7) end`;

/** Dashboard order of issues: codebook issues in codebook order, then other issues by slug. */
export const ISSUE_ORDER = [asc(issues.kind), asc(issues.sortOrder), asc(issues.slug)];
