import "server-only";
import { Readable } from "node:stream";
import { parseSourceTableId } from "@/db/citation";
import { databasePath, NoDatabaseError, openReadOnlyDatabase, type ParallaxDb } from "@/db/client";
import {
  type CsvOptions,
  csvStream,
  DOCUMENT_COLUMNS,
  DOCUMENT_POSITION_COLUMNS,
  documentExportRows,
  documentPositionExportRows,
  getSourceTableExport,
  ISSUE_COLUMNS,
  issueExportRows,
  STANCE_WEB_COLUMNS,
  stanceExportRows,
} from "@/db/export";
import { type ActorId, EVIDENCE, type Evidence, FilterError, type StanceFilter, type StanceKind, validateStanceFilter } from "@/db/filters";

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

type FilterName = "issue" | "actor" | "document" | "kind" | "evidence";

interface Dataset {
  columns: readonly string[];
  filters: FilterName[];
  rows: (db: ParallaxDb, filter: StanceFilter) => Iterable<Record<string, unknown>>;
}

export const DATASETS: Record<string, Dataset> = {
  stances: { columns: STANCE_WEB_COLUMNS, filters: ["issue", "actor", "document", "kind", "evidence"], rows: stanceExportRows },
  issues: { columns: ISSUE_COLUMNS, filters: ["issue", "actor", "document", "kind", "evidence"], rows: issueExportRows },
  documents: { columns: DOCUMENT_COLUMNS, filters: [], rows: (db) => documentExportRows(db) },
  "document-positions": {
    columns: DOCUMENT_POSITION_COLUMNS,
    filters: ["issue", "document", "kind", "evidence"],
    rows: documentPositionExportRows,
  },
};

const OPTIONS = ["header", "bom", "cite"] as const;

function flag(params: URLSearchParams, name: (typeof OPTIONS)[number], fallback: boolean): boolean {
  const value = params.get(name);
  if (value === null) return fallback;
  if (value === "1") return true;
  if (value === "0") return false;
  throw new DownloadError(400, `${name} must be 0 or 1, not "${value}"`, name);
}

function parseFile(file: string): { name: string; format: "csv" | "json" } {
  const match = /^(.+)\.(csv|json)$/.exec(file);
  if (!match) throw new DownloadError(404, `no download named "${file}": use a .csv or .json name`);
  return { name: match[1] as string, format: match[2] as "csv" | "json" };
}

function parseFilter(params: URLSearchParams, allowed: FilterName[], dataset: string): StanceFilter {
  for (const key of new Set(params.keys())) {
    if ((OPTIONS as readonly string[]).includes(key)) continue;
    if (!(allowed as string[]).includes(key))
      throw new DownloadError(400, `"${key}" is not a filter of ${dataset}${allowed.length ? `; use ${allowed.join(", ")}` : ""}`, key);
  }
  const list = (key: FilterName) => (params.getAll(key).length ? params.getAll(key) : undefined);
  const evidence = params.getAll("evidence");
  if (evidence.length > 1) throw new DownloadError(400, `give "evidence" once: ${EVIDENCE.join(" or ")}`, "evidence");
  return {
    issues: list("issue"),
    actors: list("actor") as ActorId[] | undefined,
    documents: list("document"),
    kinds: list("kind") as StanceKind[] | undefined,
    evidence: evidence[0] as Evidence | undefined,
  };
}

/** parallax-stances-drug-policy-2026-11-21.csv: the dataset, then every filter value, then the date. */
export function downloadFileName(dataset: string, filter: StanceFilter, format: string, now: Date): string {
  const parts = [
    dataset,
    ...(filter.issues ?? []),
    ...(filter.actors ?? []),
    ...(filter.documents ?? []),
    ...(filter.kinds ?? []),
    ...(filter.evidence === "structured" ? ["structured"] : []),
  ];
  const safe = parts.join("-").replace(/[^A-Za-z0-9_-]+/g, "_");
  return `parallax-${safe}-${now.toISOString().slice(0, 10)}.${format}`;
}

function sourcesOf(db: ParallaxDb, slugs: string[] | null) {
  const rows = db.$client
    .prepare("SELECT slug AS document, title, outlet, published, url FROM documents ORDER BY slug")
    .all() as { document: string }[];
  return slugs ? rows.filter((r) => slugs.includes(r.document)) : rows;
}

