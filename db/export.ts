import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { ParallaxDb } from "./client";
import { filterClause, type StanceFilter } from "./filters";
import { listIssuePositions } from "./positions";
import type { StanceCue } from "./schema";

/**
 * The download contract: one row definition per dataset, shared by `npm run export` and the web
 * download routes, so a CSV from either place has the same columns in the same order.
 */
export const STANCE_COLUMNS = [
  "issue",
  "issue_label",
  "actor",
  "actor_label",
  "stance",
  "kind",
  "position",
  "position_cues",
  "position_source",
  "document",
  "document_title",
  "published",
  "line_start",
  "line_end",
  "source_table",
] as const;
export type StanceExportRow = Record<(typeof STANCE_COLUMNS)[number], string | number | null>;

export const ISSUE_COLUMNS = [
  "issue",
  "issue_label",
  "actor",
  "actor_label",
  "position",
  "stances",
  "scored_stances",
  "pole_negative",
  "pole_positive",
  "gap",
] as const;
export type IssueExportRow = Record<(typeof ISSUE_COLUMNS)[number], string | number | null>;

/** Positions are written with four decimals at most: enough to check, short enough to read. */
export function roundPosition(value: number | null): number | null {
  return value === null ? null : Number(value.toFixed(4));
}

/** "Seizures (-); militarization (+, negated by “De‑emphasize”)": the cues behind a score, readable in a cell. */
export function describeCues(cues: StanceCue[]): string {
  return cues
    .map((c) => `${c.matched} (${c.pole === "positive" ? "+" : "-"}${c.negatedBy ? `, negated by “${c.negatedBy}”` : ""})`)
    .join("; ");
}

interface StanceExportSource {
  issue: string;
  issue_label: string;
  actor: string;
  actor_label: string;
  stance: string;
  kind: string;
  score: number | null;
  override_position: number | null;
  cues: string;
  document: string;
  document_title: string | null;
  published: string | null;
  line_start: number;
  line_end: number;
  source_table: number | null;
}

function toStanceRow(row: StanceExportSource): StanceExportRow {
  const overridden = row.override_position !== null;
  const position = overridden ? row.override_position : row.score;
  return {
    issue: row.issue,
    issue_label: row.issue_label,
    actor: row.actor,
    actor_label: row.actor_label,
    stance: row.stance,
    kind: row.kind,
    position: roundPosition(position),
    position_cues: describeCues(JSON.parse(row.cues) as StanceCue[]),
    position_source: position === null ? null : overridden ? "override" : "dictionary",
    document: row.document,
    document_title: row.document_title,
    published: row.published,
    line_start: row.line_start,
    line_end: row.line_end,
    source_table: row.source_table,
  };
}

/** Stance rows in dashboard order (issue, actor, document, line), read lazily from SQLite. */
export function* stanceExportRows(db: ParallaxDb, filter: StanceFilter = {}): Generator<StanceExportRow> {
  const { sql, params } = filterClause(filter);
  const rows = db.$client
    .prepare(
      `SELECT s.issue_slug AS issue, i.label AS issue_label, s.actor_id AS actor, a.label AS actor_label,
              s.text AS stance, s.kind AS kind, s.score AS score, s.override_position AS override_position,
              s.cues AS cues, d.slug AS document, d.title AS document_title, d.published AS published,
              s.line_start AS line_start, s.line_end AS line_end, t.ordinal AS source_table
         FROM stances s
         JOIN issues i ON i.slug = s.issue_slug
         JOIN actors a ON a.id = s.actor_id
         JOIN documents d ON d.id = s.document_id
         LEFT JOIN source_tables t ON t.id = s.source_table_id
        WHERE 1 = 1${sql}
        ORDER BY i.kind, i.sort_order, i.slug, a.sort_order, d.slug, s.line_start, s.column_start`,
    )
    .iterate(...params) as IterableIterator<StanceExportSource>;
  for (const row of rows) yield toStanceRow(row);
}

/** One row per issue × actor with its position, counts, poles and the issue's gap. */
export function issueExportRows(db: ParallaxDb, filter: StanceFilter = {}): IssueExportRow[] {
  return listIssuePositions(db, filter).map((p) => ({
    issue: p.issueSlug,
    issue_label: p.issueLabel,
    actor: p.actorId,
    actor_label: p.actorLabel,
    position: roundPosition(p.position),
    stances: p.stances,
    scored_stances: p.scoredStances,
    pole_negative: p.poleNegative,
    pole_positive: p.polePositive,
    gap: roundPosition(p.gap),
  }));
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
