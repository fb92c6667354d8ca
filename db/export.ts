import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { formatCitation, sourceTableId } from "./citation";
import type { ParallaxDb } from "./client";
import { filterClause, STANCE_JOINS, STANCE_ORDER, type StanceFilter } from "./filters";
import { listIssuePositions, logitPosition, POSITION_AGGREGATES, stancePosition } from "./positions";
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
  "confidence",
  "rule",
  "holder",
  "attribution",
  "attribution_cue",
  "published_basis",
] as const;
/** The web download adds where to read the source and a citation a person can paste. */
export const STANCE_WEB_COLUMNS = [...STANCE_COLUMNS, "source_url", "citation"] as const;
export type StanceExportRow = Record<(typeof STANCE_WEB_COLUMNS)[number], string | number | null>;

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
  outlet: string | null;
  published: string | null;
  published_basis: string | null;
  page_lines: string | null;
  url: string | null;
  line_start: number;
  line_end: number;
  source_table: number | null;
  table_row: number | null;
  confidence: number;
  rule: string;
  holder: string | null;
  attribution: string | null;
  attribution_cue: string | null;
}

function toStanceRow(row: StanceExportSource): StanceExportRow {
  const { position, source } = stancePosition(row.score, row.override_position);
  return {
    issue: row.issue,
    issue_label: row.issue_label,
    actor: row.actor,
    actor_label: row.actor_label,
    stance: row.stance,
    kind: row.kind,
    position: roundPosition(position),
    position_cues: describeCues(JSON.parse(row.cues) as StanceCue[]),
    position_source: source,
    document: row.document,
    document_title: row.document_title,
    published: row.published,
    line_start: row.line_start,
    line_end: row.line_end,
    source_table: row.source_table,
    confidence: row.confidence,
    rule: row.rule,
    holder: row.holder,
    attribution: row.attribution,
    attribution_cue: row.attribution_cue,
    published_basis: row.published_basis,
    source_url: row.url,
    citation: formatCitation(
      { slug: row.document, title: row.document_title, outlet: row.outlet, published: row.published, pageLines: row.page_lines ? JSON.parse(row.page_lines) : null },
      { kind: row.kind as "table" | "list" | "prose", lineStart: row.line_start, lineEnd: row.line_end, tableOrdinal: row.source_table, tableRow: row.table_row },
    ),
  };
}

