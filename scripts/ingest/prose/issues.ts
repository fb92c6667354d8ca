import { aliasHits, type Codebook, findIssueMentions } from "../codebook";
import { WordStarts } from "../fold";
import { anyTerm, type CompiledTerm, matchCopyOfFolded, mayMatchAny } from "../score";
import type { IssueRef } from "../stance";
import type { Passage } from "./passage";

/** A word of the text that puts it on an issue: a codebook issue's alias or topic, or an "other" issue's topic. */
export interface IssueHit {
  issue: IssueRef;
  start: number;
  end: number;
  /** The words as written. */
  evidence: string;
}

/** One pattern per issue: its topic terms as alternatives, longest first. */
interface TopicPattern {
  issue: IssueRef;
  pattern: RegExp;
  terms: CompiledTerm[];
}

const TOPIC_PATTERNS = new WeakMap<Codebook, TopicPattern[]>();

/** Terms as one pattern of alternatives, longest first, so the longest topic wins where two start together. */
const combine = (terms: CompiledTerm[]) => anyTerm([...terms].sort((a, b) => b.pattern.source.length - a.pattern.source.length));

function topicPatterns(book: Codebook): TopicPattern[] {
  let patterns = TOPIC_PATTERNS.get(book);
  if (!patterns) {
    patterns = [
      ...book.issues
        .filter((issue) => issue.topics.length)
        .map((issue) => ({ issue: { slug: issue.slug, label: issue.label, kind: "codebook" as const }, pattern: combine(issue.topics), terms: issue.topics })),
      ...book.otherIssues.map((other) => ({
        issue: { slug: other.slug, label: other.label, kind: "other" as const },
        pattern: combine(other.topics),
        terms: other.topics,
      })),
    ];
    TOPIC_PATTERNS.set(book, patterns);
  }
  return patterns;
}

/** Per other issue with person topics: one pattern of them, longest first. */
const PERSON_PATTERNS = new WeakMap<Codebook, TopicPattern[]>();

function personPatterns(book: Codebook): TopicPattern[] {
  let patterns = PERSON_PATTERNS.get(book);
  if (!patterns) {
    patterns = book.otherIssues
      .filter((other) => other.personTopics.length)
      .map((other) => ({
        issue: { slug: other.slug, label: other.label, kind: "other" as const },
        pattern: combine(other.personTopics),
        terms: other.personTopics,
      }));
    PERSON_PATTERNS.set(book, patterns);
  }
  return patterns;
}

/** A name after a person topic: capitalised words, with the particles of Spanish names ("Laura Quintero", "a Gustavo Petro", "on Petro"). */
const OBJECT_NAME = /^\s+(?:on\s+|against\s+|a\s+|al\s+|contra\s+)?(\p{Lu}[\p{L}’'-]+(?:\s+(?:de\s+|del\s+|de\s+la\s+)?\p{Lu}[\p{L}’'-]+)*)/u;

/** A person named by office after a person topic: "sanctioned the Colombian president", "sancionado al mandatario colombiano". */
const OBJECT_OFFICE =
  /^\s+(?:on\s+|against\s+|a\s+|al\s+|contra\s+)?(?:the\s+|el\s+|la\s+)?(?:\p{L}+\s+)?(?:president|presidente|presidenta|mandatario|mandataria|leader|minister|ministro|ministra|canciller|foreign minister)(?!\p{L})/iu;

/**
 * Whether `name` names a person: one of the codebook's people, or two capitalised words or more that no
 * government, office or issue goes by ("Laura Quintero", not "Venezuela", "Petroleos de Venezuela" or "White House").
 */
function isPerson(name: string, book: Codebook): boolean {
  const covers = (hits: { start: number; end: number }[]) => hits.some((h) => h.start === 0 && h.end === name.length);
  if (covers(aliasHits(name, book.actors, (actor) => actor.people))) return true;
  if (name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length < 2 || /^\p{Lu}+$/u.test(name)) return false;
  const institutional = [...aliasHits(name, book.actors, (actor) => [...actor.aliases, ...actor.holders]), ...aliasHits(name, book.issues, (issue) => issue.aliases)];
  return institutional.length === 0;
}

const PASSAGE_HITS = new WeakMap<Passage, IssueHit[]>();

/** A nationality adjective or plural noun: English capitalised before its noun ("Venezuelan", "Venezuelans deported"), Spanish in lower case after it ("venezolanos"). */
const ENGLISH_DEMONYM = /^\p{Lu}\p{L}*(?:an|ian|ese|ish)s?$/u;
const SPANISH_DEMONYM = /^\p{Ll}\p{L}*(?:ano|ana|anos|anas|ense|enses|eño|eña|eños|eñas)$/u;
const adjacent = (a: IssueHit, b: IssueHit, p: Passage) => /^[\s-]+$/.test(p.plain.slice(a.end, b.start));

/**
 * A nationality adjective of one issue that modifies a noun of another names the noun's issue, not its own:
 * "Venezuelan migrants" and "migrantes venezolanos" are migration, as "drug trafficker" is drug policy.
 */