/** {"rows":[…],"meta":{…}} streamed: rows first, so the count and sources in meta are exact. */
function jsonStream(rows: Iterable<unknown>, meta: (rowCount: number) => Record<string, unknown>): Readable {
  return Readable.from(
    (function* () {
      yield Buffer.from('{"rows":[');
      let count = 0;
      for (const row of rows) {
        yield Buffer.from(`${count === 0 ? "\n" : ",\n"}${JSON.stringify(row)}`);
        count++;
      }
      yield Buffer.from(`\n],"meta":${JSON.stringify(meta(count))}}\n`);
    })(),
  );
}

function respond(body: Readable, db: ParallaxDb, format: "csv" | "json", fileName: string): Response {
  const close = () => {
    if (db.$client.open) db.$client.close();
  };
  body.once("close", close);
  body.once("error", close);
  return new Response(Readable.toWeb(body) as ReadableStream, {
    status: 200,
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function openDownloadDb(): ParallaxDb {
  try {
    // Each download streams from its own connection, so a long export never blocks page queries.
    return openReadOnlyDatabase(databasePath());
  } catch (err) {
    if (err instanceof NoDatabaseError) throw new DownloadError(503, "no data yet: run `npm run ingest`");
    throw err;
  }
}

export function datasetDownload(file: string, params: URLSearchParams, now = new Date()): Response {
  const { name, format } = parseFile(file);
  const dataset = DATASETS[name];
  if (!dataset) throw new DownloadError(404, `no dataset "${name}"; available: ${Object.keys(DATASETS).join(", ")}`);
  const filter = parseFilter(params, dataset.filters, name);
  const options: CsvOptions = { header: flag(params, "header", true), bom: flag(params, "bom", false) };
  if (params.has("cite")) throw new DownloadError(400, `"cite" applies to source tables only`, "cite");
  const db = openDownloadDb();
  try {
    validateStanceFilter(db, filter);
  } catch (err) {
    db.$client.close();
    if (err instanceof FilterError) throw new DownloadError(400, err.message, err.parameter);
    throw err;
  }
  const fileName = downloadFileName(name, filter, format, now);
  const rows = dataset.rows(db, filter);
  if (format === "csv") return respond(csvStream(dataset.columns, rows, options), db, format, fileName);
  const filters = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  return respond(
    jsonStream(rows, (rowCount) => ({
      dataset: name,
      generated_at: now.toISOString(),
      filters,
      row_count: rowCount,
      columns: dataset.columns,
      sources: sourcesOf(db, filter.documents ?? null),
    })),
    db,
    format,
    fileName,
  );
}

export function sourceTableDownload(file: string, params: URLSearchParams, now = new Date()): Response {
  const { name, format } = parseFile(file);
  const id = parseSourceTableId(name);
  if (!id) throw new DownloadError(404, `no source table "${name}"`);
  for (const key of params.keys())
    if (!(OPTIONS as readonly string[]).includes(key)) throw new DownloadError(400, `"${key}" is not an option of a table download; use header, bom, cite`, key);
  const options = { header: flag(params, "header", true), bom: flag(params, "bom", false) };
  const cite = flag(params, "cite", false);
  const db = openDownloadDb();
  const table = getSourceTableExport(db, id.documentSlug, id.ordinal);
  if (!table) {
    db.$client.close();
    throw new DownloadError(404, `no source table "${name}"`);
  }
  const fileName = `parallax-table-${table.id}-${now.toISOString().slice(0, 10)}.${format}`;
  if (format === "csv") {
    const records = [...(options.header ? [table.header] : []), ...table.rows, ...(cite ? [[`# Source: ${table.citation}`]] : [])];
    return respond(csvStream(null, records, { bom: options.bom }), db, format, fileName);
  }
  const keys = table.header.map((h, i) => (table.header.indexOf(h) === i && h ? h : `${h || "column"} (${i + 1})`));
  const rows = table.rows.map((cells) => Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ""])));
  return respond(
    jsonStream(rows, (rowCount) => ({
      dataset: "source-table",
      table: table.id,
      generated_at: now.toISOString(),
      header: table.header,
      row_count: rowCount,
      citation: table.citation,
      sources: sourcesOf(db, [table.document]),
    })),
    db,
    format,
    fileName,
  );
}

/** The JSON body of an error response; details stay in the log. */
export function errorResponse(err: unknown): Response {
  if (err instanceof DownloadError)
    return Response.json({ error: { status: err.status, parameter: err.parameter, message: err.message } }, { status: err.status });
  console.error("download failed", err);
  return Response.json({ error: { status: 500, parameter: null, message: "the download failed; see the server log" } }, { status: 500 });
}