/** Stance rows in dashboard order (issue, actor, document, line), read lazily from SQLite. */
export function* stanceExportRows(db: ParallaxDb, filter: StanceFilter = {}): Generator<StanceExportRow> {
  const { sql, params } = filterClause(filter);
  const rows = db.$client
    .prepare(
      `SELECT s.issue_slug AS issue, i.label AS issue_label, s.actor_id AS actor, a.label AS actor_label,
              s.text AS stance, s.kind AS kind, s.score AS score, s.override_position AS override_position,
              s.cues AS cues, d.slug AS document, d.title AS document_title, d.outlet AS outlet,
              d.published AS published, d.url AS url, s.line_start AS line_start, s.line_end AS line_end,
              t.ordinal AS source_table, s.table_row AS table_row, s.confidence AS confidence, s.rule AS rule,
              s.holder AS holder, s.attribution AS attribution, s.attribution_cue AS attribution_cue,
              d.published_basis AS published_basis, d.page_lines AS page_lines
         ${STANCE_JOINS}
        WHERE 1 = 1${sql}
        ${STANCE_ORDER}`,
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

export const DOCUMENT_COLUMNS = ["slug", "title", "outlet", "published", "url", "tables", "stances", "author", "published_basis", "published_evidence"] as const;
export type DocumentExportRow = Record<(typeof DOCUMENT_COLUMNS)[number], string | number | null>;

export function documentExportRows(db: ParallaxDb): DocumentExportRow[] {
  return db.$client
    .prepare(
      `SELECT d.slug, d.title, d.outlet, d.published, d.url,
              (SELECT COUNT(*) FROM source_tables t WHERE t.document_id = d.id) AS tables,
              (SELECT COUNT(*) FROM stances s WHERE s.document_id = d.id) AS stances,
              d.author, d.published_basis, d.published_evidence
         FROM documents d ORDER BY d.slug`,
    )
    .all() as DocumentExportRow[];
}

export const DOCUMENT_POSITION_COLUMNS = [
  "issue",
  "issue_label",
  "document",
  "document_title",
  "actor",
  "actor_label",
  "position",
  "stances",
  "scored_stances",
] as const;
export type DocumentPositionExportRow = Record<(typeof DOCUMENT_POSITION_COLUMNS)[number], string | number | null>;

/** Per issue, document and actor: the position in that document alone (the issue page's per-document chart). */
export function documentPositionExportRows(db: ParallaxDb, filter: StanceFilter = {}): DocumentPositionExportRow[] {
  const { sql, params } = filterClause(filter);
  const rows = db.$client
    .prepare(
      `SELECT s.issue_slug AS issue, i.label AS issue_label, d.slug AS document, d.title AS document_title,
              s.actor_id AS actor, a.label AS actor_label, ${POSITION_AGGREGATES}
         ${STANCE_JOINS}
        WHERE 1 = 1${sql}
        GROUP BY s.issue_slug, d.slug, s.actor_id
        ORDER BY i.kind, i.sort_order, i.slug, d.slug, a.sort_order`,
    )
    .all(...params) as (Omit<DocumentPositionExportRow, "position" | "stances" | "scored_stances"> & {
    stances: number;
    scoredStances: number;
    positive: number;
    negative: number;
  })[];
  return rows.map(({ positive, negative, stances, scoredStances, ...row }) => ({
    ...row,
    position: roundPosition(logitPosition(positive, negative)),
    stances,
    scored_stances: scoredStances,
  }));
}

export interface SourceTableExport {
  id: string;
  document: string;
  header: string[];
  rows: string[][];
  citation: string;
}

/** A source table exactly as it appears in its document, with a citation; null when there is no such table. */
export function getSourceTableExport(db: ParallaxDb, documentSlug: string, ordinal: number): SourceTableExport | null {
  const row = db.$client
    .prepare(
      `SELECT d.slug, d.title, d.outlet, d.published, d.page_lines AS pageLines, t.header, t.rows, t.line_start AS lineStart, t.line_end AS lineEnd
         FROM source_tables t JOIN documents d ON d.id = t.document_id
        WHERE d.slug = ? AND t.ordinal = ?`,
    )
    .get(documentSlug, ordinal) as
    | { slug: string; title: string | null; outlet: string | null; published: string | null; pageLines: string | null; header: string; rows: string; lineStart: number; lineEnd: number }
    | undefined;
  if (!row) return null;
  return {
    id: sourceTableId(row.slug, ordinal),
    document: row.slug,
    header: JSON.parse(row.header),
    rows: JSON.parse(row.rows),
    citation: formatCitation(
      { ...row, pageLines: row.pageLines ? JSON.parse(row.pageLines) : null },
      { kind: "table", lineStart: row.lineStart, lineEnd: row.lineEnd, tableOrdinal: ordinal },
    ),
  };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * OWASP CSV-injection guard: a text cell starting with = + - @ tab or CR gets a leading apostrophe,
 * so no spreadsheet runs it as a formula. Numbers are ours, not document text, and stay numbers.
 */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
  header?: boolean;
  bom?: boolean;
}

/** RFC 4180 CSV (CRLF, doubled quotes, header row, formula guard) streamed from an iterator of rows. */
export function csvStream<Row extends Record<string, unknown> | unknown[]>(
  columns: readonly string[] | null,
  rows: Iterable<Row>,
  options: CsvOptions = {},
): Readable {
  const csv = stringify({
    header: columns !== null && (options.header ?? true),
    columns: columns ? [...columns] : undefined,
    record_delimiter: "\r\n",
    bom: options.bom ?? false,
    cast: { string: guardCell },
  });
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
