import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const DOCUMENT_FORMATS = ["txt", "md", "html", "pdf", "docx"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const STANCE_KINDS = ["table", "list", "prose"] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];
export const ACTOR_IDS = ["us", "co"] as const;
export type ActorId = (typeof ACTOR_IDS)[number];
export const ATTRIBUTIONS = ["quote", "reported", "action"] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  path: text("path").notNull(),
  format: text("format", { enum: DOCUMENT_FORMATS }).notNull(),
  /** The document's language ("en", "es"): stated in its metadata or detected from its text. */
  lang: text("lang").notNull().default("en"),
  langSource: text("lang_source", { enum: ["stated", "detected"] }).notNull().default("detected"),
  title: text("title"),
  outlet: text("outlet"),
  author: text("author"),
  published: text("published"),
  /** "stated" when the document or its metadata says it (or seeds/sources.json sets it); "inferred" from dates in the text. */
  publishedBasis: text("published_basis", { enum: ["stated", "inferred"] }),
  /** Where the date came from: the field, the dateline or the phrase of the text it was inferred from. */
  publishedEvidence: text("published_evidence"),
  url: text("url"),
  metadataNote: text("metadata_note"),
  /** For paged documents (PDF): the first line of each page, so a line can be cited as "page p, line l". */
  pageLines: text("page_lines", { mode: "json" }).$type<number[]>(),
  /** Other files with the same content, stored once under this document. */
  duplicatePaths: text("duplicate_paths", { mode: "json" }).$type<string[]>().notNull().default([]),
  contentHash: text("content_hash").notNull(),
  codebookHash: text("codebook_hash").notNull(),
  /** What reading and extraction depend on besides the codebook (the bytes, the sources.json entry, the path, the pipeline version): a change re-reads the document. */
  extractionHash: text("extraction_hash").notNull().default(""),
  /** The scoring (cues, negation, overrides) its stances were last scored with: ingest re-scores only documents scored otherwise. */
  scoringHash: text("scoring_hash").notNull().default(""),
  /** What reading the file warned about (an encoding guessed, an address dropped): reported again while the file is unchanged. */
  readWarnings: text("read_warnings", { mode: "json" }).$type<{ line: number | null; message: string }[]>().notNull().default([]),
  lineCount: integer("line_count").notNull(),
  text: text("text").notNull(),
  ingestedAt: text("ingested_at").notNull(),
},
// Ingest looks documents up by content (copies) and by copy path for every file it reads.
(t) => [
  index("documents_content_hash").on(t.contentHash),
  index("documents_with_copies").on(t.id).where(sql`${t.duplicatePaths} <> '[]'`),
]);
export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;

export const actors = sqliteTable(
  "actors",
  {
    id: text("id").$type<ActorId>().primaryKey(),
    label: text("label").notNull(),
    labelEs: text("label_es").notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  // Unique, so SQLite knows each step of it is one actor and reads stances in dashboard order without sorting them.
  (t) => [uniqueIndex("actors_order").on(t.sortOrder, t.id)],
);
export type Actor = typeof actors.$inferSelect;

export const issues = sqliteTable(
  "issues",
  {
    slug: text("slug").primaryKey(),
    kind: text("kind", { enum: ["codebook", "other"] }).notNull(),
    label: text("label").notNull(),
    labelEs: text("label_es"),
    description: text("description"),
    descriptionEs: text("description_es"),
    poleNegative: text("pole_negative"),
    poleNegativeEs: text("pole_negative_es"),
    polePositive: text("pole_positive"),
    polePositiveEs: text("pole_positive_es"),
    sortOrder: integer("sort_order").notNull(),
  },
  // Dashboard order of issues (ISSUE_ORDER), unique for the same reason as actors_order.
  (t) => [uniqueIndex("issues_order").on(t.kind, t.sortOrder, t.slug)],
);
export type Issue = typeof issues.$inferSelect;

export const sourceTables = sqliteTable(
  "source_tables",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    lineStart: integer("line_start").notNull(),
    lineEnd: integer("line_end").notNull(),
    header: text("header", { mode: "json" }).$type<string[]>().notNull(),
    layout: text("layout", { enum: ["issue-column", "issue-from-content", "transposed", "no-actors"] }).notNull(),
    note: text("note"),
  },
  (t) => [uniqueIndex("source_tables_document_ordinal").on(t.documentId, t.ordinal)],
);
export type SourceTable = typeof sourceTables.$inferSelect;
export type NewSourceTable = typeof sourceTables.$inferInsert;

