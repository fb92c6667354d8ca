import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { formatCitation } from "./citation";
import type { ParallaxDb } from "./client";
import { listDocuments } from "./documents";
import type { StanceFilter } from "./filters";
import { listDocumentPositions, listIssuePositions } from "./positions";
import type { StanceCue } from "./schema";
import { iterateStances, type StanceView } from "./stances";

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
  "table_stances",
  "list_stances",
  "prose_stances",
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

/** A stance as a download row: the stance view, with its position rounded and its cues and citation written out. */
export function toStanceExportRow(stance: StanceView): StanceExportRow {
  return {
    issue: stance.issueSlug,
    issue_label: stance.issueLabel,
    actor: stance.actorId,
    actor_label: stance.actorLabel,
    stance: stance.text,
    kind: stance.kind,
    position: roundPosition(stance.position),
    position_cues: describeCues(stance.cues),
    position_source: stance.positionSource,
    document: stance.documentSlug,
    document_title: stance.documentTitle,
    published: stance.documentPublished,
    line_start: stance.lineStart,
    line_end: stance.lineEnd,
    source_table: stance.tableOrdinal,
    confidence: stance.confidence,
    rule: stance.rule,
    holder: stance.holder,
    attribution: stance.attribution,
    attribution_cue: stance.attributionCue,
    published_basis: stance.documentPublishedBasis,
    source_url: stance.documentUrl,
    citation: formatCitation(
      {
        slug: stance.documentSlug,
        title: stance.documentTitle,
        outlet: stance.documentOutlet,
        published: stance.documentPublished,
        pageLines: stance.documentPageLines,
      },
      stance,
    ),
  };
}

/** Stance rows in dashboard order (issue, actor, document, line), read lazily from SQLite. */
export function* stanceExportRows(filter: StanceFilter, db: ParallaxDb): Generator<StanceExportRow> {
  for (const stance of iterateStances(filter, db)) yield toStanceExportRow(stance);
}

/** One row per issue × actor with its position, counts, poles and the issue's gap. */
export function issueExportRows(filter: StanceFilter, db: ParallaxDb): IssueExportRow[] {
  return listIssuePositions(filter, db).map((p) => ({
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
    table_stances: p.tableStances,
    list_stances: p.listStances,
    prose_stances: p.proseStances,
  }));
}

export const DOCUMENT_COLUMNS = ["slug", "title", "outlet", "published", "url", "tables", "stances", "author", "published_basis", "published_evidence"] as const;
export type DocumentExportRow = Record<(typeof DOCUMENT_COLUMNS)[number], string | number | null>;

export function documentExportRows(db: ParallaxDb): DocumentExportRow[] {
  return listDocuments(db).map((d) => ({
    slug: d.slug,
    title: d.title,
    outlet: d.outlet,
    published: d.published,
    url: d.url,
    tables: d.tables,
    stances: d.stances,
    author: d.author,
    published_basis: d.publishedBasis,
    published_evidence: d.publishedEvidence,
  }));
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
  "table_stances",
  "list_stances",
  "prose_stances",
] as const;
export type DocumentPositionExportRow = Record<(typeof DOCUMENT_POSITION_COLUMNS)[number], string | number | null>;

/** Per issue, document and actor: the position in that document alone, the rows of the issue page's per-document chart. */
export function documentPositionExportRows(filter: StanceFilter, db: ParallaxDb): DocumentPositionExportRow[] {
  return listDocumentPositions(filter, db).map((p) => ({
    issue: p.issueSlug,
    issue_label: p.issueLabel,
    document: p.documentSlug,
    document_title: p.documentTitle,
    actor: p.actorId,
    actor_label: p.actorLabel,
    position: roundPosition(p.position),
    stances: p.stances,
    scored_stances: p.scoredStances,
    table_stances: p.tableStances,
    list_stances: p.listStances,
    prose_stances: p.proseStances,
  }));
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

/** Rows are encoded this many at a time: few, large chunks, and no more than this in memory. */
const CSV_BATCH = 256;

/** RFC 4180 CSV text (CRLF, doubled quotes, header row, formula guard), a chunk per batch of rows, read lazily. */
export function* csvChunks<Row extends Record<string, unknown> | unknown[]>(
  columns: readonly string[] | null,
  rows: Iterable<Row>,
  options: CsvOptions = {},
): Generator<string> {
  let first = true;
  const encode = (batch: Row[]) => {
    const text = stringify(batch, {
      header: first && columns !== null && (options.header ?? true),
      columns: columns ? [...columns] : undefined,
      record_delimiter: "\r\n",
      bom: first && (options.bom ?? false),
      cast: { string: guardCell },
    });
    first = false;
    return text;
  };
  let batch: Row[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === CSV_BATCH) {
      yield encode(batch);
      batch = [];
    }
  }
  if (batch.length > 0 || first) yield encode(batch);
}

/** RFC 4180 CSV as a Node stream (the export CLI and the benchmark); the web downloads stream csvChunks. */
export function csvStream<Row extends Record<string, unknown> | unknown[]>(
  columns: readonly string[] | null,
  rows: Iterable<Row>,
  options: CsvOptions = {},
): Readable {
  return Readable.from(csvChunks(columns, rows, options), { objectMode: false });
}
