import { and, asc, inArray, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/sqlite-core";
import type { ParallaxDb } from "./client";
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
}

/** A filter as people write it (URL parameters, CLI options): strings, checked by validateStanceFilter. */
export interface StanceFilterInput {
  issues?: string[];
  actors?: string[];
  documents?: string[];
  kinds?: string[];
  evidence?: string;
}

export class FilterError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string,
    readonly allowed: readonly string[],
  ) {
    super(`unknown ${parameter} "${value}"; expected one of: ${allowed.join(", ")}`);
    this.name = "FilterError";
  }
}

function pick<T extends string>(parameter: string, values: string[] | undefined, allowed: readonly T[]): T[] | undefined {
  if (values === undefined) return undefined;
  return values.map((value) => {
    const known = allowed.find((a) => a === value);
    if (known === undefined) throw new FilterError(parameter, value, allowed);
    return known;
  });
}

/** Checks filter values against what the database holds; throws FilterError naming the parameter. */
export function validateStanceFilter(db: ParallaxDb, input: StanceFilterInput): StanceFilter {
  const issueSlugs = db.select({ slug: issues.slug }).from(issues).orderBy(asc(issues.kind), asc(issues.sortOrder), asc(issues.slug)).all();
  const documentSlugs = db.select({ slug: documents.slug }).from(documents).orderBy(asc(documents.slug)).all();
  return {
    issues: pick("issue", input.issues, issueSlugs.map((i) => i.slug)),
    actors: pick("actor", input.actors, ACTOR_IDS),
    documents: pick("document", input.documents, documentSlugs.map((d) => d.slug)),
    kinds: pick("kind", input.kinds, STANCE_KINDS),
    evidence: pick("evidence", input.evidence === undefined ? undefined : [input.evidence], EVIDENCE)?.[0],
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
  return and(
    issueSlugs && inArray(stances.issueSlug, issueSlugs),
    actorIds && inArray(stances.actorId, actorIds),
    documentSlugs &&
      inArray(stances.documentId, builder.select({ id: documents.id }).from(documents).where(inArray(documents.slug, documentSlugs))),
    kinds && inArray(stances.kind, kinds),
    filter.evidence === "structured" ? inArray(stances.kind, [...STRUCTURED_KINDS]) : undefined,
  );
}

/** Dashboard order of issues: codebook issues in codebook order, then other issues by slug. */
export const ISSUE_ORDER = [asc(issues.kind), asc(issues.sortOrder), asc(issues.slug)];
