import { and, asc, count, eq, exists, inArray, or, sql } from "drizzle-orm";
import { getDb, type ParallaxDb } from "./client";
import { ISSUE_ORDER, type StanceFilter, stanceConditions } from "./filters";
import { memo } from "./memo";
import { type ActorId, actors, documents, type Issue, issues, stances } from "./schema";

/**
 * Actor × issue positions on each issue's axis (dictionary scaling, after Lowe, Benoit, Mikhaylov &
 * Laver 2011): log((Σpositive + ½) / (Σnegative + ½)) over the actor's stances on the issue. An
 * analyst override of position p counts as (1 + p)/2 positive and (1 − p)/2 negative hits, so it
 * weighs as one cue. Null when none of the stances was scored — "not scored", never 0.
 */
export function logitPosition(positive: number, negative: number): number | null {
  if (positive + negative === 0) return null;
  return Math.log((positive + 0.5) / (negative + 0.5));
}

/** A stance's position: the analyst's override where there is one, else the dictionary score; null when neither. */
export function stancePosition(
  score: number | null,
  override: number | null,
): { position: number | null; source: "dictionary" | "override" | null } {
  if (override !== null) return { position: override, source: "override" };
  return score === null ? { position: null, source: null } : { position: score, source: "dictionary" };
}

/** The counts behind a position, over a group of stances. */
const TALLY = {
  stances: count(stances.id),
  scoredStances: sql<number>`count(case when ${stances.overridePosition} is not null or ${stances.score} is not null then 1 end)`,
  positive: sql<number>`coalesce(sum(case when ${stances.overridePosition} is not null then (1 + ${stances.overridePosition}) / 2.0 else ${stances.cuePositive} end), 0)`,
  negative: sql<number>`coalesce(sum(case when ${stances.overridePosition} is not null then (1 - ${stances.overridePosition}) / 2.0 else ${stances.cueNegative} end), 0)`,
  tableStances: sql<number>`count(case when ${stances.kind} = 'table' then 1 end)`,
  listStances: sql<number>`count(case when ${stances.kind} = 'list' then 1 end)`,
  proseStances: sql<number>`count(case when ${stances.kind} = 'prose' then 1 end)`,
};

/** The counts behind a position, and the evidence it rests on: how many of its stances are table cells, bullets and prose. */
export interface Tally {
  stances: number;
  scoredStances: number;
  positive: number;
  negative: number;
  tableStances: number;
  listStances: number;
  proseStances: number;
}

const NO_STANCES: Tally = { stances: 0, scoredStances: 0, positive: 0, negative: 0, tableStances: 0, listStances: 0, proseStances: 0 };

type IssueFields = Pick<Issue, "label" | "kind" | "poleNegative" | "polePositive">;

export interface IssuePosition extends Tally {
  issueSlug: string;
  issueLabel: string;
  /** Null for an "other" issue, which is named only as its document wrote it. */
  issueLabelEs: string | null;
  issueKind: IssueFields["kind"];
  actorId: ActorId;
  actorLabel: string;
  actorLabelEs: string;
  poleNegative: string | null;
  poleNegativeEs: string | null;
  polePositive: string | null;
  polePositiveEs: string | null;
  position: number | null;
  /** |US − Colombia| on this issue under the filter's documents and kinds, whichever actors are listed; null unless both are scored. */
  gap: number | null;
}

/**
 * One row per issue × actor: every codebook issue and every other issue with stances (codebook issues
 * first), even where the filter leaves no stance. The gap is the issue's, so filtering by actor keeps it.
 */
export function listIssuePositions(filter: StanceFilter = {}, db: ParallaxDb = getDb()): IssuePosition[] {
  return memo(db, `issue-positions ${JSON.stringify(filter)}`, () => issuePositions(filter, db));
}

