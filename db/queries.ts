import "server-only";
import { databasePath, openReadOnlyDatabase, type ParallaxDb } from "./client";
import { type ActorId, filterClause, STANCE_JOINS, STANCE_ORDER, type StanceFilter, type StanceKind } from "./filters";
import { type IssuePosition, listIssuePositions as positionsOf, logitPosition, POSITION_AGGREGATES, stancePosition } from "./positions";
import type { Attribution, DocumentFormat, StanceCue } from "./schema";

/**
 * The read model: every page and route reads through these functions. One read-only connection
 * per process, opened on first use, so a build without a database does not fail.
 */
let connection: { path: string; db: ParallaxDb } | null = null;

export function getDb(): ParallaxDb {
  const path = databasePath();
  if (!connection || connection.path !== path) connection = { path, db: openReadOnlyDatabase(path) };
  return connection.db;
}

export interface CorpusSummary {
  documents: number;
  sourceTables: number;
  stances: number;
  scoredStances: number;
  /** Rows of the per-document positions dataset: distinct issue × document × actor. */
  documentPositions: number;
  lastIngestAt: string | null;
}

export function getCorpusSummary(db = getDb()): CorpusSummary {
  return db.$client
    .prepare(
      `SELECT (SELECT COUNT(*) FROM documents) AS documents,
              (SELECT COUNT(*) FROM source_tables) AS sourceTables,
              (SELECT COUNT(*) FROM stances) AS stances,
              (SELECT COUNT(*) FROM stances WHERE score IS NOT NULL OR override_position IS NOT NULL) AS scoredStances,
              (SELECT COUNT(*) FROM (SELECT DISTINCT issue_slug, document_id, actor_id FROM stances)) AS documentPositions,
              (SELECT MAX(finished_at) FROM ingest_runs) AS lastIngestAt`,
    )
    .get() as CorpusSummary;
}

export interface IssueSummary {
  slug: string;
  kind: "codebook" | "other";
  label: string;
  labelEs: string | null;
  description: string | null;
  poleNegative: string | null;
  polePositive: string | null;
}

const ISSUE_COLUMNS = `slug, kind, label, label_es AS labelEs, description, pole_negative AS poleNegative, pole_positive AS polePositive`;

/** Codebook issues in codebook order, then "other" issues that have stances. */
export function listIssues(db = getDb()): IssueSummary[] {
  return db.$client.prepare(`SELECT ${ISSUE_COLUMNS} FROM issues ORDER BY kind, sort_order, slug`).all() as IssueSummary[];
}

export function getIssue(slug: string, db = getDb()): IssueSummary | null {
  return (db.$client.prepare(`SELECT ${ISSUE_COLUMNS} FROM issues WHERE slug = ?`).get(slug) as IssueSummary | undefined) ?? null;
}

export function listIssuePositions(filter: StanceFilter = {}, db = getDb()): IssuePosition[] {
  return positionsOf(db, filter);
}

export interface StanceView {
  id: number;
  key: string;
  issueSlug: string;
  issueLabel: string;
  actorId: ActorId;
  actorLabel: string;
  text: string;
  kind: StanceKind;
  issueEvidence: string;
  rule: string;
  confidence: number;
  holder: string | null;
  attribution: Attribution | null;
  attributionCue: string | null;
  lineStart: number;
  lineEnd: number;
  columnStart: number;
  columnEnd: number;
  score: number | null;
  overridePosition: number | null;
  overrideNote: string | null;
  cues: StanceCue[];
  /** The override where there is one, else the dictionary score; null when not scored. */
  position: number | null;
  positionSource: "dictionary" | "override" | null;
  documentSlug: string;
  documentTitle: string | null;
  documentOutlet: string | null;
  documentPublished: string | null;
  documentUrl: string | null;
  /** For a PDF: the line each page starts on, so the citation can say "page p, line l". */
  documentPageLines: number[] | null;
  tableOrdinal: number | null;
  tableRow: number | null;
  tableColumn: number | null;
}

