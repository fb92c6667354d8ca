import { and, asc, between, Column, eq, inArray, type SQL, sql } from "drizzle-orm";
import { getDb, type ParallaxDb } from "./client";
import { ISSUE_ORDER, type StanceFilter, stanceConditions } from "./filters";
import { memo } from "./memo";
import { stancePosition } from "./positions";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { type ActorId, actors, documents, issues, sourceTables, stances } from "./schema";

/** What a stance shows and cites: its row with its issue, actor, document and source table. */
const STANCE_FIELDS = {
  id: stances.id,
  key: stances.stanceKey,
  issueSlug: stances.issueSlug,
  issueLabel: issues.label,
  issueLabelEs: issues.labelEs,
  actorId: stances.actorId,
  actorLabel: actors.label,
  actorLabelEs: actors.labelEs,
  text: stances.text,
  kind: stances.kind,
  issueEvidence: stances.issueEvidence,
  rule: stances.rule,
  confidence: stances.confidence,
  holder: stances.holder,
  attribution: stances.attribution,
  attributionCue: stances.attributionCue,
  lineStart: stances.lineStart,
  lineEnd: stances.lineEnd,
  columnStart: stances.columnStart,
  columnEnd: stances.columnEnd,
  score: stances.score,
  overridePosition: stances.overridePosition,
  overrideNote: stances.overrideNote,
  cues: stances.cues,
  documentSlug: documents.slug,
  documentTitle: documents.title,
  documentOutlet: documents.outlet,
  documentPublished: documents.published,
  documentPublishedBasis: documents.publishedBasis,
  /** The language the stance is written in (its document's), so a page in the other language can mark it. */
  documentLang: documents.lang,
  documentUrl: documents.url,
  /** For a PDF: the line each page starts on, so the citation can say "page p, line l". */
  documentPageLines: documents.pageLines,
  tableOrdinal: sourceTables.ordinal,
  tableRow: stances.tableRow,
  tableColumn: stances.tableColumn,
};

/** Dashboard order: issue (codebook order), actor (US, Colombia), document, place in the document; id breaks ties. */
const STANCE_ORDER = [...ISSUE_ORDER, asc(actors.sortOrder), asc(actors.id), asc(documents.slug), asc(stances.lineStart), asc(stances.columnStart), asc(stances.id)];

/** The ids of the stances matching `where`, in dashboard order, read by index like the download (nothing sorted). */
function orderedIds(db: ParallaxDb, where: SQL | undefined): number[] {
  return selectInOrder(db, { id: stances.id }, where)
    .all()
    .map((row) => Number(row.id));
}

type StanceField = keyof typeof STANCE_FIELDS;

/** The stances matching `where` in dashboard order, with the given fields: one statement, its rows streamed. */
function selectWhere(db: ParallaxDb, fields: Partial<typeof STANCE_FIELDS>, where: SQL | undefined) {
  return db
    .select(fields)
    .from(stances)
    .innerJoin(issues, eq(issues.slug, stances.issueSlug))
    .innerJoin(actors, eq(actors.id, stances.actorId))
    .innerJoin(documents, eq(documents.id, stances.documentId))
    .leftJoin(sourceTables, eq(sourceTables.id, stances.sourceTableId))
    .where(where)
    .orderBy(...STANCE_ORDER);
}

/**
 * The same rows in the same order, read issue by issue, actor by actor, document by document (CROSS JOIN fixes
 * SQLite's loops in that order), so each loop walks an index in dashboard order (issues_order, actors_order,
 * documents_slug_unique, stances_order) and nothing is sorted: sorting 100,000 whole rows was a third of the
 * download's SQLite time. For reads of the whole filter; a few stances by id or line are read by selectWhere.
 */
function selectInOrder(db: ParallaxDb, fields: Record<string, AnySQLiteColumn>, where: SQL | undefined) {
  return db
    .select(fields)
    .from(issues)
    .crossJoin(actors)
    .crossJoin(documents)
    .crossJoin(stances)
    .leftJoin(sourceTables, eq(sourceTables.id, stances.sourceTableId))
    .where(and(eq(stances.issueSlug, issues.slug), eq(stances.actorId, actors.id), eq(stances.documentId, documents.id), where))
    .orderBy(...STANCE_ORDER);
}

type FieldValue<K extends StanceField> = (typeof STANCE_FIELDS)[K]["_"]["notNull"] extends true
  ? (typeof STANCE_FIELDS)[K]["_"]["data"]
  : (typeof STANCE_FIELDS)[K]["_"]["data"] | null;
