import "server-only";
import { after } from "next/server";
import { cache } from "react";
import { borrowSnapshot, type ParallaxDb } from "./client";
import * as corpus from "./corpus";
import * as documents from "./documents";
import * as filters from "./filters";
import type { StanceFilter } from "./filters";
import * as positions from "./positions";
import * as search from "./search";
import type { SearchQuery } from "./search-query";
import * as stances from "./stances";
import * as timeline from "./timeline";

/**
 * The read model: every page reads through these functions. One definition per dataset: the downloads
 * (db/export.ts) map the same rows the pages show.
 *
 * Within a request every function reads one snapshot: a read-only connection inside one read transaction
 * (WAL), shared by the layout, the metadata and the page through React's per-request cache and released once
 * the response is sent, so a page never mixes two ingest runs, even while an ingest commits between its
 * queries. The connection, and what was memoized on it, then serves later requests. Tests and scripts pass a
 * connection instead.
 */
const requestSnapshot = cache((): ParallaxDb => {
  const { db, release } = borrowSnapshot();
  after(release);
  return db;
});

export type { ActorSummary, CorpusSummary, IssueSummary } from "./corpus";
export { type DocumentChoices, type DocumentDetail, type DocumentSummary, documentLines, type SourceTableView } from "./documents";
export type { DocumentPosition, IssuePosition } from "./positions";
export { SEARCH_PAGE_SIZE, type SearchHit } from "./search";
export type { StanceView } from "./stances";
export { MONTHLY_ABOVE, type TimelinePoint } from "./timeline";

export const listIssues = (db: ParallaxDb = requestSnapshot()) => corpus.listIssues(db);
export const getIssue = (slug: string, db: ParallaxDb = requestSnapshot()) => corpus.getIssue(slug, db);
export const listActors = (db: ParallaxDb = requestSnapshot()) => corpus.listActors(db);
export const getCorpusSummary = (filter: StanceFilter = {}, db: ParallaxDb = requestSnapshot()) => corpus.getCorpusSummary(filter, db);
export const listDocuments = (db: ParallaxDb = requestSnapshot()) => documents.listDocuments(db);
export const getDocumentSummary = (slug: string, db: ParallaxDb = requestSnapshot()) => documents.getDocumentSummary(slug, db);
export const getDocument = (slug: string, db: ParallaxDb = requestSnapshot(), lines?: { from: number; to: number }) => documents.getDocument(slug, db, lines);
export const knownDocumentSlugs = (slugs: readonly string[], db: ParallaxDb = requestSnapshot()) => filters.knownDocumentSlugs(slugs, db);
export const countDocuments = (db: ParallaxDb = requestSnapshot()) => documents.countDocuments(db);
export const documentIndex = (slug: string, db: ParallaxDb = requestSnapshot()) => documents.documentIndex(slug, db);
export const getLineSizes = (slug: string, db: ParallaxDb = requestSnapshot()) => documents.getLineSizes(slug, db);
export const listDocumentChoices = (filter: StanceFilter, limit: number, chosen: readonly string[] = [], db: ParallaxDb = requestSnapshot()) =>
  documents.listDocumentChoices(filter, limit, chosen, db);
export const listDocumentPage = (offset: number, limit: number, db: ParallaxDb = requestSnapshot()) => documents.listDocumentPage(offset, limit, db);
export const listDocumentTitles = (slugs: readonly string[], db: ParallaxDb = requestSnapshot()) => documents.listDocumentTitles(slugs, db);
export const listIssuePositions = (filter: StanceFilter = {}, db: ParallaxDb = requestSnapshot()) => positions.listIssuePositions(filter, db);
export const listDocumentPositions = (filter: StanceFilter = {}, db: ParallaxDb = requestSnapshot()) => positions.listDocumentPositions(filter, db);
export const listStances = (filter: StanceFilter = {}, db: ParallaxDb = requestSnapshot()) => stances.listStances(filter, db);
export const listStancePage = (filter: StanceFilter, offset: number, limit: number, db: ParallaxDb = requestSnapshot()) => stances.listStancePage(filter, offset, limit, db);
export const findStance = (key: string, db: ParallaxDb = requestSnapshot()) => stances.findStance(key, db);
export const stanceIndex = (id: number, filter: StanceFilter, db: ParallaxDb = requestSnapshot()) => stances.stanceIndex(id, filter, db);
export const listRepresentativeStances = (filter: StanceFilter = {}, db: ParallaxDb = requestSnapshot()) => stances.listRepresentativeStances(filter, db);
export const searchPage = (query: SearchQuery, filter: StanceFilter, page: number, db: ParallaxDb = requestSnapshot()) => search.searchPage(query, filter, page, db);
export const listTimeline = (filter: StanceFilter = {}, db: ParallaxDb = requestSnapshot()) => timeline.listTimeline(filter, db);
