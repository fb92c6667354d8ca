import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { ParallaxDb } from "../../db/client";
import { actors, documents, issues, sourceTables, stances } from "../../db/schema";
import type { Codebook } from "./codebook";
import type { DocumentExtraction } from "./extract";
import type { SourceDocument } from "./read";
import type { StanceScorer } from "./rescore";
import type { ExtractedStance } from "./stance";

type Transaction = Parameters<Parameters<ParallaxDb["transaction"]>[0]>[0];

/** Actors and codebook issues, upserted so labels follow codebook edits. */
export function upsertCodebook(db: ParallaxDb, book: Codebook): void {
  db.transaction((tx) => {
    book.actors.forEach((actor, i) => {
      const row = { id: actor.id, label: actor.label, labelEs: actor.labelEs, sortOrder: i };
      tx.insert(actors).values(row).onConflictDoUpdate({ target: actors.id, set: row }).run();
    });
    book.issues.forEach((issue, i) => {
      const row = {
        slug: issue.slug,
        kind: "codebook" as const,
        label: issue.label,
        labelEs: issue.labelEs,
        description: issue.description,
        descriptionEs: issue.descriptionEs,
        poleNegative: issue.axis.negative.label,
        poleNegativeEs: issue.axis.negative.labelEs,
        polePositive: issue.axis.positive.label,
        polePositiveEs: issue.axis.positive.labelEs,
        sortOrder: i,
      };
      tx.insert(issues).values(row).onConflictDoUpdate({ target: issues.slug, set: row }).run();
    });
    // An "other" issue already stored follows its codebook labels too.
    for (const other of book.otherIssues)
      tx.update(issues)
        .set({ label: other.label, labelEs: other.labelEs })
        .where(and(eq(issues.slug, other.slug), eq(issues.kind, "other")))
        .run();
  });
}

/** The Spanish label of a codebook "other" issue; null for one a table or list named ("Tariffs" in a header). */
function otherLabelEs(book: Codebook, slug: string): string | null {
  return book.otherIssues.find((o) => o.slug === slug)?.labelEs ?? null;
}

/** What the pipeline compares a file against: a stored document's identity, hashes and copies. */
export interface StoredDocument {
  id: number;
  slug: string;
  path: string;
  contentHash: string;
  codebookHash: string;
  extractionHash: string;
  duplicatePaths: string[];
  readWarnings: { line: number | null; message: string }[];
}

const storedColumns = {
  id: documents.id,
  slug: documents.slug,
  path: documents.path,
  contentHash: documents.contentHash,
  codebookHash: documents.codebookHash,
  extractionHash: documents.extractionHash,
  duplicatePaths: documents.duplicatePaths,
  readWarnings: documents.readWarnings,
};

export function storedDocuments(db: ParallaxDb): StoredDocument[] {
  return db.select(storedColumns).from(documents).orderBy(asc(documents.id)).all();
}

/**
 * The lookups made for every file read, prepared once per run: building each query anew cost more
 * than running it (a third of re-reading 10,000 unchanged documents).
 */
export function storedLookups(db: ParallaxDb) {
  const bySlug = db
    .select(storedColumns)
    .from(documents)
    .where(eq(documents.slug, sql.placeholder("slug")))
    .prepare();
  const byContent = db
    .select(storedColumns)
    .from(documents)
    .where(and(eq(documents.contentHash, sql.placeholder("contentHash")), ne(documents.path, sql.placeholder("path"))))
    .orderBy(asc(documents.id))
    .limit(1)
    .prepare();
  const tables = db
    .select({ n: sql<number>`count(*)` })
    .from(sourceTables)
    .where(eq(sourceTables.documentId, sql.placeholder("id")))
    .prepare();
  const stanceCount = db
    .select({ n: sql<number>`count(*)` })
    .from(stances)
    .where(eq(stances.documentId, sql.placeholder("id")))
    .prepare();
  return {
    bySlug: (slug: string): StoredDocument | undefined => bySlug.get({ slug }),
    /** The first stored document with this content, other than the one stored under `path`. */
    byContent: (contentHash: string, path: string): StoredDocument | undefined => byContent.get({ contentHash, path }),
    counts: (id: number) => ({ tables: tables.get({ id })?.n ?? 0, stances: stanceCount.get({ id })?.n ?? 0 }),
  };
}