/** A source table's body rows, one per row, so a window of a long table reads its own rows by line, not the whole table. */
export const sourceTableRows = sqliteTable(
  "source_table_rows",
  {
    tableId: integer("table_id")
      .notNull()
      .references(() => sourceTables.id, { onDelete: "cascade" }),
    /** The row's place in the table's body, from 1 (as stances.table_row counts it). */
    row: integer("row").notNull(),
    line: integer("line").notNull(),
    cells: text("cells", { mode: "json" }).$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableId, t.row] }), index("source_table_rows_line").on(t.tableId, t.line)],
);
export type SourceTableRow = typeof sourceTableRows.$inferSelect;

export interface StanceCue {
  cue: string;
  matched: string;
  pole: "negative" | "positive";
  negatedBy: string | null;
  /** The flip is the other government's name: the cue tells that government's course (scripts/ingest/course.ts). */
  byCourse?: true;
}

export const stances = sqliteTable(
  "stances",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stanceKey: text("stance_key").notNull().unique(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    issueSlug: text("issue_slug")
      .notNull()
      .references(() => issues.slug),
    actorId: text("actor_id")
      .$type<ActorId>()
      .notNull()
      .references(() => actors.id),
    kind: text("kind", { enum: STANCE_KINDS }).notNull(),
    text: text("text").notNull(),
    issueEvidence: text("issue_evidence").notNull(),
    /** The named rule (sieve) that found the stance, e.g. "table:issue-column", "prose:quote-speaker-after". */
    rule: text("rule").notNull().default(""),
    /** How sure the rule is, in [0, 1] (README § Confidence); 1 for a table cell under an actor's column. */
    confidence: real("confidence").notNull().default(1),
    /** Prose: who holds the position, as written ("Petro", "U.S. officials", "he"). */
    holder: text("holder"),
    /** Prose: a direct quote, reported speech, or a government's action. */
    attribution: text("attribution", { enum: ATTRIBUTIONS }),
    /** Prose: the verb or cue that made the passage a stance ("said", "urged", "deported", "según"). */
    attributionCue: text("attribution_cue"),
    lineStart: integer("line_start").notNull(),
    lineEnd: integer("line_end").notNull(),
    columnStart: integer("column_start").notNull(),
    columnEnd: integer("column_end").notNull(),
    sourceTableId: integer("source_table_id").references(() => sourceTables.id, { onDelete: "cascade" }),
    tableRow: integer("table_row"),
    tableColumn: integer("table_column"),
    /** Dictionary score in [−1, 1]; null when no cue matched ("not scored", never 0). */
    score: real("score"),
    cuePositive: integer("cue_positive").notNull().default(0),
    cueNegative: integer("cue_negative").notNull().default(0),
    cues: text("cues", { mode: "json" }).$type<StanceCue[]>().notNull().default([]),
    /** An analyst's position from seeds/overrides.json, shown instead of the score and marked as such. */
    overridePosition: real("override_position"),
    overrideNote: text("override_note"),
  },
  (t) => [
    // Dashboard order within an issue, actor and document: the stance download reads it without sorting (db/stances.ts).
    index("stances_order").on(t.issueSlug, t.actorId, t.documentId, t.lineStart, t.columnStart),
    // A window of a long document reads its stances by line.
    index("stances_document_line").on(t.documentId, t.lineStart),
  ],
);
export type Stance = typeof stances.$inferSelect;
export type NewStance = typeof stances.$inferInsert;

/**
 * What search reads: a passage per stance (its text and holder) and per non-blank line of a document's text.
 * Written and removed by SQL triggers on documents and stances (migration 0005), so it changes in the same
 * transaction as the rows it copies, whoever writes them; the FTS5 table `search_index` indexes it.
 */
export const searchPassages = sqliteTable(
  "search_passages",
  {
    id: integer("id").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** The stance this passage is; null for a line of the document's text. */
    stanceId: integer("stance_id").references(() => stances.id, { onDelete: "cascade" }),
    lineStart: integer("line_start").notNull(),
    lineEnd: integer("line_end").notNull(),
    body: text("body").notNull(),
    holder: text("holder"),
  },
  (t) => [index("search_passages_document").on(t.documentId), uniqueIndex("search_passages_stance").on(t.stanceId)],
);
export type SearchPassage = typeof searchPassages.$inferSelect;

export const ingestRuns = sqliteTable("ingest_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at").notNull(),
  documentsSeen: integer("documents_seen").notNull(),
  documentsChanged: integer("documents_changed").notNull(),
  documentsUnchanged: integer("documents_unchanged").notNull(),
  documentsFailed: integer("documents_failed").notNull(),
  tables: integer("tables").notNull(),
  stances: integer("stances").notNull(),
  warnings: text("warnings", { mode: "json" }).$type<{ file: string; line: number | null; message: string }[]>().notNull(),
});
export type IngestRun = typeof ingestRuns.$inferSelect;
