import "server-only";
import { z } from "zod";
import { parseSourceTableId } from "@/db/citation";
import { databasePath, NoDatabaseError, openSnapshot, type ParallaxDb } from "@/db/client";
import { getSourceTable, listDocuments } from "@/db/documents";
import {
  type CsvOptions,
  csvChunks,
  DOCUMENT_COLUMNS,
  DOCUMENT_POSITION_COLUMNS,
  documentExportRows,
  documentPositionExportRows,
  ISSUE_COLUMNS,
  issueExportRows,
  SEARCH_COLUMNS,
  STANCE_WEB_COLUMNS,
  searchExportRows,
  stanceCsvChunks,
  stanceExportRows,
  TIMELINE_COLUMNS,
  timelineExportRows,
} from "@/db/export";
import { EVIDENCE, FilterError, type StanceFilter, type StanceFilterInput, validateStanceFilter } from "@/db/filters";
import { MAX_QUERY_LENGTH, parseSearchQuery, queryWords, type SearchQuery } from "@/db/search-query";

/** One error vocabulary for downloads: a status, the parameter at fault, and a message for people. */
export class DownloadError extends Error {
  constructor(
    readonly status: 400 | 404 | 503,
    message: string,
    readonly parameter: string | null = null,
  ) {
    super(message);
    this.name = "DownloadError";
  }
}

export type FilterName = "issue" | "actor" | "document" | "kind" | "evidence" | "month";

interface Dataset {
  columns: readonly string[];
  filters: FilterName[];
  /** Datasets that are search results take the words searched for as `q`. */
  searched?: true;
  rows: (filter: StanceFilter, db: ParallaxDb, query: SearchQuery) => Iterable<Record<string, unknown>>;
  /** The same rows as CSV written straight from their source, where that skips a row object per row. */
  csv?: (filter: StanceFilter, db: ParallaxDb, options: CsvOptions, tally: { rows: number }) => Iterable<Uint8Array>;
}

export const DATASETS: Record<string, Dataset> = {
  stances: {
    columns: STANCE_WEB_COLUMNS,
    filters: ["issue", "actor", "document", "kind", "evidence", "month"],
    rows: stanceExportRows,
    csv: (filter, db, options, tally) => stanceCsvChunks(STANCE_WEB_COLUMNS, filter, db, options, (stances) => counted(stances, tally)),
  },
  issues: { columns: ISSUE_COLUMNS, filters: ["issue", "actor", "document", "kind", "evidence", "month"], rows: issueExportRows },
  documents: { columns: DOCUMENT_COLUMNS, filters: [], rows: (_filter, db) => documentExportRows(db) },
  "document-positions": {
    columns: DOCUMENT_POSITION_COLUMNS,
    filters: ["issue", "document", "kind", "evidence", "month"],
    rows: documentPositionExportRows,
  },
  timeline: { columns: TIMELINE_COLUMNS, filters: ["issue", "document", "kind", "evidence", "month"], rows: timelineExportRows },
  search: {
    columns: SEARCH_COLUMNS,
    filters: ["issue", "actor", "document", "kind", "evidence"],
    searched: true,
    rows: (filter, db, query) => searchExportRows(query, filter, db),
  },
};

const OPTIONS = ["header", "bom", "cite"] as const;

/** A value as an error message quotes it: enough to recognise, never the whole of a huge one. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

const FLAG = z.enum(["0", "1"]);

function flag(params: URLSearchParams, name: (typeof OPTIONS)[number], fallback: boolean): boolean {
  const values = params.getAll(name);
  if (values.length === 0) return fallback;
  if (values.length > 1) throw new DownloadError(400, `give ${name} once: 0 or 1`, name);
  const parsed = FLAG.safeParse(values[0]);
  if (!parsed.success) throw new DownloadError(400, `${name} must be 0 or 1, not ${quoted(values[0] as string)}`, name);
  return parsed.data === "1";
}

const DOWNLOAD_FILE = z.string().regex(/^.+\.(csv|json)$/);

function parseFile(file: string): { name: string; format: "csv" | "json" } {
  if (!DOWNLOAD_FILE.safeParse(file).success) throw new DownloadError(404, `no download named ${quoted(file)}: use a .csv or .json name`);
  const dot = file.lastIndexOf(".");
  return { name: file.slice(0, dot), format: file.slice(dot + 1) === "csv" ? "csv" : "json" };
}

/** A filter value no dataset has, as a 400 that quotes the value shortened. */
export function filterDownloadError(err: FilterError): DownloadError {
  const expected = typeof err.allowed === "string" ? err.allowed : `one of: ${err.allowed.join(", ")}`;
  return new DownloadError(400, `unknown ${err.parameter} ${quoted(err.value)}; expected ${expected}`, err.parameter);
}

/** A dataset by name; only the datasets' own names match (never "__proto__" or "constructor"). */
const DATASET_NAME = z.enum(Object.keys(DATASETS));