/** Documents listing `path` among their copies; only documents with copies are looked at (index documents_with_copies). */
const listsCopy = (path: string) =>
  sql`${documents.duplicatePaths} <> '[]' AND EXISTS (SELECT 1 FROM json_each(${documents.duplicatePaths}) WHERE value = ${path})`;

/** Drops `path` from every document's list of copies but `keepId`'s: a file is a copy of one document at most. */
function forgetCopy(tx: Transaction, path: string, keepId: number | null): void {
  const listing = tx
    .select({ id: documents.id, duplicatePaths: documents.duplicatePaths })
    .from(documents)
    .where(listsCopy(path))
    .all();
  for (const row of listing) {
    if (row.id === keepId) continue;
    tx.update(documents)
      .set({ duplicatePaths: row.duplicatePaths.filter((p) => p !== path) })
      .where(eq(documents.id, row.id))
      .run();
  }
}

/** Removes a document and everything extracted from it, in one transaction. */
export function removeDocument(db: ParallaxDb, id: number): void {
  db.transaction((tx) => {
    tx.delete(documents).where(eq(documents.id, id)).run();
  });
}

/** Sets the list of copies of a stored document (other file names with the same content). */
export function setDuplicatePaths(db: ParallaxDb, id: number, paths: string[]): void {
  db.transaction((tx) => {
    tx.update(documents).set({ duplicatePaths: paths }).where(eq(documents.id, id)).run();
  });
}

/**
 * Records `path` as a copy of the stored document `primaryId`, in one transaction: a document
 * stored from that same path before is removed (its content is now counted once, under the primary).
 * Returns false when nothing had to change.
 */
export function recordCopy(db: ParallaxDb, primaryId: number, path: string): boolean {
  return db.transaction((tx) => {
    const primary = tx.select({ duplicatePaths: documents.duplicatePaths }).from(documents).where(eq(documents.id, primaryId)).get();
    const ownRow = tx.select({ id: documents.id }).from(documents).where(and(eq(documents.path, path), ne(documents.id, primaryId))).get();
    const listed = primary?.duplicatePaths.includes(path) ?? false;
    const elsewhere = tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(ne(documents.id, primaryId), listsCopy(path)))
      .get();
    if (listed && !ownRow && !elsewhere) return false;
    if (ownRow) tx.delete(documents).where(eq(documents.id, ownRow.id)).run();
    forgetCopy(tx, path, primaryId);
    if (!listed)
      tx.update(documents)
        .set({ duplicatePaths: [...(primary?.duplicatePaths ?? []), path].sort() })
        .where(eq(documents.id, primaryId))
        .run();
    return true;
  });
}

/** A stance's id that survives re-ingestion: the same document, actor, issue and words give the same key. */
export function stanceKeys(slug: string, extracted: ExtractedStance[]): string[] {
  const seen = new Map<string, number>();
  return extracted.map((stance) => {
    const digest = createHash("sha256")
      .update([slug, stance.actor, stance.issue.slug, stance.span.text].join("\u241F"))
      .digest("hex")
      .slice(0, 12);
    const count = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, count);
    return count === 1 ? `${slug}:${digest}` : `${slug}:${digest}-${count}`;
  });
}

/** A document as the pipeline hands it to the load stage. */
export interface DocumentToLoad {
  document: SourceDocument;
  contentHash: string;
  extractionHash: string;
  duplicatePaths: string[];
  /** Stored documents this one takes the place of (same name or same content, their files gone). */
  replaces: number[];
}

/** Line passages per statement: one statement per line cost more than writing the line (the 10 MB document has 47,561). */
const LINE_PASSAGE_BATCH = 100;

const linePassagesSql = (rows: number) =>
  `INSERT INTO search_passages (document_id, line_start, line_end, body) VALUES ${Array(rows).fill("(?, ?, ?, ?)").join(", ")}`;