/** A stance's fields as read; the source table is left-joined, so its ordinal may be null. */
type StanceRow = Omit<{ [K in StanceField]: FieldValue<K> }, "tableOrdinal"> & { tableOrdinal: number | null };

export interface StanceView extends StanceRow {
  /** The override where there is one, else the dictionary score; null when not scored. */
  position: number | null;
  positionSource: "dictionary" | "override" | null;
}

/**
 * Stances matching `where`, in dashboard order, read lazily from one statement (one snapshot; reading ids first
 * and then rows in batches by id sorted everything twice and cost half a 100,000-stance download). Only the
 * fields named are read. Ending the generator early (a cancelled
 * download) resets the statement, so the connection can be closed at any row.
 *
 * Rows are read as the select's raw values and decoded column by column with each column's own
 * decoder (JSON columns parsed), in select order. Drizzle's generic row mapping gives the same
 * object but cost about 5 µs a row, a third of a 100,000-stance download.
 */
function* iterateWhere<K extends StanceField>(db: ParallaxDb, where: SQL | undefined, keys: readonly K[]): Generator<Pick<StanceView, K | "position" | "positionSource">> {
  const fields = withPosition(keys);
  const query = selectWhere(db, Object.fromEntries(fields), where).toSQL();
  const statement = db.$client.prepare(query.sql).raw(true);
  const template = rowTemplate(fields);
  for (const values of statement.iterate(...query.params) as IterableIterator<unknown[]>) {
    const row: Record<string, unknown> = { ...template };
    decodeInto(row, fields, values);
    yield placed<K>(row);
  }
}

/** A field, and its column when the column turns the stored value into another (JSON text parsed); null when kept as stored. */
type Field = readonly [StanceField, AnySQLiteColumn, AnySQLiteColumn | null];

/** The fields named, with the score and the override the position is worked out from. */
function withPosition(keys: readonly StanceField[]): Field[] {
  return [...new Set<StanceField>([...keys, "score", "overridePosition"])].map((key) => {
    const column = STANCE_FIELDS[key];
    // Most columns keep the stored value: calling their decoder for every value of 100,000 rows cost a tenth of reading them.
    return [key, column, column.mapFromDriverValue === Column.prototype.mapFromDriverValue ? null : column] as const;
  });
}

/**
 * A row with every field of the read, copied for each row: a row built up key by key from `{}` passed V8's limit
 * for fast properties and became a hash table, slow to fill and slow to read every field of again.
 */
function rowTemplate(fields: readonly Field[]): Record<string, unknown> {
  return Object.fromEntries([...fields.map(([key]) => [key, null]), ["position", null], ["positionSource", null]]);
}

/** Values read often (a stance's cues) decoded once per stored text, at most MEMO_TEXTS of them kept at a time. */
class JsonMemo {
  private readonly decoded = new Map<unknown, unknown>();

  decode(decoder: AnySQLiteColumn, value: unknown): unknown {
    let known = this.decoded.get(value);
    if (known === undefined) {
      known = decoder.mapFromDriverValue(value);
      if (this.decoded.size >= MEMO_TEXTS) this.decoded.clear();
      this.decoded.set(value, known);
    }
    return known;
  }
}
// Cue lists repeat (most stances have none or one of a few hundred cues), so a few hundred cover most rows.
const MEMO_TEXTS = 1024;

/**
 * Raw values, in the fields' order, decoded by each field's own column (JSON columns parsed) into `row`. With a memo,
 * rows with the same stored text share its decoded value (parsing each row's cues was a tenth of a download): read only.
 */
function decodeInto(row: Record<string, unknown>, fields: readonly Field[], values: unknown[], memo?: JsonMemo): void {
  for (let i = 0; i < fields.length; i++) {
    const value = values[i];
    const [key, , decoder] = fields[i] as Field;
    row[key] = value === null || value === undefined ? null : decoder === null ? value : memo ? memo.decode(decoder, value) : decoder.mapFromDriverValue(value);
  }
}

/** The row with its position (the override where there is one, else the score). */
function placed<K extends StanceField>(row: Record<string, unknown>): Pick<StanceView, K | "position" | "positionSource"> {
  const { position, source } = stancePosition((row.score ?? null) as number | null, (row.overridePosition ?? null) as number | null);
  row.position = position;
  row.positionSource = source;
  return row as Pick<StanceView, K | "position" | "positionSource">;
}

