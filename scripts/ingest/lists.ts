import type { ActorId, Codebook } from "./codebook";
import { findActorMentions, matchIssue } from "./codebook";
import { fold, foldKeepAccents } from "./fold";
import { VERB_FORMS } from "./prose/verbs";
import type { ParsedListItem } from "./parse";
import { subSpan, trimClause } from "./span";
import type { ExtractedStance, IngestNote, IssueRef } from "./stance";
import { issueForLabel, otherIssueNote } from "./stance";

const LABEL = /^([^:;]{1,60}):\s+/;
const DETERMINER = /(?:^|\s)(the|el|la|los|las)\s+$/i;
/** A mention right after a preposition is an object or a place ("for U.S. companies", "between Bogotá and …", "under Petro"), not a subject. */
const PREPOSITION =
  /(?:^|[\s(])(for|in|to|of|with|from|on|at|by|against|toward|towards|into|about|over|like|between|among|amid|under|after|before|across|through|beyond|without|within|via|despite|behind|around|per|para|en|de|del|con|desde|por|contra|hacia|sobre|al|entre|bajo|tras|ante|segun|sin|durante|mediante)\s+(?:(?:the|el|la|los|las)\s+)?$/i;
/** Attribution verbs (lower case, accents kept: "pidió", not the noun "pidio"): a mention right after one is its object ("Villavicencio asked Washington to …"), not a subject. */
const VERBS = new Set(VERB_FORMS.map((v) => v.form));
const LAST_WORD = /([\p{L}]+)\s+(?:(?:the|el|la|los|las|a|al)\s+)?$/u;

function afterVerb(before: string): boolean {
  const word = LAST_WORD.exec(before)?.[1];
  return word !== undefined && VERBS.has(word);
}

/** Words joining two mentions into one group ("the United States and Colombia", "Bogotá y Washington"). */
const COORDINATION = /^\s*(?:,|and|or|&|y|e|o|as well as|as much as)\s*$/i;
/** Where a new subject may begin a clause: after punctuation or a connective ("…, while Bogotá argues"). */
const CLAUSE_BOUNDARY =
  /(?:[,;:]|(?:^|\s)(?:and|while|whereas|but|as|yet|though|although|y|e|mientras|pero|aunque|en tanto que))\s+(?:(?:the|el|la|los|las)\s+)?$/i;
/** In a label, "of" after a stance noun names the holder ("Position of Colombia", "Postura de EE. UU."). */
const STANCE_OF =
  /(?:^|\s)(?:positions?|views?|stances?|priority|priorities|goals?|line|demands?|proposals?|posicion(?:es)?|posturas?|vision|prioridad(?:es)?|objetivos?|exigencias?|propuestas?)\s+(?:of|de|del)\s+(?:(?:the|el|la|los|las)\s+)?$/i;
const TRAILING_CONNECTIVE = /[\s,;]+(?:and|while|whereas|but|as|yet|though|although|y|e|mientras|pero|aunque)?\s*$/i;
const WORD = /[\p{L}\p{N}]+/gu;

type ListRule = "list:labelled" | "list:actor-labelled" | "list:subject-split";
/**
 * A bullet labelled with its issue states issue and actors; one labelled with an actor states the
 * actor but leaves the issue to its words; splitting an unlabelled bullet at its subjects is a guess
 * about its grammar.
 */
const LIST_CONFIDENCE: Record<ListRule, number> = { "list:labelled": 0.95, "list:actor-labelled": 0.85, "list:subject-split": 0.8 };

export interface ListExtraction {
  stances: ExtractedStance[];
  notes: IngestNote[];
}

/** Actor mentions joined by "and", "y", "," into one group, and whether the group is a subject. */
interface MentionGroup {
  actors: ActorId[];
  start: number;
  end: number;
  subject: boolean;
}

function mentionGroups(text: string, book: Codebook): MentionGroup[] {
  const folded = fold(text);
  const accented = foldKeepAccents(text);
  const groups: MentionGroup[] = [];
  for (const hit of findActorMentions(text, book)) {
    const last = groups[groups.length - 1];
    if (last && COORDINATION.test(folded.slice(last.end, hit.start))) {
      if (!last.actors.includes(hit.target.id)) last.actors.push(hit.target.id);
      last.end = hit.end;
      continue;
    }
    const before = folded.slice(0, hit.start);
    // "niños estadounidenses": a Spanish demonym after its noun is an adjective, not a subject.
    const adjective = /^\p{Ll}/u.test(text.slice(hit.start, hit.end)) && /\p{L}\s+$/u.test(before) && !DETERMINER.test(before);
    groups.push({ actors: [hit.target.id], start: hit.start, end: hit.end, subject: !PREPOSITION.test(before) && !afterVerb(accented.slice(0, hit.start)) && !adjective });
  }
  return groups;
}

function wordsAfter(text: string, offset: number): number {
  return text.slice(offset).match(WORD)?.length ?? 0;
}

/** Start of a clause that opens with a mention, reaching back over a determiner ("the U.S."). */
function clauseStart(text: string, mentionStart: number): number {
  const determiner = DETERMINER.exec(text.slice(0, mentionStart));
  return determiner ? mentionStart - determiner[0].trimStart().length : mentionStart;
}

interface Clause {
  actors: ActorId[];
  start: number;
  end: number;
}

/**
 * The clauses of `text` that open with an actor as their subject: a new clause begins where another
 * actor's subject follows punctuation or a connective ("X pushes A, while Y argues B"); a subject
 * naming both actors ("The United States and Colombia both want …") is one clause held by both.
 */
function subjectClauses(text: string, book: Codebook, from = 0, to = text.length): Clause[] {
  const part = text.slice(0, to);
  const folded = fold(part);
  const subjects = mentionGroups(part, book).filter((g) => g.start >= from && g.subject && wordsAfter(part, g.end) >= 2);
  const opening: MentionGroup[] = [];
  for (const group of subjects) {
    const previous = opening[opening.length - 1];
    if (!previous) opening.push(group);
    else if (group.actors.join() !== previous.actors.join() && CLAUSE_BOUNDARY.test(folded.slice(previous.end, group.start))) opening.push(group);
  }
  const starts = opening.map((group) => clauseStart(part, group.start));
  return opening.map((group, i) => {
    const next = starts[i + 1] ?? to;
    const body = part.slice(0, next).replace(TRAILING_CONNECTIVE, "");
    const [start, end] = trimClause(part, starts[i] as number, Math.max(body.length, starts[i] as number));
    return { actors: group.actors, start, end };
  });
}

/** The `;`-separated parts of a bullet after its label, as [start, end) offsets. */
function parts(text: string, from: number): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  for (const part of text.slice(from).split(";")) {
    out.push([at, at + part.length]);
    at += part.length + 1;
  }
  return out;
}