type StanceRow = Omit<StanceView, "cues" | "position" | "positionSource" | "documentPageLines"> & { cues: string; documentPageLines: string | null };

function toStanceView(row: StanceRow): StanceView {
  const { position, source } = stancePosition(row.score, row.overridePosition);
  const documentPageLines = row.documentPageLines ? (JSON.parse(row.documentPageLines) as number[]) : null;
  return { ...row, cues: JSON.parse(row.cues) as StanceCue[], documentPageLines, position, positionSource: source };
}

const STANCE_VIEW_COLUMNS = `s.id, s.stance_key AS key, s.issue_slug AS issueSlug, i.label AS issueLabel, s.actor_id AS actorId,
              a.label AS actorLabel, s.text, s.kind, s.issue_evidence AS issueEvidence,
              s.rule, s.confidence, s.holder, s.attribution, s.attribution_cue AS attributionCue,
              s.line_start AS lineStart, s.line_end AS lineEnd, s.column_start AS columnStart, s.column_end AS columnEnd,
              s.score, s.override_position AS overridePosition, s.override_note AS overrideNote, s.cues,
              d.slug AS documentSlug, d.title AS documentTitle, d.outlet AS documentOutlet,
              d.published AS documentPublished, d.url AS documentUrl, d.page_lines AS documentPageLines,
              t.ordinal AS tableOrdinal, s.table_row AS tableRow, s.table_column AS tableColumn`;

/** Stances matching the filter, ordered by issue, actor, document and line. */
export function listStances(filter: StanceFilter = {}, db = getDb()): StanceView[] {
  const { sql, params } = filterClause(filter);
  const rows = db.$client
    .prepare(`SELECT ${STANCE_VIEW_COLUMNS} ${STANCE_JOINS} WHERE 1 = 1${sql} ${STANCE_ORDER}`)
    .all(...params) as StanceRow[];
  return rows.map(toStanceView);
}

/**
 * Per issue and actor, the stance that best stands for the actor's position: scored stances first,
 * then the one closest to the actor's mean position on the issue, then most cues, then tables before
 * lists, then the first in document order. Ranked in SQL, so the overview reads 2 rows per issue, not all.
 */
export function listRepresentativeStances(db = getDb()): StanceView[] {
  const rows = db.$client
    .prepare(
      `WITH placed AS (
         SELECT s.id, s.issue_slug, s.actor_id, s.kind, s.line_start, s.column_start, d.slug AS doc,
                COALESCE(s.override_position, s.score) AS p, json_array_length(s.cues) AS cueCount,
                AVG(COALESCE(s.override_position, s.score)) OVER (PARTITION BY s.issue_slug, s.actor_id) AS mean
           FROM stances s JOIN documents d ON d.id = s.document_id),
       ranked AS (
         SELECT id, ROW_NUMBER() OVER (
                  PARTITION BY issue_slug, actor_id
                  ORDER BY p IS NULL, ABS(p - mean), cueCount DESC, kind <> 'table', doc, line_start, column_start) AS rank
           FROM placed)
       SELECT ${STANCE_VIEW_COLUMNS} ${STANCE_JOINS}
        WHERE s.id IN (SELECT id FROM ranked WHERE rank = 1)
        ${STANCE_ORDER}`,
    )
    .all() as StanceRow[];
  return rows.map(toStanceView);
}

export interface DocumentPosition {
  documentSlug: string;
  documentTitle: string | null;
  actorId: ActorId;
  stances: number;
  scoredStances: number;
  position: number | null;
}