/** Tables whose fields are the same for every stance of one of their rows, and the stance column that names the row. */
const SHARED_TABLES = [
  { table: issues, id: issues.slug, key: stances.issueSlug },
  { table: actors, id: actors.id, key: stances.actorId },
  { table: documents, id: documents.id, key: stances.documentId },
];

/**
 * Stances matching `where` in dashboard order without a sort (selectInOrder). A stance's issue, actor and
 * document fields are read once per issue, actor and document and kept for the statement, not once per
 * stance: per stance they were a quarter of the statement's time (each document row read again, and its
 * values turned into JavaScript strings again) for values that repeat on every stance of the document.
 */
function* iterateInOrder<K extends StanceField>(db: ParallaxDb, where: SQL | undefined, keys: readonly K[]): Generator<Pick<StanceView, K | "position" | "positionSource">> {
  const fields = withPosition(keys);
  const shared = SHARED_TABLES.map((shared) => ({ ...shared, fields: fields.filter(([, column]) => column.table === shared.table) })).filter(
    (shared) => shared.fields.length > 0,
  );
  const own = fields.filter(([, column]) => !shared.some(({ table }) => column.table === table));
  // A row's issue and actor are read once: a key the row already reads as a field (issueSlug, actorId) is not read again.
  const keyAt: number[] = [];
  const extraKeys: [string, AnySQLiteColumn][] = [];
  shared.forEach(({ key }, i) => {
    const at = own.findIndex(([, column]) => column === key);
    keyAt.push(at >= 0 ? at : own.length + extraKeys.length);
    if (at < 0) extraKeys.push([`shared${i}`, key]);
  });
  const query = selectInOrder(db, Object.fromEntries([...own, ...extraKeys]), where).toSQL();
  const lookups = shared.map(({ table, id, fields: sharedFields }) => {
    const one = db.select(Object.fromEntries(sharedFields)).from(table).where(eq(id, sql.placeholder("id"))).toSQL();
    return { fields: sharedFields, statement: db.$client.prepare(one.sql).raw(true), decoded: new Map<unknown, Record<string, unknown>>() };
  });
  const statement = db.$client.prepare(query.sql).raw(true);
  const template = rowTemplate(fields);
  const parsed = new JsonMemo();
  // Rows come grouped by issue, actor and document: the shared fields are filled in once per group, into the row
  // every row of the group is copied from (filling them into each row was a tenth of a download's reading).
  let group = template;
  const groupKeys: unknown[] = lookups.map(() => undefined);
  for (const values of statement.iterate(...query.params) as IterableIterator<unknown[]>) {
    let sameGroup = true;
    for (let i = 0; i < lookups.length; i++) sameGroup = sameGroup && values[keyAt[i] as number] === groupKeys[i];
    if (!sameGroup) {
      group = { ...template };
      for (let i = 0; i < lookups.length; i++) {
        const { fields: sharedFields, statement: one, decoded } = lookups[i] as (typeof lookups)[number];
        const value = values[keyAt[i] as number];
        groupKeys[i] = value;
        let known = decoded.get(value);
        if (!known) {
          known = {};
          decodeInto(known, sharedFields, one.get(value) as unknown[]);
          decoded.set(value, known);
        }
        for (const [key] of sharedFields) group[key] = known[key];
      }
    }
    const row: Record<string, unknown> = { ...group };
    decodeInto(row, own, values, parsed);
    yield placed<K>(row);
  }
}

const ALL_FIELDS = Object.keys(STANCE_FIELDS) as StanceField[];

/** Stances matching the filter in dashboard order (issue, actor, document, line), read lazily: the rows of the stance download. */
export function iterateStances(filter: StanceFilter = {}, db: ParallaxDb = getDb()): Generator<StanceView> {
  return iterateInOrder(db, stanceConditions(filter), ALL_FIELDS);
}

/** The same stances with only the given fields (and the position), for downloads that need a few of them. */
export function iterateStanceFields<K extends StanceField>(keys: readonly K[], filter: StanceFilter, db: ParallaxDb): Generator<Pick<StanceView, K | "position" | "positionSource">> {
  return iterateInOrder(db, stanceConditions(filter), keys);
}

/** One document's stances in document order (line, then column), only those starting on `lines` when given. */
export function listDocumentStances(documentId: number, lines: { from: number; to: number } | undefined, db: ParallaxDb = getDb()): StanceView[] {
  const where = and(eq(stances.documentId, documentId), lines ? between(stances.lineStart, lines.from, lines.to) : undefined);
  return [...iterateWhere(db, where, ALL_FIELDS)].sort((a, b) => a.lineStart - b.lineStart || a.columnStart - b.columnStart);
}

