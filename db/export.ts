import { Readable } from "node:stream";
import { formatCitation } from "./citation";
import type { ParallaxDb } from "./client";
import { listDocuments } from "./documents";
import type { StanceFilter } from "./filters";
import { listDocumentPositions, listIssuePositions } from "./positions";
import type { StanceCue } from "./schema";
import { iterateSearchHits } from "./search";
import type { SearchQuery } from "./search-query";
import { iterateStanceFields, type StanceView } from "./stances";
import { listTimeline } from "./timeline";

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

/** "Seizures (-); militarization (+, negated by “De‑emphasize”); sanctions (+, said of “the United States”)": the cues behind a score, readable in a cell. */
export function describeCues(cues: StanceCue[]): string {
  return cues
    .map((c) => `${c.matched} (${c.pole === "positive" ? "+" : "-"}${c.negatedBy === null ? "" : c.byCourse ? `, said of “${c.negatedBy}”` : `, negated by “${c.negatedBy}”`})`)
    .join("; ");
}

/** What a download row reads of a stance: a 100,000-row download reads these, not the whole view. */
const STANCE_DOWNLOAD_FIELDS = [
  "issueSlug",
  "issueLabel",
  "actorId",
  "actorLabel",
  "text",
  "kind",
  "cues",
  "documentSlug",
  "documentTitle",
  "documentOutlet",
  "documentPublished",
  "documentPublishedBasis",
  "documentUrl",
  "documentPageLines",
  "lineStart",
  "lineEnd",
  "tableOrdinal",
  "tableRow",
  "confidence",
  "rule",
  "holder",
  "attribution",
  "attributionCue",
] as const;
type StanceDownloadSource = Pick<StanceView, (typeof STANCE_DOWNLOAD_FIELDS)[number] | "position" | "positionSource">;

type StanceWebColumn = (typeof STANCE_WEB_COLUMNS)[number];

/** The one definition of each stance column: the JSON rows and the CSV cells are both read through it. */
const STANCE_CELLS: { readonly [C in StanceWebColumn]: (stance: StanceDownloadSource) => string | number | null } = {
  issue: (s) => s.issueSlug,
  issue_label: (s) => s.issueLabel,
  actor: (s) => s.actorId,
  actor_label: (s) => s.actorLabel,
  stance: (s) => s.text,
  kind: (s) => s.kind,
  position: (s) => roundPosition(s.position),
  position_cues: (s) => describeCues(s.cues),
  position_source: (s) => s.positionSource,
  document: (s) => s.documentSlug,
  document_title: (s) => s.documentTitle,
  published: (s) => s.documentPublished,
  line_start: (s) => s.lineStart,
  line_end: (s) => s.lineEnd,
  source_table: (s) => s.tableOrdinal,
  confidence: (s) => s.confidence,
  rule: (s) => s.rule,
  holder: (s) => s.holder,
  attribution: (s) => s.attribution,
  attribution_cue: (s) => s.attributionCue,
  published_basis: (s) => s.documentPublishedBasis,
  source_url: (s) => s.documentUrl,
  citation: (s) =>
    formatCitation(
      {
        slug: s.documentSlug,
        title: s.documentTitle,
        outlet: s.documentOutlet,
        published: s.documentPublished,
        pageLines: s.documentPageLines,
      },
      s,
    ),
};

/** Every column, filled per row: a row built key by key from `{}` would turn into a slow hash table (see db/stances.ts). */
const STANCE_ROW_TEMPLATE = Object.fromEntries(STANCE_WEB_COLUMNS.map((column) => [column, null])) as StanceExportRow;

/** A stance as a download row: the stance view, with its position rounded and its cues and citation written out. */
export function toStanceExportRow(stance: StanceDownloadSource): StanceExportRow {
  const row = { ...STANCE_ROW_TEMPLATE };
  for (const column of STANCE_WEB_COLUMNS) row[column] = STANCE_CELLS[column](stance);
  return row;
}

/** Stance rows in dashboard order (issue, actor, document, line), read lazily from SQLite. */
export function* stanceExportRows(filter: StanceFilter, db: ParallaxDb): Generator<StanceExportRow> {
  for (const stance of iterateStanceFields(STANCE_DOWNLOAD_FIELDS, filter, db)) yield toStanceExportRow(stance);
}

/**
 * The stance download as CSV, each cell written straight from the stance read (no download row object per
 * stance: building one and reading it back was a tenth of a 100,000-stance download). `count` sees each stance.
 */
