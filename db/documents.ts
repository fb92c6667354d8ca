import { and, asc, count, eq, sql } from "drizzle-orm";
import { formatCitation, sourceTableId } from "./citation";
import { getDb, type ParallaxDb } from "./client";
import { type Document, documents, type SourceTable, sourceTables, stances } from "./schema";
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

/** Documents with what was extracted from each: the sources page, the documents download and the JSON downloads' sources. */
function selectDocuments(db: ParallaxDb) {
  const tableCounts = db
    .select({ documentId: sourceTables.documentId, tables: count().as("tables") })
    .from(sourceTables)
    .groupBy(sourceTables.documentId)
    .as("table_counts");
  const stanceCounts = db
    .select({
      documentId: stances.documentId,
      stances: count().as("stances"),
      usStances: sql<number>`sum(${stances.actorId} = 'us')`.as("us_stances"),
      coStances: sql<number>`sum(${stances.actorId} = 'co')`.as("co_stances"),
    })
    .from(stances)
    .groupBy(stances.documentId)
    .as("stance_counts");
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
      tables: sql<number>`coalesce(${tableCounts.tables}, 0)`,
      stances: sql<number>`coalesce(${stanceCounts.stances}, 0)`,
      usStances: sql<number>`coalesce(${stanceCounts.usStances}, 0)`,
      coStances: sql<number>`coalesce(${stanceCounts.coStances}, 0)`,
    })
    .from(documents)
    .leftJoin(tableCounts, eq(tableCounts.documentId, documents.id))
    .leftJoin(stanceCounts, eq(stanceCounts.documentId, documents.id))
    .$dynamic();
}

export function listDocuments(db: ParallaxDb = getDb()): DocumentSummary[] {
  return selectDocuments(db).orderBy(asc(documents.slug)).all();
}

export type SourceTableView = Omit<SourceTable, "documentId">;

export interface DocumentDetail extends DocumentSummary {
  text: string;
  sourceTables: SourceTableView[];
  /** The document's stances in document order (those on the lines asked for, when a range was asked for). */
  stanceList: StanceView[];
}

/** One document's metadata and counts, without its text. */
export function getDocumentSummary(slug: string, db: ParallaxDb = getDb()): DocumentSummary | null {
  return selectDocuments(db).where(eq(documents.slug, slug)).get() ?? null;
}

/**
 * A document with its text, tables and stances; with `lines`, only the stances starting on those lines, so a
 * window of a long document reads the stances it shows, not all of them.
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
      rows: sourceTables.rows,
      rowLines: sourceTables.rowLines,
      layout: sourceTables.layout,
      note: sourceTables.note,
    })
    .from(sourceTables)
    .where(eq(sourceTables.documentId, body.id))
    .orderBy(asc(sourceTables.ordinal))
    .all();
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
      slug: documents.slug,
      title: documents.title,
      outlet: documents.outlet,
      published: documents.published,
      pageLines: documents.pageLines,
      header: sourceTables.header,
      rows: sourceTables.rows,
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
    rows: row.rows,
    citation: formatCitation(row, { kind: "table", lineStart: row.lineStart, lineEnd: row.lineEnd, tableOrdinal: ordinal }),
  };
}
