/** One point in time on a timeline chart: a dated document, or a month of documents, with both governments' positions there. */
export interface TimelineRow {
  key: string;
  /** The point's date (a month: its first day) as UTC milliseconds, its place on the axis. */
  t: number;
  /** YYYY-MM-DD for a document, YYYY-MM for a month. */
  date: string;
  monthly: boolean;
  /** The date was inferred from the document's text, not stated: drawn hollow and said in words. */
  inferred: boolean;
  /** The document (or, for a month, the issue page filtered to its documents). */
  href: string;
  /** The document's name, or how many documents the month holds. */
  documents: string;
  us: number | null;
  co: number | null;
}

const DAY = 86_400_000;

/** A point's place on the time axis: its day (a month: the first day) at 00:00 UTC, in milliseconds. */
export function timeOf(date: string): number {
  return Date.parse(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`);
}

/** The time axis for a set of points: their first and last dates, widened so that a single date sits in the middle. */
export function timelineDomain(times: number[]): [number, number] {
  if (times.length === 0) return [0, DAY];
  const first = Math.min(...times);
  const last = Math.max(...times);
  const pad = Math.max(15 * DAY, (last - first) * 0.06);
  return [first - pad, last + pad];
}