/** Per document and actor, the position on one issue (same logit aggregate as the issue positions). */
export function listDocumentPositions(issueSlug: string, filter: StanceFilter = {}, db = getDb()): DocumentPosition[] {
  const onStances = filterClause({ issues: [issueSlug], kinds: filter.kinds });
  const onDocuments = filterClause({ documents: filter.documents });
  const rows = db.$client
    .prepare(
      `SELECT d.slug AS documentSlug, d.title AS documentTitle, a.id AS actorId,
              ${POSITION_AGGREGATES}
         FROM documents d
         CROSS JOIN actors a
         LEFT JOIN stances s ON s.document_id = d.id AND s.actor_id = a.id${onStances.sql}
        WHERE EXISTS (SELECT 1 FROM stances x WHERE x.document_id = d.id AND x.issue_slug = ?)${onDocuments.sql}
        GROUP BY d.slug, a.id
        ORDER BY d.slug, a.sort_order`,
    )
    .all(...onStances.params, issueSlug, ...onDocuments.params) as (Omit<DocumentPosition, "position"> & { positive: number; negative: number })[];
  return rows.map(({ positive, negative, ...row }) => ({ ...row, position: logitPosition(positive, negative) }));
}

export interface DocumentSummary {
  slug: string;
  path: string;
  format: DocumentFormat;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  publishedBasis: "stated" | "inferred" | null;
  publishedEvidence: string | null;
  url: string | null;
  metadataNote: string | null;
  lineCount: number;
  ingestedAt: string;
  tables: number;
  stances: number;
  usStances: number;
  coStances: number;
}

const DOCUMENT_SUMMARY = `SELECT d.slug, d.path, d.format, d.title, d.outlet, d.author, d.published,
        d.published_basis AS publishedBasis, d.published_evidence AS publishedEvidence, d.url, d.metadata_note AS metadataNote,
        d.line_count AS lineCount, d.ingested_at AS ingestedAt,
        (SELECT COUNT(*) FROM source_tables t WHERE t.document_id = d.id) AS tables,
        (SELECT COUNT(*) FROM stances s WHERE s.document_id = d.id) AS stances,
        (SELECT COUNT(*) FROM stances s WHERE s.document_id = d.id AND s.actor_id = 'us') AS usStances,
        (SELECT COUNT(*) FROM stances s WHERE s.document_id = d.id AND s.actor_id = 'co') AS coStances
   FROM documents d`;

export function listDocuments(db = getDb()): DocumentSummary[] {
  return db.$client.prepare(`${DOCUMENT_SUMMARY} ORDER BY d.slug`).all() as DocumentSummary[];
}

export interface SourceTableView {
  id: number;
  ordinal: number;
  lineStart: number;
  lineEnd: number;
  header: string[];
  rows: string[][];
  rowLines: number[];
  layout: "issue-column" | "issue-from-content" | "transposed" | "no-actors";
  note: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  sourceTables: SourceTableView[];
  stanceList: StanceView[];
}

export function getDocument(slug: string, db = getDb()): DocumentDetail | null {
  const summary = db.$client.prepare(`${DOCUMENT_SUMMARY} WHERE d.slug = ?`).get(slug) as DocumentSummary | undefined;
  if (!summary) return null;
  const text = db.$client.prepare("SELECT text FROM documents WHERE slug = ?").pluck().get(slug) as string;
  const tables = db.$client
    .prepare(
      `SELECT t.id, t.ordinal, t.line_start AS lineStart, t.line_end AS lineEnd, t.header, t.rows, t.row_lines AS rowLines,
              t.layout, t.note
         FROM source_tables t JOIN documents d ON d.id = t.document_id WHERE d.slug = ? ORDER BY t.ordinal`,
    )
    .all(slug) as (Omit<SourceTableView, "header" | "rows" | "rowLines"> & { header: string; rows: string; rowLines: string })[];
  return {
    ...summary,
    text,
    sourceTables: tables.map((t) => ({ ...t, header: JSON.parse(t.header), rows: JSON.parse(t.rows), rowLines: JSON.parse(t.rowLines) })),
    stanceList: listStances({ documents: [slug] }, db).sort((a, b) => a.lineStart - b.lineStart || a.columnStart - b.columnStart),
  };
}