/** The words a search download searched for: `q`, given once, with something to search for. */
function parseQuery(params: URLSearchParams): SearchQuery {
  const values = params.getAll("q");
  if (values.length !== 1) throw new DownloadError(400, `give "q" once: the words to search for`, "q");
  const query = parseSearchQuery(values[0] ?? "");
  if (query.length === 0) throw new DownloadError(400, `"q" has no words to search for (at most ${MAX_QUERY_LENGTH} characters are read)`, "q");
  return query;
}

export function parseFilter(params: URLSearchParams, allowed: FilterName[], dataset: string, searched = false): StanceFilterInput {
  for (const key of new Set(params.keys())) {
    if ((OPTIONS as readonly string[]).includes(key) || (searched && key === "q")) continue;
    if (!(allowed as string[]).includes(key))
      throw new DownloadError(400, `${quoted(key)} is not a filter of ${dataset}${allowed.length ? `; use ${allowed.join(", ")}` : ""}`, key);
  }
  // A value given twice filters once (and names the file once).
  const list = (key: FilterName) => (params.getAll(key).length ? [...new Set(params.getAll(key))] : undefined);
  const evidence = params.getAll("evidence");
  if (evidence.length > 1) throw new DownloadError(400, `give "evidence" once: ${EVIDENCE.join(" or ")}`, "evidence");
  return { issues: list("issue"), actors: list("actor"), documents: list("document"), kinds: list("kind"), evidence: evidence[0], months: list("month") };
}

/** parallax-stances-drug-policy-2026-11-21.csv: the dataset, then the words searched for and every filter value, then the date. */
export function downloadFileName(dataset: string, filter: StanceFilter, format: string, now: Date, words: string[] = []): string {
  const parts = [
    dataset,
    ...words,
    ...(filter.issues ?? []),
    ...(filter.actors ?? []),
    ...(filter.documents ?? []),
    ...(filter.kinds ?? []),
    ...(filter.evidence === "structured" ? ["structured"] : []),
    ...(filter.months ?? []),
  ];
  // Kept well under the 255 bytes file systems allow, however many filter values there are.
  const safe = parts.join("-").replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 160);
  return `parallax-${safe}-${now.toISOString().slice(0, 10)}.${format}`;
}

/** attachment; filename="…" in ASCII, plus filename*=UTF-8''… (RFC 6266, RFC 5987) when the name is not plain ASCII. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^A-Za-z0-9._-]+/g, "_");
  if (fallback === fileName) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function sourcesOf(db: ParallaxDb, slugs: string[] | null) {
  return listDocuments(db)
    .filter((d) => !slugs || slugs.includes(d.slug))
    .map((d) => ({ document: d.slug, title: d.title, outlet: d.outlet, published: d.published, url: d.url }));
}

/** {"rows":[…],"meta":{…}} as text chunks: rows first, so the count and sources in meta are exact. */
function* jsonChunks(rows: Iterable<unknown>, meta: (rowCount: number) => Record<string, unknown>): Generator<string> {
  yield '{"rows":[';
  let count = 0;
  for (const row of rows) {
    yield `${count === 0 ? "\n" : ",\n"}${JSON.stringify(row)}`;
    count++;
  }
  yield `\n],"meta":${JSON.stringify(meta(count))}}\n`;
}

/** Counts the rows a download has read, for the log line of a cancelled or failed download. */
function* counted<Row>(rows: Iterable<Row>, tally: { rows: number }): Generator<Row> {
  for (const row of rows) {
    tally.rows++;
    yield row;
  }
}

type Opener = () => ParallaxDb;

export function openDownloadDb(): ParallaxDb {
  try {
    // Each download streams from its own connection, so a long export never blocks page queries, inside one
    // read transaction, so its rows (every sheet of a workbook) come from one ingest run even while another commits.
    return openSnapshot(databasePath());
  } catch (err) {
    if (err instanceof NoDatabaseError) throw new DownloadError(503, "no data yet: run `npm run ingest`");
    throw err;
  }
}

interface Body {
  /** Text (JSON) or UTF-8 bytes (CSV, encoded as it is written). */
  chunks: Iterable<string | Uint8Array>;
  format: "csv" | "json";
  fileName: string;
}

type Outcome = { done: true } | { cancelled: true } | { failed: unknown };

/**
 * The response body pulls text chunks on demand. A cancel ends the chunk iterator (so the generators'
 * finally blocks run) and an error while reading becomes the stream's error, never an uncaught one.
 */
function bodyStream(chunks: Iterable<string | Uint8Array>, end: (outcome: Outcome) => void): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.iterator]();
  const encoder = new TextEncoder();
  let ended = false;
  const finish = (outcome: Outcome) => {
    if (ended) return;
    ended = true;
    end(outcome);
  };
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = iterator.next();
        if (next.done) {
          controller.close();
          finish({ done: true });
        } else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
      } catch (err) {
        controller.error(err);
        finish({ failed: err });
      }
    },
    cancel() {
      try {
        iterator.return?.();
        finish({ cancelled: true });
      } catch (err) {
        finish({ failed: err });
      }
    },
  });
}

