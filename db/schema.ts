import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  path: text("path").notNull(),
  format: text("format", { enum: ["txt", "md", "html"] }).notNull(),
  title: text("title"),
  outlet: text("outlet"),
  published: text("published"),
  url: text("url"),
  metadataNote: text("metadata_note"),
  contentHash: text("content_hash").notNull(),
  codebookHash: text("codebook_hash").notNull(),
  lineCount: integer("line_count").notNull(),
  text: text("text").notNull(),
  ingestedAt: text("ingested_at").notNull(),
});
export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;

export const actors = sqliteTable("actors", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  labelEs: text("label_es").notNull(),
  sortOrder: integer("sort_order").notNull(),
});
export type Actor = typeof actors.$inferSelect;

export const issues = sqliteTable("issues", {
  slug: text("slug").primaryKey(),
  kind: text("kind", { enum: ["codebook", "other"] }).notNull(),
  label: text("label").notNull(),
  labelEs: text("label_es"),
  description: text("description"),
  poleNegative: text("pole_negative"),
  polePositive: text("pole_positive"),
  sortOrder: integer("sort_order").notNull(),
});
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
    rows: text("rows", { mode: "json" }).$type<string[][]>().notNull(),
    rowLines: text("row_lines", { mode: "json" }).$type<number[]>().notNull(),
    layout: text("layout", { enum: ["issue-column", "issue-from-content", "transposed", "no-actors"] }).notNull(),
    note: text("note"),
  },
  (t) => [uniqueIndex("source_tables_document_ordinal").on(t.documentId, t.ordinal)],
);
export type SourceTable = typeof sourceTables.$inferSelect;
export type NewSourceTable = typeof sourceTables.$inferInsert;

export interface StanceCue {
  cue: string;
  matched: string;
  pole: "negative" | "positive";
  negatedBy: string | null;
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
      .notNull()
      .references(() => actors.id),
    kind: text("kind", { enum: ["table", "list", "prose"] }).notNull(),
    text: text("text").notNull(),
    issueEvidence: text("issue_evidence").notNull(),
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
    index("stances_issue_actor").on(t.issueSlug, t.actorId),
    index("stances_document").on(t.documentId),
  ],
);
export type Stance = typeof stances.$inferSelect;
export type NewStance = typeof stances.$inferInsert;

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
