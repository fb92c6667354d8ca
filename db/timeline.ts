import { asc } from "drizzle-orm";
import { getDb, type ParallaxDb } from "./client";
import type { StanceFilter } from "./filters";
import { memo } from "./memo";
import { type DocumentPosition, listDocumentPositions, logitPosition, type Tally } from "./positions";
import { type ActorId, type Document, documents } from "./schema";

/** Above this many dated documents on an issue, its timeline has one point per month instead of one per document. */
export const MONTHLY_ABOVE = 12;

export type TimelineDocument = Pick<Document, "slug" | "title" | "published" | "publishedBasis">;

export interface TimelinePoint extends Tally {
  issueSlug: string;
  issueLabel: string;
  issueLabelEs: string | null;
  /** "document": one dated document; "month": the documents published in a month; "undated": a document without a date, listed apart. */
  period: "document" | "month" | "undated";
  /** YYYY-MM-DD for a document, YYYY-MM for a month, null for an undated document. */
  date: string | null;
  /** True when the date of any of the point's documents was inferred from its text rather than stated. */
  inferred: boolean;
  documents: TimelineDocument[];
  actorId: ActorId;
  actorLabel: string;
  actorLabelEs: string;
  position: number | null;
  /** |US − Colombia| at this point; null unless both are scored. */
  gap: number | null;
}

/** A stored date the timeline can place: a real calendar day written YYYY-MM-DD. Anything else is undated, never guessed. */
export function calendarDate(value: string | null): string | null {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(value) ? value : null;
}

const TALLY_KEYS = ["stances", "scoredStances", "positive", "negative", "tableStances", "listStances", "proseStances"] as const;

function sumTallies(tallies: Tally[]): Tally {
  const sum: Tally = { stances: 0, scoredStances: 0, positive: 0, negative: 0, tableStances: 0, listStances: 0, proseStances: 0 };
  for (const tally of tallies) for (const key of TALLY_KEYS) sum[key] += tally[key];
  return sum;
}

/** Items by key, keys in first-seen order. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

interface Group {
  period: TimelinePoint["period"];
  date: string | null;
  documents: TimelineDocument[];
  rows: DocumentPosition[];
}

/** One issue's rows as points: per dated document (or per month above MONTHLY_ABOVE documents) by date, then the undated documents. */
function issuePoints(rows: DocumentPosition[], dates: Map<string, TimelineDocument>): TimelinePoint[] {
  const bySlug = groupBy(rows, (r) => r.documentSlug);
  const slugs = [...bySlug.keys()];
  const dated = slugs.filter((slug) => calendarDate(dates.get(slug)?.published ?? null) !== null);
  const monthly = dated.length > MONTHLY_ABOVE;
  const groups = new Map<string, Group>();
  for (const slug of slugs) {
    const document = dates.get(slug) ?? { slug, title: null, published: null, publishedBasis: null };
    const day = calendarDate(document.published);
    const date = day && monthly ? day.slice(0, 7) : day;
    const key = date === null ? `undated ${slug}` : monthly ? date : `${date} ${slug}`;
    const group = groups.get(key) ?? { period: date === null ? "undated" : monthly ? "month" : "document", date, documents: [], rows: [] };
    group.documents.push(document);
    group.rows.push(...(bySlug.get(slug) ?? []));
    groups.set(key, group);
  }
  const ordered = [...groups.entries()].sort(([a, ga], [b, gb]) => Number(ga.date === null) - Number(gb.date === null) || a.localeCompare(b));
  return ordered.flatMap(([, group]) => {
    const first = group.rows[0];
    if (!first) return [];
    const actors = [...new Map(group.rows.map((r) => [r.actorId, r])).values()];
    const perActor = actors.map((actor) => {
      const tally = sumTallies(group.rows.filter((r) => r.actorId === actor.actorId));
      return { actor, tally, position: logitPosition(tally.positive, tally.negative) };
    });
    const [us, co] = (["us", "co"] as const).map((id) => perActor.find((p) => p.actor.actorId === id)?.position ?? null);
    const gap = us == null || co == null ? null : Math.abs(us - co);
    return perActor.map(({ actor, tally, position }) => ({
      issueSlug: first.issueSlug,
      issueLabel: first.issueLabel,
      issueLabelEs: first.issueLabelEs,
      period: group.period,
      date: group.date,
      inferred: group.documents.some((d) => d.publishedBasis === "inferred"),
      documents: group.documents,
      actorId: actor.actorId,
      actorLabel: actor.actorLabel,
      actorLabelEs: actor.actorLabelEs,
      ...tally,
      position,
      gap,
    }));
  });
}

/**
 * Positions over time: per issue, each government's position in each dated document (per month when an
 * issue has more than MONTHLY_ABOVE of them, the month's stances pooled as in listIssuePositions), in date
 * order, then the documents without a date. Built on the per-document positions, under the same filter.
 */
export function listTimeline(filter: StanceFilter = {}, db: ParallaxDb = getDb()): TimelinePoint[] {
  return memo(db, `timeline ${JSON.stringify(filter)}`, () => timeline(filter, db));
}

function timeline(filter: StanceFilter, db: ParallaxDb): TimelinePoint[] {
  const rows = listDocumentPositions(filter, db);
  const dates = new Map(
    db
      .select({ slug: documents.slug, title: documents.title, published: documents.published, publishedBasis: documents.publishedBasis })
      .from(documents)
      .orderBy(asc(documents.slug))
      .all()
      .map((d) => [d.slug, d]),
  );
  return [...groupBy(rows, (r) => r.issueSlug).values()].flatMap((issueRows) => issuePoints(issueRows, dates));
}
