import "server-only";
import { PassThrough, Readable } from "node:stream";
import type { ParallaxDb } from "@/db/client";
import { listDocuments } from "@/db/documents";
import type { SearchQuery } from "@/db/search-query";
import { FilterError, type StanceFilter, validateStanceFilter } from "@/db/filters";
import { type WorkbookSheet, writeWorkbook } from "@/db/workbook";
import { contentDisposition, DATASETS, DownloadError, downloadFileName, type FilterName, filterDownloadError, openDownloadDb, parseFilter } from "./download";

/** The sheets in order, each one dataset of the CSV downloads (the same columns and rows), named for people. */
const SHEETS = [
  { dataset: "stances", name: "Stances", description: "one stance, with its position, cues and citation" },
  { dataset: "issues", name: "Issue positions", description: "one issue × government: position, counts, poles and gap" },
  { dataset: "document-positions", name: "Positions per document", description: "one issue × document × government: the position in that document alone" },
  { dataset: "documents", name: "Documents", description: "one document: metadata and counts (not filtered)" },
] as const;

/** No sheet is a search result, so none searches for anything. */
const NO_QUERY: SearchQuery = [];

const ALL_FILTERS: FilterName[] = ["issue", "actor", "document", "kind", "evidence", "month"];

/** The filter as one dataset applies it: the download of that dataset takes only some filters. */
function forDataset(filter: StanceFilter, allowed: readonly FilterName[]): StanceFilter {
  return {
    issues: allowed.includes("issue") ? filter.issues : undefined,
    actors: allowed.includes("actor") ? filter.actors : undefined,
    documents: allowed.includes("document") ? filter.documents : undefined,
    kinds: allowed.includes("kind") ? filter.kinds : undefined,
    evidence: allowed.includes("evidence") ? filter.evidence : undefined,
    months: allowed.includes("month") ? filter.months : undefined,
  };
}

function describeFilters(filter: StanceFilter): { name: string; value: string }[] {
  const list = (values: string[] | undefined) => (values?.length ? values.join(", ") : "all");
  return [
    { name: "issue", value: list(filter.issues) },
    { name: "actor", value: list(filter.actors) },
    { name: "document", value: list(filter.documents) },
    { name: "kind", value: list(filter.kinds) },
    {
      name: "evidence",
      value: filter.evidence === "structured" ? "structured: tables and lists only, no prose" : "all: tables, lists and prose",
    },
    { name: "month", value: filter.months?.length ? `published in ${filter.months.join(", ")}` : "all" },
  ];
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The address the reader asked for (behind a proxy, the one it forwarded), for the citation: the server's own may be localhost. */
export function publicUrl(request: Request): URL {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const protocol = request.headers.get("x-forwarded-proto");
  if (host) url.host = host;
  if (protocol === "http" || protocol === "https") url.protocol = `${protocol}:`;
  return url;
}

/**
 * Every dataset under one filter as an .xlsx workbook, streamed as it is written on its own read-only
 * connection (closed when the workbook is done, fails, or the reader goes away).
 */
export function workbookDownload(url: URL, now = new Date(), open: () => ParallaxDb = openDownloadDb): Response {
  const params = url.searchParams;
  for (const option of ["header", "bom", "cite"]) if (params.has(option)) throw new DownloadError(400, `"${option}" is not an option of the workbook`, option);
  const input = parseFilter(params, ALL_FILTERS, "the workbook");
  const db = open();
  let filter: StanceFilter;
  try {
    filter = validateStanceFilter(db, input);
  } catch (err) {
    db.$client.close();
    if (err instanceof FilterError) throw filterDownloadError(err);
    throw err;
  }
  const fileName = downloadFileName("workbook", filter, "xlsx", now);
  const sheets: WorkbookSheet[] = SHEETS.map((sheet) => {
    const dataset = DATASETS[sheet.dataset];
    if (!dataset) throw new Error(`no dataset ${sheet.dataset}`);
    const applied = dataset.filters.length ? `; filters applied: ${dataset.filters.join(", ")}` : "";
    return { name: sheet.name, columns: dataset.columns, rows: dataset.rows(forDataset(filter, dataset.filters), db, NO_QUERY), description: `${sheet.description}${applied}` };
  });
  const sources = listDocuments(db)
    .filter((d) => !filter.documents || filter.documents.includes(d.slug))
    .map((d) => ({ document: d.slug, title: d.title, outlet: d.outlet, published: d.published, url: d.url }));
  const about = {
    title: "Parallax — US–Colombia stances",
    generatedAt: now,
    filters: describeFilters(filter),
    citation: `Parallax, US–Colombia stances (${SHEETS.map((s) => s.name.toLowerCase()).join(", ")}), generated ${now.toISOString().slice(0, 10)} from ${url.toString()}. Quote a single stance with the citation in its row of the Stances sheet.`,
    notes: [
      "Every sheet holds the same columns and rows as the CSV download of its dataset with these filters (README: Downloads).",
      "Text is exactly as the documents wrote it and no cell is a formula, so no apostrophe is added before = + - @ as in the CSV.",
      "Column names and labels are in English, as in every download; the Spanish names of issues, poles and actors are in seeds/codebook.json.",
    ],
    sources,
  };

  const out = new PassThrough();
  // The writer ends `out` itself when the workbook is complete.
  writeWorkbook(out, sheets, about)
    .catch((err) => {
      if (out.destroyed) console.info(`download cancelled: ${fileName}`);
      else {
        console.error(`download failed: ${fileName}`, err);
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      }
    })
    .finally(() => db.$client.close());
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: { "Content-Type": XLSX, "Content-Disposition": contentDisposition(fileName), "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
