import "server-only";

/**
 * The read model: every page reads through these functions, each on the process's read-only
 * connection unless given another. One definition per dataset: the downloads (db/export.ts) map the
 * same rows the pages show.
 */
export { getCorpusSummary, getIssue, listActors, listIssues, type ActorSummary, type CorpusSummary, type IssueSummary } from "./corpus";
export {
  countDocuments,
  documentIndex,
  getDocument,
  getDocumentSummary,
  getLineSizes,
  documentLines,
  listDocumentChoices,
  listDocumentPage,
  listDocuments,
  listDocumentTitles,
  type DocumentChoices,
  type DocumentDetail,
  type DocumentSummary,
  type SourceTableView,
} from "./documents";
export { listDocumentPositions, listIssuePositions, type DocumentPosition, type IssuePosition } from "./positions";
export { findStance, listRepresentativeStances, listStancePage, listStances, stanceIndex, type StanceView } from "./stances";
export { SEARCH_PAGE_SIZE, type SearchHit, searchPage } from "./search";
export { listTimeline, MONTHLY_ABOVE, type TimelinePoint } from "./timeline";