function issueLabelled(item: ParsedListItem, label: string, from: number, book: Codebook, out: ListExtraction) {
  const found = issueForLabel(label, book);
  const clauses: Clause[] = [];
  for (const [start, end] of parts(item.text, from)) {
    const [s, e] = trimClause(item.text, start, end);
    if (s >= e) continue;
    const own = subjectClauses(item.text, book, s, e);
    // The part is its first subject's, words before that subject included ("After the talks, Bogotá …").
    if (own[0]) own[0].start = s;
    if (own.length === 0) out.notes.push({ line: item.lineStart, message: `bullet "${label}:" clause "${item.text.slice(s, e)}" names no actor as its subject; skipped` });
    clauses.push(...own);
  }
  if (clauses.length > 0 && found.issue.kind === "other") out.notes.push({ line: item.lineStart, message: `bullet label ${otherIssueNote(`"${label}"`, found)}` });
  for (const clause of clauses) for (const actor of clause.actors) out.stances.push(stanceOf(item, actor, clause, found.issue, found.evidence, "list:labelled"));
}

function actorLabelled(item: ParsedListItem, label: string, actor: ActorId, from: number, book: Codebook, out: ListExtraction) {
  for (const [start, end] of parts(item.text, from)) {
    const [s, e] = trimClause(item.text, start, end);
    if (s >= e) continue;
    const clause = item.text.slice(s, e);
    const match = matchIssue(clause, book);
    if (!match) {
      out.notes.push({ line: item.lineStart, message: `bullet "${label}:" clause "${clause}" names no single issue; skipped` });
      continue;
    }
    const issue: IssueRef = { slug: match.issue.slug, label: match.issue.label, kind: "codebook" };
    out.stances.push(stanceOf(item, actor, { start: s, end: e }, issue, match.evidence, "list:actor-labelled"));
  }
}

function unlabelled(item: ParsedListItem, book: Codebook, out: ListExtraction) {
  const clauses = subjectClauses(item.text, book);
  const first = clauses[0];
  if (!first) return;
  const match = matchIssue(item.text.slice(0, first.start), book) ?? matchIssue(item.text, book);
  if (!match) return;
  const issue: IssueRef = { slug: match.issue.slug, label: match.issue.label, kind: "codebook" };
  for (const clause of clauses) for (const actor of clause.actors) out.stances.push(stanceOf(item, actor, clause, issue, match.evidence, "list:subject-split"));
}

function stanceOf(
  item: ParsedListItem,
  actor: ActorId,
  clause: { start: number; end: number },
  issue: IssueRef,
  evidence: string,
  rule: ListRule,
): ExtractedStance {
  return {
    actor,
    issue,
    issueEvidence: evidence,
    kind: "list",
    span: subSpan(item, clause.start, clause.end),
    rule,
    confidence: LIST_CONFIDENCE[rule],
  };
}

/**
 * Stances in bullets. "Issue: <clause>; <clause>" gives one stance per clause, attributed to the
 * actor that is its subject; "Actor: <clause>; <clause>" gives the actor's stance on the issue each
 * clause names. A bullet without a label gives one stance per actor that is the subject of a clause
 * ("… as Petro pushes X and the U.S. eyes Y"), split where the next actor's clause begins.
 */
export function extractListItem(item: ParsedListItem, book: Codebook): ListExtraction {
  const out: ListExtraction = { stances: [], notes: [] };
  const head = LABEL.exec(item.text);
  const label = head?.[1]?.trim();
  if (!head || !label || label.split(/\s+/).length > 6) {
    unlabelled(item, book, out);
    return out;
  }
  const from = head[0].length;
  const groups = mentionGroups(label, book);
  if (groups.length === 0 || issueForLabel(label, book).issue.kind === "codebook") {
    issueLabelled(item, label, from, book, out);
    return out;
  }
  const [only] = groups;
  const holder = only && (only.subject || STANCE_OF.test(fold(label.slice(0, only.start))));
  if (groups.length === 1 && holder && only.actors.length === 1 && only.actors[0]) {
    actorLabelled(item, label, only.actors[0], from, book, out);
    return out;
  }
  out.notes.push({ line: item.lineStart, message: `bullet "${label}:" names an actor, not an issue, and not as the holder of a position; not read as stances` });
  return out;
}
