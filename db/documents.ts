import { and, asc, between, count, countDistinct, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { formatCitation, sourceTableId } from "./citation";
import { getDb, type ParallaxDb } from "./client";
import { type StanceFilter, stanceConditions } from "./filters";
import { memo } from "./memo";
import { type Document, documents, type SourceTable, type SourceTableRow, sourceTableRows, sourceTables, stances } from "./schema";
import { listDocumentStances, type StanceView } from "./stances";

export type DocumentSummary = Pick<
  Document,
  | "slug"
  | "path"
  | "format"
  | "lang"
  | "title"
  | "outlet"
  | "author"
  | "published"
  | "publishedBasis"
  | "publishedEvidence"
  | "url"
  | "metadataNote"
  | "lineCount"
  | "ingestedAt"
> & {
  tables: number;
  stances: number;
  usStances: number;
  coStances: number;
};

/**
 * Documents with what was extracted from each: the sources page, the documents download and the JSON downloads'
 * sources. Counts are read per document returned (the stances by their document index), so a page of documents
 * counts only its own.
 */
function selectDocuments(db: ParallaxDb) {
  // Qualified by hand: in a one-table select Drizzle writes columns unqualified, and "id" would be the subquery's own.
  const documentId = sql`${documents}.${sql.identifier(documents.id.name)}`;
  const stanceCount = (actor?: "us" | "co") =>
    sql<number>`(select count(*) from ${stances} where ${stances.documentId} = ${documentId}${actor ? sql` and ${stances.actorId} = ${actor}` : sql``})`;
  return db
    .select({
      slug: documents.slug,
      path: documents.path,
      format: documents.format,
      lang: documents.lang,
      title: documents.title,
      outlet: documents.outlet,
      author: documents.author,
      published: documents.published,
      publishedBasis: documents.publishedBasis,
      publishedEvidence: documents.publishedEvidence,
      url: documents.url,
      metadataNote: documents.metadataNote,
      lineCount: documents.lineCount,
      ingestedAt: documents.ingestedAt,
      tables: sql<number>`(select count(*) from ${sourceTables} where ${sourceTables.documentId} = ${documentId})`,
      stances: stanceCount(),
      usStances: stanceCount("us"),
      coStances: stanceCount("co"),
    })
    .from(documents)
    .$dynamic();
}

export function listDocuments(db: ParallaxDb = getDb()): DocumentSummary[] {
  return selectDocuments(db).orderBy(asc(documents.slug)).all();
}

/** The titles of the named documents (null where a document has none), looked up by name. */
export function listDocumentTitles(slugs: readonly string[], db: ParallaxDb = getDb()): Map<string, string | null> {
  if (slugs.length === 0) return new Map();
  const rows = db.select({ slug: documents.slug, title: documents.title }).from(documents).where(inArray(documents.slug, [...new Set(slugs)])).all();
  return new Map(rows.map((row) => [row.slug, row.title]));
}

export function countDocuments(db: ParallaxDb = getDb()): number {
  return db.select({ n: count() }).from(documents).get()?.n ?? 0;
}

/** A page of the documents by name, from `offset`, at most `limit` of them (the sources page): only the page's rows and counts are read. */
export function listDocumentPage(offset: number, limit: number, db: ParallaxDb = getDb()): DocumentSummary[] {
  return selectDocuments(db).orderBy(asc(documents.slug)).limit(limit).offset(offset).all();
}

/** The place of a document (from 0) in the list by name; null when there is no such document. */
export function documentIndex(slug: string, db: ParallaxDb = getDb()): number | null {
  const exists = db.select({ id: documents.id }).from(documents).where(eq(documents.slug, slug)).get();
  if (!exists) return null;
  return db.select({ n: count() }).from(documents).where(lt(documents.slug, slug)).get()?.n ?? 0;
}

export interface DocumentChoice {
  slug: string;
  title: string | null;
  /** Its stances under the filter. */
  stances: number;
}

export interface DocumentChoices {
  /** The documents with the most stances under the filter, most first (then by name), then the chosen ones not among them. */
  documents: DocumentChoice[];
  /** How many documents have stances under the filter. */
  total: number;
}

/**
 * The documents a filter form offers: thousands of checkboxes are no choice, so the `limit` documents with the
 * most stances under the filter, then any `chosen` ones not among them (the reader's own choice stays
 * visible), and how many documents have stances under the filter. Counted in SQL, once per state of the database.
 */
export function listDocumentChoices(filter: StanceFilter, limit: number, chosen: readonly string[] = [], db: ParallaxDb = getDb()): DocumentChoices {
  return memo(db, `document-choices ${limit} ${JSON.stringify([filter, chosen])}`, () => {
    const where = stanceConditions(filter);
    const counted = db
      .select({ documentId: stances.documentId, stances: count().as("stances") })
      .from(stances)
      .where(where)
      .groupBy(stances.documentId)
      .as("counted");
    const top = db
      .select({ slug: documents.slug, title: documents.title, stances: counted.stances })
      .from(counted)
      .innerJoin(documents, eq(documents.id, counted.documentId))
      .orderBy(desc(counted.stances), asc(documents.slug))
      .limit(limit)
      .all();
    const missing = chosen.filter((slug) => !top.some((d) => d.slug === slug));
    const added = missing.length
      ? db
          .select({
            slug: documents.slug,
            title: documents.title,
            stances: sql<number>`(select count(*) from ${stances} where ${and(where, sql`${stances.documentId} = ${documents}.${sql.identifier(documents.id.name)}`)})`,
          })
          .from(documents)
          .where(inArray(documents.slug, missing))
          .orderBy(asc(documents.slug))
          .all()
      : [];
    const total = db.select({ n: countDistinct(stances.documentId) }).from(stances).where(where).get()?.n ?? 0;
    return { documents: [...top, ...added], total };
  });
}

/** A document's text as lines, numbered as the source view and search number them (CRLF, CR or LF ends a line; trailing empty lines dropped). */
export function documentLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** What each line of a document carries (index 0 is line 1): its characters, and the stances that start on it. */
export interface LineSizes {
  chars: number[];
  stances: number[];
}

/** How much each line of a document carries, what the source view cuts its windows by; read once per state of the database. */
export function getLineSizes(slug: string, db: ParallaxDb = getDb()): LineSizes | null {
  return memo(db, `line-sizes ${slug}`, () => {
    const body = db.select({ id: documents.id, text: documents.text }).from(documents).where(eq(documents.slug, slug)).get();
    if (!body) return null;
    const chars = documentLines(body.text).map((line) => line.length);
    const starting = chars.map(() => 0);
    const perLine = db
      .select({ line: stances.lineStart, n: count() })
      .from(stances)
      .where(eq(stances.documentId, body.id))
      .groupBy(stances.lineStart)
      .all();
    for (const { line, n } of perLine) if (line >= 1 && line <= starting.length) starting[line - 1] = n;
    return { chars, stances: starting };
  });
}

/** A source table with its body rows (those on the lines asked for, when a range was asked for), in table order. */
export type SourceTableView = Omit<SourceTable, "documentId"> & { rows: Omit<SourceTableRow, "tableId">[] };

export interface DocumentDetail extends DocumentSummary {
  text: string;
  sourceTables: SourceTableView[];
  /** The document's stances in document order (those on the lines asked for, when a range was asked for). */
  stanceList: StanceView[];
}

/** One document's metadata and counts, without its text; its counts read once per state of the database (a page asks twice). */
export function getDocumentSummary(slug: string, db: ParallaxDb = getDb()): DocumentSummary | null {
  return memo(db, `document-summary ${slug}`, () => selectDocuments(db).where(eq(documents.slug, slug)).get() ?? null);
}

/** A table's body rows in order; with `lines`, only those on the lines (an index range, so a window of a long table reads its own rows). */
function listTableRows(db: ParallaxDb, tableId: number, lines?: { from: number; to: number }) {
  return db
    .select({ row: sourceTableRows.row, line: sourceTableRows.line, cells: sourceTableRows.cells })
    .from(sourceTableRows)
    .where(and(eq(sourceTableRows.tableId, tableId), lines ? between(sourceTableRows.line, lines.from, lines.to) : undefined))
    .orderBy(asc(sourceTableRows.row))
    .all();
}

/**
 * A document with its text, tables and stances; with `lines`, only the stances and table rows on those lines, so
 * a window of a long document reads what it shows, not all of it.
 */
export function getDocument(slug: string, db: ParallaxDb = getDb(), lines?: { from: number; to: number }): DocumentDetail | null {
  const summary = getDocumentSummary(slug, db);
  if (!summary) return null;
  const body = db.select({ id: documents.id, text: documents.text }).from(documents).where(eq(documents.slug, slug)).get();
  if (!body) return null;
  const tables = db
    .select({
      id: sourceTables.id,
      ordinal: sourceTables.ordinal,
      lineStart: sourceTables.lineStart,
      lineEnd: sourceTables.lineEnd,
      header: sourceTables.header,
      layout: sourceTables.layout,
      note: sourceTables.note,
    })
    .from(sourceTables)
    .where(eq(sourceTables.documentId, body.id))
    .orderBy(asc(sourceTables.ordinal))
    .all()
    .map((table) => {
      const outside = lines !== undefined && (table.lineEnd < lines.from || table.lineStart > lines.to);
      return { ...table, rows: outside ? [] : listTableRows(db, table.id, lines) };
    });
  const stanceList = listDocumentStances(body.id, lines, db);
  return { ...summary, text: body.text, sourceTables: tables, stanceList };
}

export interface SourceTableExport {
  id: string;
  document: string;
  header: string[];
  rows: string[][];
  citation: string;
}

/** A source table exactly as it appears in its document, with a citation; null when there is no such table. */
export function getSourceTable(documentSlug: string, ordinal: number, db: ParallaxDb = getDb()): SourceTableExport | null {
  const row = db
    .select({
      id: sourceTables.id,
      slug: documents.slug,
      title: documents.title,
      outlet: documents.outlet,
      published: documents.published,
      pageLines: documents.pageLines,
      header: sourceTables.header,
      lineStart: sourceTables.lineStart,
      lineEnd: sourceTables.lineEnd,
    })
    .from(sourceTables)
    .innerJoin(documents, eq(documents.id, sourceTables.documentId))
    .where(and(eq(documents.slug, documentSlug), eq(sourceTables.ordinal, ordinal)))
    .get();
  if (!row) return null;
  return {
    id: sourceTableId(row.slug, ordinal),
    document: row.slug,
    header: row.header,
    rows: listTableRows(db, row.id).map((r) => r.cells),
    citation: formatCitation(row, { kind: "table", lineStart: row.lineStart, lineEnd: row.lineEnd, tableOrdinal: ordinal }),
  };
}
