import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { ParallaxDb } from "./client";

/**
 * The download contract: one row definition per dataset, shared by `npm run export` and the web
 * download routes so a CSV from either place has the same columns in the same order.
 */
export const ACTOR_IDS = ["us", "co"] as const;
export type ActorId = (typeof ACTOR_IDS)[number];
export const STANCE_KINDS = ["table", "list", "prose"] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];

export interface StanceFilter {
  issues?: string[];
  actors?: ActorId[];
  documents?: string[];
  kinds?: StanceKind[];
}

export const STANCE_COLUMNS = [
  "issue",
  "issue_label",
  "actor",
  "actor_label",
  "stance",
  "kind",
  "position",
  "document",
  "document_title",
  "published",
  "line_start",
  "line_end",
  "source_table",
] as const;
export type StanceExportRow = Record<(typeof STANCE_COLUMNS)[number], string | number | null>;

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
  const column = (sql: string) => (db.$client.prepare(sql).pluck().all() as string[]);
  check("issue", filter.issues, column("SELECT slug FROM issues ORDER BY sort_order, slug"));
  check("actor", filter.actors, [...ACTOR_IDS]);
  check("document", filter.documents, column("SELECT slug FROM documents ORDER BY slug"));
  check("kind", filter.kinds, [...STANCE_KINDS]);
  return filter;
}

function inList(column: string, values: string[] | undefined, params: unknown[]): string {
  if (!values?.length) return "";
  params.push(JSON.stringify(values));
  return ` AND ${column} IN (SELECT value FROM json_each(?))`;
}

/** Stance rows in dashboard order (issue, actor, document, line), read lazily from SQLite. */
export function stanceExportRows(db: ParallaxDb, filter: StanceFilter = {}): IterableIterator<StanceExportRow> {
  const params: unknown[] = [];
  const where =
    inList("s.issue_slug", filter.issues, params) +
    inList("s.actor_id", filter.actors, params) +
    inList("d.slug", filter.documents, params) +
    inList("s.kind", filter.kinds, params);
  return db.$client
    .prepare(
      `SELECT s.issue_slug AS issue, i.label AS issue_label, s.actor_id AS actor, a.label AS actor_label,
              s.text AS stance, s.kind AS kind, NULL AS position, d.slug AS document,
              d.title AS document_title, d.published AS published, s.line_start AS line_start,
              s.line_end AS line_end, t.ordinal AS source_table
         FROM stances s
         JOIN issues i ON i.slug = s.issue_slug
         JOIN actors a ON a.id = s.actor_id
         JOIN documents d ON d.id = s.document_id
         LEFT JOIN source_tables t ON t.id = s.source_table_id
        WHERE 1 = 1${where}
        ORDER BY i.sort_order, i.slug, a.sort_order, d.slug, s.line_start, s.column_start`,
    )
    .iterate(...params) as IterableIterator<StanceExportRow>;
}

/** RFC 4180 CSV (CRLF, doubled quotes, header row) streamed from an iterator of rows. */
export function csvStream<Row extends Record<string, unknown>>(
  columns: readonly string[],
  rows: Iterable<Row>,
  options: { header?: boolean } = {},
): Readable {
  const csv = stringify({ header: options.header ?? true, columns: [...columns], record_delimiter: "\r\n" });
  const iterator = rows[Symbol.iterator]();
  const pump = () => {
    for (;;) {
      const next = iterator.next();
      if (next.done) {
        csv.end();
        return;
      }
      if (!csv.write(next.value)) {
        csv.once("drain", pump);
        return;
      }
    }
  };
  queueMicrotask(pump);
  return csv;
}
