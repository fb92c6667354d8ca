import type { ParallaxDb } from "./client";
import { STANCE_KINDS } from "./schema";

export { STANCE_KINDS };

/** Filter values shared by the read model, the downloads and the export CLI. */
export const ACTOR_IDS = ["us", "co"] as const;
export type ActorId = (typeof ACTOR_IDS)[number];
export type StanceKind = (typeof STANCE_KINDS)[number];

/**
 * Which evidence positions rest on: "all" (tables, lists and prose) or "structured" (tables and
 * lists only: stances a document lays out itself, without attribution rules reading its prose).
 */
export const EVIDENCE = ["all", "structured"] as const;
export type Evidence = (typeof EVIDENCE)[number];
export const DEFAULT_EVIDENCE: Evidence = "all";
export const STRUCTURED_KINDS: readonly StanceKind[] = ["table", "list"];

export interface StanceFilter {
  issues?: string[];
  actors?: ActorId[];
  documents?: string[];
  kinds?: StanceKind[];
  evidence?: Evidence;
}

export class FilterError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string,
    readonly allowed: string[],
  ) {
    super(`unknown ${parameter} "${value}"; expected one of: ${allowed.join(", ")}`);
    this.name = "FilterError";
  }
}

/** Checks filter values against what the database holds; throws FilterError naming the parameter. */
export function validateStanceFilter(db: ParallaxDb, filter: StanceFilter): StanceFilter {
  const check = (parameter: string, values: string[] | undefined, allowed: string[]) => {
    for (const value of values ?? []) if (!allowed.includes(value)) throw new FilterError(parameter, value, allowed);
  };
  const column = (sql: string) => db.$client.prepare(sql).pluck().all() as string[];
  check("issue", filter.issues, column("SELECT slug FROM issues ORDER BY kind, sort_order, slug"));
  check("actor", filter.actors, [...ACTOR_IDS]);
  check("document", filter.documents, column("SELECT slug FROM documents ORDER BY slug"));
  check("kind", filter.kinds, [...STANCE_KINDS]);
  if (filter.evidence !== undefined) check("evidence", [filter.evidence], [...EVIDENCE]);
  return filter;
}

/** Stances `s` with their issue `i`, actor `a`, document `d` and source table `t`: the join every stance listing uses. */
export const STANCE_JOINS = `FROM stances s
         JOIN issues i ON i.slug = s.issue_slug
         JOIN actors a ON a.id = s.actor_id
         JOIN documents d ON d.id = s.document_id
         LEFT JOIN source_tables t ON t.id = s.source_table_id`;

/** Dashboard order: issue (codebook order), actor (US, Colombia), document, position in the document. */
export const STANCE_ORDER = "ORDER BY i.kind, i.sort_order, i.slug, a.sort_order, d.slug, s.line_start, s.column_start";

/** " AND …" conditions on stances `s` joined to documents `d`, with their parameters. */
export function filterClause(filter: StanceFilter): { sql: string; params: string[] } {
  const params: string[] = [];
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return "";
    params.push(JSON.stringify(values));
    return ` AND ${column} IN (SELECT value FROM json_each(?))`;
  };
  const sql =
    inList("s.issue_slug", filter.issues) +
    inList("s.actor_id", filter.actors) +
    inList("d.slug", filter.documents) +
    inList("s.kind", filter.kinds) +
    inList("s.kind", filter.evidence === "structured" ? STRUCTURED_KINDS : undefined);
  return { sql, params };
}
