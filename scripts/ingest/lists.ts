import type { ActorId, AliasHit, Codebook, CodebookActor } from "./codebook";
import { findActorMentions, matchIssue } from "./codebook";
import { fold } from "./fold";
import type { ParsedListItem } from "./parse";
import { subSpan, trimClause } from "./span";
import type { ExtractedStance, IngestNote, IssueRef } from "./stance";
import { issueForLabel } from "./stance";

const LABEL = /^([^:;]{1,60}):\s+/;
const DETERMINER = /(?:^|\s)(the|el|la|los|las)\s+$/i;
const PREPOSITION =
  /(?:^|[\s(])(for|in|to|of|with|from|on|at|by|against|toward|towards|into|about|over|like|para|en|de|del|con|desde|por|contra|hacia|sobre|al)\s+(?:(?:the|el|la|los|las)\s+)?$/i;
const TRAILING_CONNECTIVE = /[\s,;]+(?:and|while|whereas|but|as|y|e|mientras|pero|aunque)?\s*$/i;
const WORD = /[\p{L}\p{N}]+/gu;

type ListRule = "list:labelled" | "list:subject-split";
/** A labelled bullet states issue and actor; splitting an unlabelled bullet at its subjects is a guess about its grammar. */
const LIST_CONFIDENCE: Record<ListRule, number> = { "list:labelled": 0.95, "list:subject-split": 0.8 };

export interface ListExtraction {
  stances: ExtractedStance[];
  notes: IngestNote[];
}

/** An actor mention that acts as a subject ("the U.S. eyes…"), not an object ("for U.S. companies"). */
function subjectMentions(text: string, book: Codebook): AliasHit<CodebookActor>[] {
  const folded = fold(text);
  return findActorMentions(text, book).filter((hit) => !PREPOSITION.test(folded.slice(0, hit.start)));
}

/** Start of a clause that opens with a mention, reaching back over a determiner ("the U.S."). */
function clauseStart(text: string, mentionStart: number): number {
  const determiner = DETERMINER.exec(text.slice(0, mentionStart));
  return determiner ? mentionStart - determiner[0].trimStart().length : mentionStart;
}

function wordsAfter(text: string, offset: number): number {
  return text.slice(offset).match(WORD)?.length ?? 0;
}

function labelled(item: ParsedListItem, label: string, book: Codebook, out: ListExtraction) {
  const labelIssue = matchIssue(label, book);
  if (!labelIssue && findActorMentions(label, book).length > 0) {
    out.notes.push({ line: item.lineStart, message: `bullet "${label}:" names an actor, not an issue; not read as stances` });
    return;
  }
  const { issue, evidence } = issueForLabel(label, book);
  const clauses: { actor: ActorId; start: number; end: number }[] = [];
  let from = (LABEL.exec(item.text)?.[0].length ?? 0);
  for (const part of item.text.slice(from).split(";")) {
    const [start, end] = trimClause(item.text, from, from + part.length);
    from += part.length + 1;
    if (start >= end) continue;
    const clause = item.text.slice(start, end);
    const mentions = subjectMentions(clause, book);
    const first = mentions[0] ?? findActorMentions(clause, book)[0];
    if (!first) {
      out.notes.push({ line: item.lineStart, message: `bullet "${label}:" clause "${clause}" names no actor; skipped` });
      continue;
    }
    clauses.push({ actor: first.target.id, start, end });
  }
  if (clauses.length > 0 && issue.kind === "other")
    out.notes.push({ line: item.lineStart, message: `bullet label "${label}" matches none of the codebook issues; stored as other issue "${issue.label}"` });
  for (const clause of clauses) out.stances.push(stanceOf(item, clause, issue, evidence, "list:labelled"));
}

function unlabelled(item: ParsedListItem, book: Codebook, out: ListExtraction) {
  const text = item.text;
  const subjects = subjectMentions(text, book).filter((hit) => wordsAfter(text, hit.end) >= 2);
  const turns = subjects.filter((hit, i) => i === 0 || hit.target.id !== subjects[i - 1]?.target.id);
  if (turns.length === 0) return;
  const starts = turns.map((hit) => clauseStart(text, hit.start));
  const lead = text.slice(0, starts[0]);
  const match = matchIssue(lead, book) ?? matchIssue(text, book);
  if (!match) return;
  const issue: IssueRef = { slug: match.issue.slug, label: match.issue.label, kind: "codebook" };
  turns.forEach((hit, i) => {
    const next = starts[i + 1] ?? text.length;
    const body = text.slice(0, next).replace(TRAILING_CONNECTIVE, "");
    const [start, end] = trimClause(text, starts[i] as number, body.length);
    out.stances.push(stanceOf(item, { actor: hit.target.id, start, end }, issue, match.evidence, "list:subject-split"));
  });
}

function stanceOf(
  item: ParsedListItem,
  clause: { actor: ActorId; start: number; end: number },
  issue: IssueRef,
  evidence: string,
  rule: ListRule,
): ExtractedStance {
  return {
    actor: clause.actor,
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
 * actor that opens it. A bullet without a label gives one stance per actor that is the subject of
 * a clause ("… as Petro pushes X and the U.S. eyes Y"), split where the next actor's clause begins.
 */
export function extractListItem(item: ParsedListItem, book: Codebook): ListExtraction {
  const out: ListExtraction = { stances: [], notes: [] };
  const label = LABEL.exec(item.text)?.[1];
  if (label && label.trim().split(/\s+/).length <= 6) labelled(item, label.trim(), book, out);
  else unlabelled(item, book, out);
  return out;
}
