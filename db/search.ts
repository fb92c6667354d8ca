import { and, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { getDb, type ParallaxDb } from "./client";
import { memo } from "./memo";
import { type StanceFilter, stanceConditions } from "./filters";
import { type Document, documents, searchPassages, stances } from "./schema";
import { MARK_END, MARK_START, type SearchQuery, termQueries, toFtsQuery, widenQuery } from "./search-query";
import { listStancesById, type StanceView } from "./stances";

/** The FTS5 table over search_passages; declared here, not in schema.ts, because drizzle-kit cannot create it (migration 0005 does). */
const searchIndex = sqliteTable("search_index", {
  rowid: integer("rowid").notNull(),
  body: text("body").notNull(),
  holder: text("holder"),
});

/** Words of context a snippet keeps around the match. */
const SNIPPET_TOKENS = 32;
export const SEARCH_PAGE_SIZE = 20;

/** "all": every word of the query matched; "any": no passage had them all, so passages with any of them are shown. */
export type SearchMode = "all" | "any";

export interface SearchHit {
  /** The place in the results, from 1. */
  rank: number;
  /** How well the passage matches: −bm25, higher is better. */
  relevance: number;
  /** A stance's text, or a line of a document's text. */
  match: "stance" | "text";
  document: Pick<Document, "slug" | "title" | "outlet" | "published" | "publishedBasis" | "lang" | "url" | "pageLines">;
  lineStart: number;
  lineEnd: number;
  /** The whole passage as written. */
  text: string;
  /** The part of the passage around the match, matched words between MARK_START and MARK_END, "…" where cut. */
  snippet: string;
  /** The prose stance's holder, matched words marked; null when it has none. */
  holder: string | null;
  stance: StanceView | null;
}

interface Ranked {
  id: number;
  documentId: number;
  stanceId: number | null;
  relevance: number;
}

/**
 * Which passages the filter keeps: stances by issue, actor, document, kind and evidence; lines of text by
 * document only, and none once the filter asks for an issue, actor or kind (a line holds no such thing).
 */
function passageConditions(filter: StanceFilter): SQL | undefined {
  const narrowed = Boolean(filter.issues?.length || filter.actors?.length || filter.kinds?.length);
  const inDocuments = filter.documents?.length
    ? inArray(searchPassages.documentId, sql`(select ${documents.id} from ${documents} where ${inArray(documents.slug, filter.documents)})`)
    : undefined;
  return or(
    and(isNotNull(searchPassages.stanceId), stanceConditions(filter)),
    narrowed ? sql`0` : and(isNull(searchPassages.stanceId), inDocuments),
  );
}

/**
 * Every passage matching the FTS5 query under the filter, best first: with `terms`, those having more of the
 * terms first (coordination, for "any word" searches), then bm25, then passage id. A line of text on which a
 * matching stance of the same document sits is left out: the stance stands for it.
 */
function rankPassages(db: ParallaxDb, fts: string, filter: StanceFilter, terms: string[] = []): Ranked[] {
  const hits = sql`hits`;
  const matched = terms.length
    ? sql.join(
        terms.map((term) => sql`(${searchPassages.id} in (select rowid from ${searchIndex} where ${searchIndex} match ${term}))`),
        sql` + `,
      )
    : sql`0`;
  // Materialized: inlined, the CTE's full-text query ran again for every hit the NOT EXISTS looked at (quadratic:
  // 90 s for "coca" at 100,000 stances); as a table it is read once, through an automatic index on its document.
  return db.all<Ranked>(sql`
    with ${hits} as materialized (
      select ${searchPassages.id} as id, ${searchPassages.documentId} as document_id, ${searchPassages.stanceId} as stance_id,
             ${searchPassages.lineStart} as line_start, ${searchPassages.lineEnd} as line_end,
             bm25(${searchIndex}) as score, ${matched} as matched
      from ${searchIndex}
      join ${searchPassages} on ${searchPassages.id} = ${searchIndex.rowid}
      left join ${stances} on ${stances.id} = ${searchPassages.stanceId}
      where ${searchIndex} match ${fts} and ${passageConditions(filter) ?? sql`1`}
    )
    select id, document_id as documentId, stance_id as stanceId, -score as relevance from ${hits}
    where stance_id is not null or not exists (
      select 1 from ${hits} as covering
      where covering.stance_id is not null and covering.document_id = ${hits}.document_id
        and ${hits}.line_start between covering.line_start and covering.line_end
    )
    order by matched desc, score, id`);
}

interface RankedQuery {
  mode: SearchMode;
  ranked: Ranked[];
  fts: string;
  terms: string[];
}

/** The ranked passages for the query, widened from "all words" to "any word" when no passage has them all. */
function rankQuery(db: ParallaxDb, query: SearchQuery, filter: StanceFilter): RankedQuery | null {
  const all = toFtsQuery(query, "all");
  if (all === null) return null;
  const ranked = rankPassages(db, all, filter);
  const wider = ranked.length === 0 ? widenQuery(query) : null;
  const any = wider && toFtsQuery(wider, "any");
  if (!wider || !any) return { mode: "all", ranked, fts: all, terms: [] };
  const terms = termQueries(wider);
  return { mode: "any", ranked: rankPassages(db, any, filter, terms), fts: any, terms };
}

/** The passages' words and places, with their snippets, and the stances among them; in the order given. */
function readHits(db: ParallaxDb, fts: string, ranked: Ranked[], firstRank: number): SearchHit[] {
  if (ranked.length === 0) return [];
  const rows = db
    .select({
      id: searchPassages.id,
      lineStart: searchPassages.lineStart,
      lineEnd: searchPassages.lineEnd,
      text: searchPassages.body,
      snippet: sql<string>`snippet(${searchIndex}, 0, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS})`,
      holder: sql<string | null>`highlight(${searchIndex}, 1, ${MARK_START}, ${MARK_END})`,
      slug: documents.slug,
      title: documents.title,
      outlet: documents.outlet,
      published: documents.published,
      publishedBasis: documents.publishedBasis,
      lang: documents.lang,
      url: documents.url,
      pageLines: documents.pageLines,
    })
    .from(searchIndex)
    .innerJoin(searchPassages, sql`${searchPassages.id} = ${searchIndex.rowid}`)
    .innerJoin(documents, sql`${documents.id} = ${searchPassages.documentId}`)
    .where(
      and(
        sql`${searchIndex} match ${fts}`,
        inArray(searchPassages.id, sql`(select value from json_each(${JSON.stringify(ranked.map((r) => r.id))}))`),
      ),
    )
    .all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const stanceIds = ranked.flatMap((r) => (r.stanceId === null ? [] : [r.stanceId]));
  const stanceById = new Map(listStancesById(stanceIds, db).map((s) => [s.id, s]));
  return ranked.flatMap((r, i) => {
    const row = byId.get(r.id);
    if (!row) return [];
    const { slug, title, outlet, published, publishedBasis, lang, url, pageLines } = row;
    return [
      {
        rank: firstRank + i,
        relevance: r.relevance,
        match: r.stanceId === null ? "text" : "stance",
        document: { slug, title, outlet, published, publishedBasis, lang, url, pageLines },
        lineStart: row.lineStart,
        lineEnd: row.lineEnd,
        text: row.text,
        snippet: row.snippet,
        holder: row.holder,
        stance: r.stanceId === null ? null : (stanceById.get(r.stanceId) ?? null),
      },
    ];
  });
}

/** Opens a read transaction unless one is open, so every statement sees the same snapshot; the returned function ends what it opened. */
function openSnapshot(db: ParallaxDb): () => void {
  const client = db.$client;
  const own = !client.inTransaction;
  if (own) client.exec("BEGIN");
  return () => {
    if (own && client.open && client.inTransaction) client.exec("COMMIT");
  };
}

export interface SearchDocumentCount {
  slug: string;
  title: string | null;
  hits: number;
}

export interface SearchResultPage {
  mode: SearchMode;
  total: number;
  /** The page asked for, from 1; it may lie past the last page, which then shows no hits. */
  page: number;
  pages: number;
  hits: SearchHit[];
  /** The documents with hits under every filter but the document filter, most hits first: the page's document choices. */
  documents: SearchDocumentCount[];
}

function countByDocument(db: ParallaxDb, ranked: Ranked[]): SearchDocumentCount[] {
  const counts = new Map<number, number>();
  for (const r of ranked) counts.set(r.documentId, (counts.get(r.documentId) ?? 0) + 1);
  if (counts.size === 0) return [];
  const rows = db
    .select({ id: documents.id, slug: documents.slug, title: documents.title })
    .from(documents)
    .where(inArray(documents.id, [...counts.keys()]))
    .all();
  return rows
    .map((row) => ({ slug: row.slug, title: row.title, hits: counts.get(row.id) ?? 0 }))
    .sort((a, b) => b.hits - a.hits || a.slug.localeCompare(b.slug));
}

/** One page of results (SEARCH_PAGE_SIZE hits) for the search page; null when the query has nothing to search for. */
export function searchPage(query: SearchQuery, filter: StanceFilter, page: number, db: ParallaxDb = getDb()): SearchResultPage | null {
  const end = openSnapshot(db);
  try {
    // Ranked once per query, filter and state of the database: the next page, or the same page again, reads from memory.
    const found = memo(db, `search ${JSON.stringify([query, filter])}`, () => rankQuery(db, query, filter));
    if (!found) return null;
    const { mode, ranked, fts, terms } = found;
    const documents = memo(db, `search-documents ${JSON.stringify([query, filter])}`, () =>
      countByDocument(db, filter.documents?.length ? rankPassages(db, fts, { ...filter, documents: undefined }, terms) : ranked),
    );
    const first = (page - 1) * SEARCH_PAGE_SIZE;
    return {
      mode,
      total: ranked.length,
      page,
      pages: Math.ceil(ranked.length / SEARCH_PAGE_SIZE),
      hits: readHits(db, fts, ranked.slice(first, first + SEARCH_PAGE_SIZE), first + 1),
      documents,
    };
  } finally {
    end();
  }
}

/** Hits are read in batches of this many: no statement stays open between batches. */
const BATCH = 500;

/** Every hit in rank order, read lazily inside one read transaction: the rows of the search download. */
export function* iterateSearchHits(query: SearchQuery, filter: StanceFilter, db: ParallaxDb = getDb()): Generator<SearchHit> {
  const end = openSnapshot(db);
  try {
    const found = rankQuery(db, query, filter);
    if (!found) return;
    for (let at = 0; at < found.ranked.length; at += BATCH) yield* readHits(db, found.fts, found.ranked.slice(at, at + BATCH), at + 1);
  } finally {
    end();
  }
}