function modifiesNeighbour(hit: IssueHit, before: IssueHit | undefined, after: IssueHit | undefined, p: Passage): boolean {
  if (after && after.issue.slug !== hit.issue.slug && adjacent(hit, after, p) && ENGLISH_DEMONYM.test(hit.evidence)) return true;
  return !!before && before.issue.slug !== hit.issue.slug && adjacent(before, hit, p) && SPANISH_DEMONYM.test(hit.evidence);
}

/** Every issue word of a passage, found once per passage (the prose stage asks about many stretches of one paragraph). */
function passageHits(p: Passage, book: Codebook): IssueHit[] {
  const cached = PASSAGE_HITS.get(p);
  if (cached) return cached;
  const copy = matchCopyOfFolded(p.folded);
  const hits: IssueHit[] = [];
  const push = (issue: IssueRef, s: number, e: number) => hits.push({ issue, start: s, end: e, evidence: p.text.slice(s, e) });
  for (const hit of findIssueMentions(p.plain, book, p.folded))
    push({ slug: hit.target.slug, label: hit.target.label, kind: "codebook" }, hit.start, hit.end);
  const words = WordStarts.of(copy);
  // exec on the shared pattern: matchAll copies a pattern (each holds all of an issue's topics) on every call.
  for (const { issue, pattern, terms } of topicPatterns(book)) {
    // A paragraph that none of an issue's topics can match is not scanned.
    if (!mayMatchAny(terms, copy, words)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(copy); m; m = pattern.exec(copy)) push(issue, m.index, m.index + m[0].length);
  }
  for (const { issue, pattern } of personPatterns(book))
    for (const m of copy.matchAll(pattern)) {
      const end = m.index + m[0].length;
      const rest = p.plain.slice(end);
      const object = OBJECT_NAME.exec(rest);
      const office = object && isPerson(object[1] as string, book) ? object : OBJECT_OFFICE.exec(rest);
      if (office) push(issue, m.index, end + office[0].length);
    }
  const kept: IssueHit[] = [];
  for (const hit of [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  }
  // Words of one issue side by side are one mention ("drug trafficker", "coca crops"), not two.
  const merged: IssueHit[] = [];
  for (const hit of kept.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && last.issue.slug === hit.issue.slug && /^[\s-]*$/.test(p.plain.slice(last.end, hit.start))) {
      merged[merged.length - 1] = { ...last, end: hit.end, evidence: p.text.slice(last.start, hit.end) };
    } else merged.push(hit);
  }
  const headed = merged.filter((hit, i) => !modifiesNeighbour(hit, merged[i - 1], merged[i + 1], p));
  PASSAGE_HITS.set(p, headed);
  return headed;
}

/**
 * Issue words in [start, end) of a passage. Where two overlap the longer wins, across codebook and
 * other issues alike, so "sanctions on him" (a person) is not read as "sanctions" (Venezuela).
 */
export function issueHits(p: Passage, start: number, end: number, book: Codebook): IssueHit[] {
  return passageHits(p, book).filter((hit) => hit.start >= start && hit.end <= end);
}

/**
 * The issue of a stretch of text: the issue it names most, ties going to the one named first
 * ("announced 25% tariffs during a dispute over deportation flights" is about tariffs). Codebook
 * and "other" issues compete alike. Null when it names no issue at all.
 */
export function dominantIssue(hits: IssueHit[]): { hit: IssueHit; ambiguous: boolean } | null {
  const pool = hits;
  if (pool.length === 0) return null;
  const counts = new Map<string, { first: IssueHit; n: number }>();
  for (const hit of pool) {
    const seen = counts.get(hit.issue.slug);
    if (seen) seen.n++;
    else counts.set(hit.issue.slug, { first: hit, n: 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.first.start - b.first.start);
  const [best, second] = ranked;
  if (!best) return null;
  return { hit: best.first, ambiguous: second !== undefined && second.n === best.n };
}

const COORDINATION = /(?:,\s*|\s+)(?:and|as well as|y|e)\s+|;\s*/gi;

/**
 * Splits a stance's words where a coordinated second part turns to another issue: "called for a
 * halt to hydrocarbon use and for a new policy of decriminalization" → energy | drug policy.
 * Returns [start, end) parts, each with its issue hits; a single part when there is nothing to split.
 */
export function splitByIssue(p: Passage, start: number, end: number, hits: IssueHit[]): { start: number; end: number; hits: IssueHit[] }[] {
  const core = hits.filter((h) => h.issue.kind === "codebook");
  const parts: { start: number; end: number }[] = [];
  let from = start;
  for (let i = 1; i < core.length; i++) {
    const previous = core[i - 1] as IssueHit;
    const current = core[i] as IssueHit;
    if (previous.issue.slug === current.issue.slug || previous.end < from) continue;
    const between = p.plain.slice(previous.end, current.start);
    const cuts = [...between.matchAll(COORDINATION)];
    const cut = cuts[cuts.length - 1];
    if (!cut) continue;
    parts.push({ start: from, end: previous.end + cut.index });
    from = previous.end + cut.index + cut[0].length;
  }
  parts.push({ start: from, end });
  return parts.map((part) => ({ ...part, hits: hits.filter((h) => h.start >= part.start && h.end <= part.end) }));
}