/** One prepared statement per number of rows, made the first time that number is asked for. */
function statementPerSize(client: Database.Database, sql: (rows: number) => string): (rows: number) => Database.Statement {
  const statements = new Map<number, Database.Statement>();
  return (rows) => {
    const known = statements.get(rows);
    if (known) return known;
    const statement = client.prepare(sql(rows));
    statements.set(rows, statement);
    return statement;
  };
}

/**
 * The statements that load a document, prepared once per connection: building and preparing them
 * for each document cost more than running them (a third of the load stage on 10,000 documents).
 */
function prepareLoad(client: Database.Database) {
  return {
    deleteBySlug: client.prepare("DELETE FROM documents WHERE slug = ?"),
    deleteById: client.prepare("DELETE FROM documents WHERE id = ?"),
    listingCopy: client.prepare(
      `SELECT id, duplicate_paths AS duplicatePaths FROM documents
        WHERE duplicate_paths <> '[]' AND EXISTS (SELECT 1 FROM json_each(duplicate_paths) WHERE value = ?)`,
    ),
    setCopies: client.prepare("UPDATE documents SET duplicate_paths = ? WHERE id = ?"),
    insertDocument: client.prepare(
      `INSERT INTO documents (slug, path, format, lang, lang_source, title, outlet, author, published, published_basis,
         published_evidence, url, metadata_note, page_lines, duplicate_paths, content_hash, codebook_hash, extraction_hash,
         scoring_hash, read_warnings, line_count, text, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertLinePassages: statementPerSize(client, linePassagesSql),
    insertStancePassages: client.prepare(
      `INSERT INTO search_passages (document_id, stance_id, line_start, line_end, body, holder)
       SELECT document_id, id, line_start, line_end, text, holder FROM stances WHERE document_id = ? ORDER BY id`,
    ),
    insertTable: client.prepare(
      `INSERT INTO source_tables (document_id, ordinal, line_start, line_end, header, layout, note)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertTableRow: client.prepare("INSERT INTO source_table_rows (table_id, row, line, cells) VALUES (?, ?, ?, ?)"),
    insertOtherIssue: client.prepare(
      "INSERT INTO issues (slug, kind, label, label_es, sort_order) VALUES (?, 'other', ?, ?, 1000) ON CONFLICT DO NOTHING",
    ),
    insertStance: client.prepare(
      `INSERT INTO stances (stance_key, document_id, issue_slug, actor_id, kind, text, issue_evidence, line_start, line_end,
         column_start, column_end, source_table_id, table_row, table_column, rule, confidence, holder, attribution,
         attribution_cue, score, cue_positive, cue_negative, cues, override_position, override_note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

const PREPARED = new WeakMap<Database.Database, ReturnType<typeof prepareLoad>>();

function loadStatements(client: Database.Database): ReturnType<typeof prepareLoad> {
  let statements = PREPARED.get(client);
  if (!statements) {
    statements = prepareLoad(client);
    PREPARED.set(client, statements);
  }
  return statements;
}

/** Lines as the source view counts them: CRLF, CR or LF ends a line. */
function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

/**
 * Replaces one document's rows in a single transaction: all of the new version, its stances
 * already scored, or none of it. Readers never see it half written or unscored.
 */
export function loadDocument(
  db: ParallaxDb,
  load: DocumentToLoad,
  extraction: DocumentExtraction,
  book: Codebook,
  score: StanceScorer,
  ingestedAt: string,
): number {
  const { document } = load;
  const client = db.$client;
  const run = loadStatements(client);
  const keys = stanceKeys(document.slug, extraction.stances);
  return client.transaction(() => {
    run.deleteBySlug.run(document.slug);
    for (const id of load.replaces) run.deleteById.run(id);
    // A file is a copy of one document at most: the one it is now stored as lists it no more.
    for (const row of run.listingCopy.all(document.path) as { id: number; duplicatePaths: string }[]) {
      const paths = (JSON.parse(row.duplicatePaths) as string[]).filter((p) => p !== document.path);
      run.setCopies.run(JSON.stringify(paths), row.id);
    }
    const { metadata } = document;
    const documentId = Number(
      run.insertDocument.run(
        document.slug,
        document.path,
        document.format,
        document.lang,
        document.langSource,
        metadata.title,
        metadata.outlet,
        metadata.author,
        metadata.published,
        metadata.publishedBasis,
        metadata.publishedEvidence,
        metadata.url,
        metadata.note,
        document.pageLines === null ? null : JSON.stringify(document.pageLines),
        JSON.stringify(load.duplicatePaths),
        load.contentHash,
        book.hash,
        load.extractionHash,
        score.hash,
        JSON.stringify(document.warnings),
        countLines(document.text),
        document.text,
        ingestedAt,
      ).lastInsertRowid,
    );
    // Search passages for its non-blank lines (blank as SQLite's trim() sees it: spaces only), numbered as the source view
    // numbers them: the rows migration 0005's trigger wrote, whose split in SQL held about 115 MB for a 10 MB text.
    let batch: (number | string)[] = [];
    document.text.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (!/[^ ]/.test(line)) return;
      batch.push(documentId, i + 1, i + 1, line);
      if (batch.length < 4 * LINE_PASSAGE_BATCH) return;
      run.insertLinePassages(LINE_PASSAGE_BATCH).run(batch);
      batch = [];
    });
    // The rest in one statement too: most documents have fewer than a batch of lines.
    if (batch.length > 0) run.insertLinePassages(batch.length / 4).run(batch);
    const tableIds = new Map<number, number>();
    for (const table of extraction.tables) {
      const { lastInsertRowid } = run.insertTable.run(
        documentId,
        table.ordinal,
        table.table.lineStart,
        table.table.lineEnd,
        JSON.stringify(table.table.header.map((cell) => cell.text)),
        table.layout,
        table.note,
      );
      const tableId = Number(lastInsertRowid);
      table.table.rows.forEach((row, r) => {
        run.insertTableRow.run(tableId, r + 1, table.table.rowLines[r] ?? table.table.lineStart, JSON.stringify(row.map((cell) => cell.text)));
      });
      tableIds.set(table.ordinal, tableId);
    }

    for (const issue of new Map(extraction.stances.map((s) => [s.issue.slug, s.issue])).values())
      if (issue.kind === "other") run.insertOtherIssue.run(issue.slug, issue.label, otherLabelEs(book, issue.slug));

    extraction.stances.forEach((stance, i) => {
      const key = keys[i] as string;
      const scored = score(key, { issueSlug: stance.issue.slug, actor: stance.actor, kind: stance.kind, text: stance.span.text });
      run.insertStance.run(
        key,
        documentId,
        stance.issue.slug,
        stance.actor,
        stance.kind,
        stance.span.text,
        stance.issueEvidence,
        stance.span.lineStart,
        stance.span.lineEnd,
        stance.span.columnStart,
        stance.span.columnEnd,
        stance.table ? (tableIds.get(stance.table.ordinal) ?? null) : null,
        stance.table?.row ?? null,
        stance.table?.column ?? null,
        stance.rule,
        stance.confidence,
        stance.holder ?? null,
        stance.attribution ?? null,
        stance.attributionCue ?? null,
        scored.score,
        scored.cuePositive,
        scored.cueNegative,
        JSON.stringify(scored.cues),
        scored.overridePosition,
        scored.overrideNote,
      );
    });
    // The stances' search passages in one statement, in stance order: the ids and rows migration 0005's trigger gave them row by row.
    run.insertStancePassages.run(documentId);
    return documentId;
  })();
}

/** Issues no stance refers to that are no longer wanted: "other" issues, and issues dropped from the codebook. */
export function pruneOrphanIssues(db: ParallaxDb, book: Codebook): void {
  const keep = book.issues.map((issue) => issue.slug);
  db.$client
    .prepare(
      `DELETE FROM issues WHERE slug NOT IN (SELECT DISTINCT issue_slug FROM stances)
       AND (kind = 'other' OR slug NOT IN (SELECT value FROM json_each(?)))`,
    )
    .run(JSON.stringify(keep));
}