function issuePositions(filter: StanceFilter, db: ParallaxDb): IssuePosition[] {
  const { actors: actorFilter, ...rest } = filter;
  const tallies = db
    .select({ issueSlug: stances.issueSlug, actorId: stances.actorId, ...TALLY })
    .from(stances)
    .where(stanceConditions(rest))
    .groupBy(stances.issueSlug, stances.actorId)
    .all();
  const issueRows = db
    .select({
      slug: issues.slug,
      label: issues.label,
      labelEs: issues.labelEs,
      kind: issues.kind,
      poleNegative: issues.poleNegative,
      poleNegativeEs: issues.poleNegativeEs,
      polePositive: issues.polePositive,
      polePositiveEs: issues.polePositiveEs,
    })
    .from(issues)
    .where(
      and(
        or(eq(issues.kind, "codebook"), exists(db.select({ one: sql`1` }).from(stances).where(eq(stances.issueSlug, issues.slug)))),
        filter.issues?.length ? inArray(issues.slug, filter.issues) : undefined,
      ),
    )
    .orderBy(...ISSUE_ORDER)
    .all();
  const actorRows = db.select({ id: actors.id, label: actors.label, labelEs: actors.labelEs }).from(actors).orderBy(asc(actors.sortOrder)).all();
  return issueRows.flatMap((issue) => {
    const perActor = actorRows.map((actor) => {
      const found = tallies.find((t) => t.issueSlug === issue.slug && t.actorId === actor.id);
      const tally: Tally = found
        ? {
            stances: found.stances,
            scoredStances: found.scoredStances,
            positive: found.positive,
            negative: found.negative,
            tableStances: found.tableStances,
            listStances: found.listStances,
            proseStances: found.proseStances,
          }
        : NO_STANCES;
      return { actor, tally, position: logitPosition(tally.positive, tally.negative) };
    });
    const [us, co] = ["us", "co"].map((id) => perActor.find((p) => p.actor.id === id)?.position ?? null);
    const gap = us == null || co == null ? null : Math.abs(us - co);
    return perActor
      .filter(({ actor }) => !actorFilter?.length || actorFilter.includes(actor.id))
      .map(({ actor, tally, position }) => ({
        issueSlug: issue.slug,
        issueLabel: issue.label,
        issueLabelEs: issue.labelEs,
        issueKind: issue.kind,
        actorId: actor.id,
        actorLabel: actor.label,
        actorLabelEs: actor.labelEs,
        poleNegative: issue.poleNegative,
        poleNegativeEs: issue.poleNegativeEs,
        polePositive: issue.polePositive,
        polePositiveEs: issue.polePositiveEs,
        ...tally,
        position,
        gap,
      }));
  });
}

export interface DocumentPosition extends Tally {
  issueSlug: string;
  issueLabel: string;
  issueLabelEs: string | null;
  documentSlug: string;
  documentTitle: string | null;
  actorId: ActorId;
  actorLabel: string;
  actorLabelEs: string;
  position: number | null;
}

/**
 * Per issue, document and actor, the position in that document alone: one row for each actor of every
 * document with at least one stance on the issue under the filter (an actor without stances there has
 * 0 stances and no position). The issue page's chart, its table and the download are these rows.
 */
export function listDocumentPositions(filter: StanceFilter = {}, db: ParallaxDb = getDb()): DocumentPosition[] {
  return memo(db, `document-positions ${JSON.stringify(filter)}`, () => documentPositions(filter, db));
}

function documentPositions(filter: StanceFilter, db: ParallaxDb): DocumentPosition[] {
  const { actors: actorFilter, ...rest } = filter;
  const tallies = db
    .select({
      issueSlug: stances.issueSlug,
      issueLabel: issues.label,
      issueLabelEs: issues.labelEs,
      documentSlug: documents.slug,
      documentTitle: documents.title,
      actorId: stances.actorId,
      ...TALLY,
    })
    .from(stances)
    .innerJoin(issues, eq(issues.slug, stances.issueSlug))
    .innerJoin(documents, eq(documents.id, stances.documentId))
    .where(stanceConditions(rest))
    .groupBy(stances.issueSlug, documents.slug, stances.actorId)
    .orderBy(...ISSUE_ORDER, asc(documents.slug))
    .all();
  const actorRows = db
    .select({ id: actors.id, label: actors.label, labelEs: actors.labelEs })
    .from(actors)
    .where(actorFilter?.length ? inArray(actors.id, actorFilter) : undefined)
    .orderBy(asc(actors.sortOrder))
    .all();
  const groups = new Map<string, { first: (typeof tallies)[number]; byActor: Map<ActorId, Tally> }>();
  for (const tally of tallies) {
    const key = JSON.stringify([tally.issueSlug, tally.documentSlug]);
    const group = groups.get(key) ?? { first: tally, byActor: new Map<ActorId, Tally>() };
    group.byActor.set(tally.actorId, tally);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap(({ first, byActor }) =>
    actorRows.map((actor) => {
      const found = byActor.get(actor.id);
      const { stances: n, scoredStances, positive, negative, tableStances, listStances, proseStances } = found ?? NO_STANCES;
      return {
        issueSlug: first.issueSlug,
        issueLabel: first.issueLabel,
        issueLabelEs: first.issueLabelEs,
        documentSlug: first.documentSlug,
        documentTitle: first.documentTitle,
        actorId: actor.id,
        actorLabel: actor.label,
        actorLabelEs: actor.labelEs,
        stances: n,
        scoredStances,
        positive,
        negative,
        tableStances,
        listStances,
        proseStances,
        position: logitPosition(positive, negative),
      };
    }),
  );
}