/** Stances matching the filter, in dashboard order. */
export function listStances(filter: StanceFilter = {}, db: ParallaxDb = getDb()): StanceView[] {
  return [...iterateStances(filter, db)];
}

/** The stances with these ids (the stances among search results), in dashboard order. */
export function listStancesById(ids: number[], db: ParallaxDb = getDb()): StanceView[] {
  return ids.length ? [...iterateWhere(db, inArray(stances.id, ids), ALL_FIELDS)] : [];
}

/** The ids of the stances matching the filter in dashboard order, read once per state of the database. */
function orderedStanceIds(filter: StanceFilter, db: ParallaxDb): number[] {
  return memo(db, `stance-ids ${JSON.stringify(filter)}`, () => orderedIds(db, stanceConditions(filter)));
}

export interface StancePage {
  /** The stances from `offset`, at most `limit` of them, in dashboard order. */
  stances: StanceView[];
  /** How many stances match the filter in all. */
  total: number;
}

/** A page of the stances matching the filter: a long list is shown a page at a time, and only the page's rows are read. */
export function listStancePage(filter: StanceFilter, offset: number, limit: number, db: ParallaxDb = getDb()): StancePage {
  const ids = orderedStanceIds(filter, db);
  return { stances: listStancesById(ids.slice(offset, offset + limit), db), total: ids.length };
}

/** Where a stance is: its issue and government, found by its key (as links and the source view name it). */
export function findStance(key: string, db: ParallaxDb = getDb()): { id: number; issueSlug: string; actorId: ActorId } | null {
  return db.select({ id: stances.id, issueSlug: stances.issueSlug, actorId: stances.actorId }).from(stances).where(eq(stances.stanceKey, key)).get() ?? null;
}

/** The place of a stance (from 0) among the stances matching the filter, in dashboard order; null when the filter leaves it out. */
export function stanceIndex(id: number, filter: StanceFilter, db: ParallaxDb = getDb()): number | null {
  const at = orderedStanceIds(filter, db).indexOf(id);
  return at < 0 ? null : at;
}

/**
 * Per issue and actor, the stance that best stands for the actor's position: scored stances first,
 * then the one closest to the actor's mean position on the issue, then most cues, then tables before
 * lists, then the first in document order. Ranked in SQL (window functions), so the overview reads
 * two rows per issue, not all.
 */
export function listRepresentativeStances(filter: StanceFilter = {}, db: ParallaxDb = getDb()): StanceView[] {
  return memo(db, `representative-stances ${JSON.stringify(filter)}`, () => representativeStances(filter, db));
}

function representativeStances(filter: StanceFilter, db: ParallaxDb): StanceView[] {
  const position = sql<number | null>`coalesce(${stances.overridePosition}, ${stances.score})`;
  const placed = db.$with("placed").as(
    db
      .select({
        id: stances.id,
        issueSlug: stances.issueSlug,
        actorId: stances.actorId,
        kind: stances.kind,
        lineStart: stances.lineStart,
        columnStart: stances.columnStart,
        documentSlug: sql<string>`${documents.slug}`.as("document_slug"),
        position: position.as("position"),
        cueCount: sql<number>`json_array_length(${stances.cues})`.as("cue_count"),
        mean: sql<number | null>`avg(${position}) over (partition by ${stances.issueSlug}, ${stances.actorId})`.as("mean"),
      })
      .from(stances)
      .innerJoin(documents, eq(documents.id, stances.documentId))
      .where(stanceConditions(filter)),
  );
  const ranked = db.$with("ranked").as(
    db
      .with(placed)
      .select({
        id: placed.id,
        rank: sql<number>`row_number() over (
          partition by ${placed.issueSlug}, ${placed.actorId}
          order by ${placed.position} is null, abs(${placed.position} - ${placed.mean}), ${placed.cueCount} desc,
                   ${placed.kind} <> 'table', ${placed.documentSlug}, ${placed.lineStart}, ${placed.columnStart})`.as("rank"),
      })
      .from(placed),
  );
  const firsts = db.with(ranked).select({ id: ranked.id }).from(ranked).where(eq(ranked.rank, 1));
  return [...iterateWhere(db, inArray(stances.id, firsts), ALL_FIELDS)];
}