/**
 * A download owns its connection from open to close on every path: closed when building the response
 * fails, when the body has been sent, when reading fails and when the client cancels (after the rows
 * iterator has ended), with one log line for a cancelled or failed download.
 */
function download(open: Opener, build: (db: ParallaxDb, tally: { rows: number }) => Body): Response {
  const db = open();
  const tally = { rows: 0 };
  try {
    const { chunks, format, fileName } = build(db, tally);
    const headers = {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition(fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    };
    const body = bodyStream(chunks, (outcome) => {
      if ("cancelled" in outcome) console.info(`download cancelled: ${fileName} after ${tally.rows} rows`);
      if ("failed" in outcome) console.error(`download failed: ${fileName} after ${tally.rows} rows`, outcome.failed);
      db.$client.close();
    });
    return new Response(body, { status: 200, headers });
  } catch (err) {
    if (db.$client.open) db.$client.close();
    throw err;
  }
}

export function datasetDownload(file: string, params: URLSearchParams, now = new Date(), open: Opener = openDownloadDb): Response {
  const { name, format } = parseFile(file);
  const dataset = DATASET_NAME.safeParse(name).success ? DATASETS[name] : undefined;
  if (!dataset) throw new DownloadError(404, `no dataset ${quoted(name)}; available: ${Object.keys(DATASETS).join(", ")}`);
  const input = parseFilter(params, dataset.filters, name, dataset.searched);
  const query = dataset.searched ? parseQuery(params) : [];
  const options: CsvOptions = { header: flag(params, "header", true), bom: flag(params, "bom", false) };
  if (params.has("cite")) throw new DownloadError(400, `"cite" applies to source tables only`, "cite");
  return download(open, (db, tally) => {
    let filter: StanceFilter;
    try {
      filter = validateStanceFilter(db, input);
    } catch (err) {
      if (err instanceof FilterError) throw filterDownloadError(err);
      throw err;
    }
    const fileName = downloadFileName(name, filter, format, now, queryWords(query));
    if (format === "csv" && dataset.csv) return { chunks: dataset.csv(filter, db, options, tally), format, fileName };
    const rows = counted(dataset.rows(filter, db, query), tally);
    if (format === "csv") return { chunks: csvChunks(dataset.columns, rows, options), format, fileName };
    const filters = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const meta = (rowCount: number) => ({
      dataset: name,
      generated_at: now.toISOString(),
      ...(dataset.searched ? { query: params.get("q") } : {}),
      filters,
      row_count: rowCount,
      columns: dataset.columns,
      sources: sourcesOf(db, filter.documents ?? null),
    });
    return { chunks: jsonChunks(rows, meta), format, fileName };
  });
}

export function sourceTableDownload(file: string, params: URLSearchParams, now = new Date(), open: Opener = openDownloadDb): Response {
  const { name, format } = parseFile(file);
  const id = parseSourceTableId(name);
  if (!id) throw new DownloadError(404, `no source table ${quoted(name)}`);
  for (const key of params.keys())
    if (!(OPTIONS as readonly string[]).includes(key)) throw new DownloadError(400, `${quoted(key)} is not an option of a table download; use header, bom, cite`, key);
  const options = { header: flag(params, "header", true), bom: flag(params, "bom", false) };
  const cite = flag(params, "cite", false);
  return download(open, (db, tally) => {
    const table = getSourceTable(id.documentSlug, id.ordinal, db);
    if (!table) throw new DownloadError(404, `no source table ${quoted(name)}`);
    const fileName = `parallax-table-${table.id}-${now.toISOString().slice(0, 10)}.${format}`;
    if (format === "csv") {
      const records = [...(options.header ? [table.header] : []), ...table.rows, ...(cite ? [[`# Source: ${table.citation}`]] : [])];
      return { chunks: csvChunks(null, counted(records, tally), { bom: options.bom }), format, fileName };
    }
    const keys = table.header.map((h, i) => (table.header.indexOf(h) === i && h ? h : `${h || "column"} (${i + 1})`));
    const rows = table.rows.map((cells) => Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ""])));
    const meta = (rowCount: number) => ({
      dataset: "source-table",
      table: table.id,
      generated_at: now.toISOString(),
      header: table.header,
      row_count: rowCount,
      citation: table.citation,
      sources: sourcesOf(db, [table.document]),
    });
    return { chunks: jsonChunks(counted(rows, tally), meta), format, fileName };
  });
}

/** The JSON body of an error response; details stay in the log. */
export function errorResponse(err: unknown): Response {
  if (err instanceof DownloadError)
    return Response.json({ error: { status: err.status, parameter: err.parameter, message: err.message } }, { status: err.status });
  console.error("download failed", err);
  return Response.json({ error: { status: 500, parameter: null, message: "the download failed; see the server log" } }, { status: 500 });
}