export function stanceCsvChunks(
  columns: readonly StanceWebColumn[],
  filter: StanceFilter,
  db: ParallaxDb,
  options: CsvOptions = {},
  count: (stances: Iterable<StanceDownloadSource>) => Iterable<StanceDownloadSource> = (stances) => stances,
): Generator<Uint8Array> {
  return csvCellChunks(
    columns,
    columns.map((column) => STANCE_CELLS[column]),
    count(iterateStanceFields(STANCE_DOWNLOAD_FIELDS, filter, db)),
    options,
  );
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

export const TIMELINE_COLUMNS = [
  "issue",
  "issue_label",
  "period",
  "date",
  "published_basis",
  "documents",
  "document",
  "document_title",
  "actor",
  "actor_label",
  "position",
  "gap",
  "stances",
  "scored_stances",
  "table_stances",
  "list_stances",
  "prose_stances",
] as const;
export type TimelineExportRow = Record<(typeof TIMELINE_COLUMNS)[number], string | number | null>;

/**
 * Positions over time, the rows of the timeline and its table: per issue, point (a dated document, or a month)
 * and actor in date order, then the undated documents. A month's `document` lists its documents' slugs, space
 * separated, and its `published_basis` is `inferred` when any of their dates is.
 */
export function timelineExportRows(filter: StanceFilter, db: ParallaxDb): TimelineExportRow[] {
  return listTimeline(filter, db).map((p) => ({
    issue: p.issueSlug,
    issue_label: p.issueLabel,
    period: p.period,
    date: p.date,
    published_basis: p.period === "undated" ? null : p.inferred ? "inferred" : "stated",
    documents: p.documents.length,
    document: p.documents.map((d) => d.slug).join(" "),
    document_title: p.period === "month" ? null : (p.documents[0]?.title ?? null),
    actor: p.actorId,
    actor_label: p.actorLabel,
    position: roundPosition(p.position),
    gap: roundPosition(p.gap),
    stances: p.stances,
    scored_stances: p.scoredStances,
    table_stances: p.tableStances,
    list_stances: p.listStances,
    prose_stances: p.proseStances,
  }));
}

export const SEARCH_COLUMNS = [
  "rank",
  "relevance",
  "match",
  "document",
  "document_title",
  "published",
  "published_basis",
  "line_start",
  "line_end",
  "issue",
  "issue_label",
  "actor",
  "actor_label",
  "kind",
  "holder",
  "position",
  "text",
  "source_url",
  "citation",
] as const;
export type SearchExportRow = Record<(typeof SEARCH_COLUMNS)[number], string | number | null>;

/** Every search hit in rank order, the stances with their issue, actor and position, lines of text with their place. */
export function* searchExportRows(query: SearchQuery, filter: StanceFilter, db: ParallaxDb): Generator<SearchExportRow> {
  for (const hit of iterateSearchHits(query, filter, db)) {
    const { stance, document } = hit;
    yield {
      rank: hit.rank,
      relevance: roundPosition(hit.relevance),
      match: hit.match,
      document: document.slug,
      document_title: document.title,
      published: document.published,
      published_basis: document.publishedBasis,
      line_start: hit.lineStart,
      line_end: hit.lineEnd,
      issue: stance?.issueSlug ?? null,
      issue_label: stance?.issueLabel ?? null,
      actor: stance?.actorId ?? null,
      actor_label: stance?.actorLabel ?? null,
      kind: stance?.kind ?? null,
      holder: stance?.holder ?? null,
      position: roundPosition(stance?.position ?? null),
      text: hit.text,
      source_url: document.url,
      citation: formatCitation(document, stance ?? { kind: "prose", lineStart: hit.lineStart, lineEnd: hit.lineEnd }),
    };
  }
}

/** The first characters a spreadsheet reads as the start of a formula: = + - @ tab CR. */
const FORMULA_STARTS = "=+-@\t\r";

/** Whether a text cell starts a formula, tested without a pattern: every text cell of a download asks. */
function startsFormula(value: string): boolean {
  return value.length > 0 && FORMULA_STARTS.includes(value[0] as string);
}

/**
 * OWASP CSV-injection guard: a text cell starting with = + - @ tab or CR gets a leading apostrophe,
 * so no spreadsheet runs it as a formula. Numbers are ours, not document text, and stay numbers.
 */
function guardCell(value: string): string {
  return startsFormula(value) ? `'${value}` : value;
}

export interface CsvOptions {
  header?: boolean;
  bom?: boolean;
}

const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One field as RFC 4180 text: text guarded against formulas and quoted when it holds a comma, a
 * quote or a line break (CR or LF alone too: a stance may span lines), or a semicolon or tab
 * (LibreOffice's text import splits on those as well by default); numbers as JavaScript writes
 * them; null as an empty field.
 */
function csvField(value: unknown): string {
  switch (typeof value) {
    case "string": {
      // Quoting is decided on the value: the guard's apostrophe is not a character that needs quotes.
      const text = guardCell(value);
      return NEEDS_QUOTES.test(value) ? `"${text.replaceAll('"', '""')}"` : text;
    }
    case "number":
    case "bigint":
      return `${value}`;
    case "boolean":
      return value ? "1" : "";
    case "undefined":
      return "";
    default: {
      if (value === null) return "";
      const json = JSON.stringify(value);
      return NEEDS_QUOTES.test(json) ? `"${json.replaceAll('"', '""')}"` : json;
    }
  }
}

/** A chunk is sent once it holds this many bytes: few, large chunks, and little in memory. */
const CSV_CHUNK_BYTES = 64 * 1024;
/** UTF-8 takes at most three bytes for each UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;
const utf8 = new TextEncoder();

/** The header row (and BOM) a download starts with, as asked for. */
function csvHead(columns: readonly string[] | null, options: CsvOptions): string {
  return `${options.bom ? "\uFEFF" : ""}${columns !== null && (options.header ?? true) ? `${columns.map(csvField).join(",")}\r\n` : ""}`;
}

/**
 * UTF-8 text in chunks of about CSV_CHUNK_BYTES, each text encoded as it is written: encoding a 64K-character
 * chunk of joined records at once cost more than making them (the joined text was first copied into one string).
 */
class ByteChunks {
  private chunk = new Uint8Array(CSV_CHUNK_BYTES);
  private used = 0;

  /** Writes `text`, and returns the chunk it filled first when it did not fit in it. */
  write(text: string): Uint8Array | null {
    let full: Uint8Array | null = null;
    if (this.used + text.length * MAX_UTF8_PER_UNIT > this.chunk.length) {
      if (this.used > 0) full = this.chunk.subarray(0, this.used);
      // A text too long for a chunk (a stance of a whole page) gets a chunk of its own size.
      this.chunk = new Uint8Array(Math.max(CSV_CHUNK_BYTES, text.length * MAX_UTF8_PER_UNIT));
      this.used = 0;
    }
    this.used += utf8.encodeInto(text, this.chunk.subarray(this.used)).written;
    return full;
  }

  /** What was written since the last full chunk. */
  rest(): Uint8Array {
    return this.chunk.subarray(0, this.used);
  }
}

/** The head, then records, as UTF-8 chunks; the head is sent even when there are no rows. */
function* chunked<Row>(head: string, rows: Iterable<Row>, record: (row: Row) => string): Generator<Uint8Array> {
  const chunks = new ByteChunks();
  chunks.write(head);
  let sent = false;
  for (const row of rows) {
    const full = chunks.write(`${record(row)}\r\n`);
    if (full) {
      yield full;
      sent = true;
    }
  }
  const rest = chunks.rest();
  if (rest.length > 0 || !sent) yield rest;
}

/**
 * RFC 4180 CSV (CRLF, doubled quotes, header row, formula guard) in UTF-8 chunks, rows read lazily.
 * Written by hand: a general CSV library's per-field options cost more than reading the rows.
 */
export function csvChunks<Row extends Record<string, unknown> | unknown[]>(
  columns: readonly string[] | null,
  rows: Iterable<Row>,
  options: CsvOptions = {},
): Generator<Uint8Array> {
  return chunked(csvHead(columns, options), rows, (row) => {
    let record = "";
    if (Array.isArray(row)) for (let i = 0; i < row.length; i++) record += i === 0 ? csvField(row[i]) : `,${csvField(row[i])}`;
    else {
      // A row's cells are read by column, with no array of them made per row.
      const keys = columns ?? Object.keys(row);
      for (let i = 0; i < keys.length; i++) record += i === 0 ? csvField(row[keys[i] as string]) : `,${csvField(row[keys[i] as string])}`;
    }
    return record;
  });
}

/**
 * The same CSV with each column's cell read from a source row by its own function (`cells[i]` for `columns[i]`).
 * A cell equal to the one above it reuses its text: rows come grouped by issue, actor and document, so most cells
 * repeat (labels, titles, addresses, empty fields), and writing each again was most of the encoding's time.
 */
export function csvCellChunks<Source>(
  columns: readonly string[],
  cells: readonly ((source: Source) => unknown)[],
  sources: Iterable<Source>,
  options: CsvOptions = {},
): Generator<Uint8Array> {
  const above: unknown[] = cells.map(() => undefined);
  // Each cell's text is kept with the comma before it, so a record is one string joined per cell.
  const aboveText: string[] = cells.map(() => "");
  return chunked(csvHead(columns, options), sources, (source) => {
    let record = "";
    for (let i = 0; i < cells.length; i++) {
      const value = (cells[i] as (source: Source) => unknown)(source);
      if (value !== above[i]) {
        above[i] = value;
        aboveText[i] = i === 0 ? csvField(value) : `,${csvField(value)}`;
      }
      record += aboveText[i];
    }
    return record;
  });
}

/** RFC 4180 CSV as a Node stream (the export CLI and the benchmark); the web downloads stream csvChunks. */
export function csvStream<Row extends Record<string, unknown> | unknown[]>(
  columns: readonly string[] | null,
  rows: Iterable<Row>,
  options: CsvOptions = {},
): Readable {
  return Readable.from(csvChunks(columns, rows, options), { objectMode: false });
}
