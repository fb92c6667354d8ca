import type { ActorId, Codebook } from "./codebook";
import { findInstitutionMentions, findIssueMentions, matchIssue } from "./codebook";
import { WordStarts } from "./fold";
import type { ParsedBlock, SourceSpan } from "./parse";
import { matchCopy, mayMatch } from "./score";
import { subSpan, trimClause } from "./span";
import type { ExtractedStance, IngestNote, IssueRef } from "./stance";

type SectionRule = "section:bullet" | "section:paragraph";

export interface SectionExtraction {
  stances: ExtractedStance[];
  notes: IngestNote[];
  /** List items this stage read, so the list stage does not read them again. */
  claimed: SourceSpan[];
}

interface Section {
  issue: IssueRef;
  evidence: string;
  depth: number;
}

/** Plain-text headings are all one level, below any Markdown heading. */
const PLAIN_HEADING_DEPTH = 7;
const MAX_HEADING_WORDS = 8;
const LABEL = /^(?:\*\*|__)?([^:;*_]{1,60}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+/;
const DETERMINER = /^(?:the|el|la|los|las)\s+/i;
const CONTRAST = /[,;]?\s+(?:while|whereas|mientras\s+que|mientras)\s+/gi;
const TITLE_ABBREVIATION = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Gov|Gen|Rep|Sec|St|Jr|Sr|Sra|Dra|Prof|No|Lt|Col|Pres)\.$/;
const ABBREVIATION = /(?:^|[\s.])\p{Lu}{1,2}\.$/u;

/** Confidence per rule: an actor's label states the holder; an opening actor is the likely subject; a paragraph may say more than its first sentence. */
const CONFIDENCE = { labelled: 0.9, opener: 0.85, paragraph: 0.75, contrastPenalty: 0.05 };

const stripEmphasis = (text: string) => text.replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, "$1").trim();
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The issue a heading names, when it names exactly one codebook issue and no other topic. */
function headingIssue(heading: string, book: Codebook): { section: Omit<Section, "depth"> | null; issues: string[] } {
  const codebookIssues = new Set(findIssueMentions(heading, book).map((hit) => hit.target.slug));
  const copy = matchCopy(heading);
  const otherTopics = book.otherIssues.filter((other) => other.topics.some((term) => copy.search(term.pattern) >= 0)).map((other) => other.label);
  const issues = [...codebookIssues, ...otherTopics];
  const match = issues.length === 1 ? matchIssue(heading, book) : null;
  return {
    section: match ? { issue: { slug: match.issue.slug, label: match.issue.label, kind: "codebook" }, evidence: heading } : null,
    issues,
  };
}

/**
 * A paragraph of a plain-text document that reads as a heading: one short line, no sentence
 * punctuation at its end, followed by text. A line ending in ":" introduces what follows and is
 * a heading only when it names an issue ("Migration:").
 */
function isPlainHeading(block: ParsedBlock, next: ParsedBlock | undefined, book: Codebook): boolean {
  if (block.type !== "paragraph" || block.container !== "root") return false;
  const text = stripEmphasis(block.span.text);
  if (block.span.lineStart !== block.span.lineEnd || text.length > 80 || wordCount(text) > MAX_HEADING_WORDS) return false;
  if (!/^[\p{Lu}\p{N}¿¡"“'‘]/u.test(text) || /[.!?;,…]["”’)]*$/.test(text)) return false;
  if (text.endsWith(":") && findIssueMentions(text, book).length === 0) return false;
  return next !== undefined && next.type !== "heading" && (next.type !== "paragraph" || !isPlainHeadingShape(next));
}

/** Heading shape without the look-ahead: used to tell that the next block is a heading too. */
function isPlainHeadingShape(block: ParsedBlock & { type: "paragraph" }): boolean {
  const text = stripEmphasis(block.span.text);
  return block.span.lineStart === block.span.lineEnd && wordCount(text) <= MAX_HEADING_WORDS && !/[.!?;,…:]["”’)]*$/.test(text);
}

/** The actor whose mention opens `text` at `from` (after "the"/"el"/"la"…), with where the mention ends. */
function openingActor(text: string, from: number, book: Codebook): { actor: ActorId; end: number; holder: string } | null {
  const determiner = DETERMINER.exec(text.slice(from));
  const at = from + (determiner?.[0].length ?? 0);
  // A holder may include its article ("the administration"); an alias follows it ("the U.S.").
  const hit = findInstitutionMentions(text, book).find((h) => h.start === from || h.start === at);
  return hit ? { actor: hit.target.id, end: hit.end, holder: text.slice(from, hit.end) } : null;
}

/** End of the first sentence from `from`: a . ! or ? before a capital, not an abbreviation ("U.S.", "Mr."). */
function sentenceEnd(text: string, from: number): number {
  const boundary = /[.!?]["”’)]*\s+(?=["“‘(¿¡]?\p{Lu})/gu;
  boundary.lastIndex = from;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const upToStop = text.slice(from, match.index + 1);
    if (text[match.index] === "." && (ABBREVIATION.test(upToStop) || TITLE_ABBREVIATION.test(upToStop))) continue;
    return match.index + match[0].trimEnd().length;
  }
  return text.length;
}

interface Clause {
  actor: ActorId;
  start: number;
  end: number;
  holder: string;
}

/** "X wants A while Y seeks B" → the two governments' clauses; otherwise the clause as it is. */
function splitContrast(text: string, clause: Clause, book: Codebook): Clause[] {
  CONTRAST.lastIndex = clause.start;
  for (let match = CONTRAST.exec(text); match && match.index < clause.end; match = CONTRAST.exec(text)) {
    const after = match.index + match[0].length;
    const other = openingActor(text, after, book);
    if (!other || other.actor === clause.actor) continue;
    return [
      { ...clause, end: match.index },
      { actor: other.actor, start: after, end: clause.end, holder: other.holder },
    ];
  }
  return [clause];
}

/** Clauses of one bullet or paragraph in a section: after an actor's label, or opening with an actor. */
function sectionClauses(text: string, book: Codebook, paragraph: boolean): { clauses: Clause[]; labelled: boolean } | null {
  const label = LABEL.exec(text);
  if (label) {
    const name = (label[1] as string).trim();
    const actor = openingActor(name, 0, book);
    // A label naming an issue is the list stage's; one naming anything else is not an actor's stance.
    if (!actor || wordCount(name) > 4 || actor.end < name.length - 3) return null;
    const end = paragraph ? sentenceEnd(text, label[0].length) : text.length;
    return { clauses: [{ actor: actor.actor, start: label[0].length, end, holder: name }], labelled: true };
  }
  const opener = openingActor(text, 0, book);
  if (!opener || wordCount(text.slice(opener.end)) < 3) return null;
  return { clauses: [{ actor: opener.actor, start: 0, end: paragraph ? sentenceEnd(text, 0) : text.length, holder: opener.holder }], labelled: false };
}

/**
 * An unlabelled paragraph's opening sentence states a position on the section's issue only in the issue's own words
 * or cues: "Washington pushes for tougher interdiction" does, a feature's topic sentence ("Washington has a ready
 * answer.") does not.
 */
function usesIssueWords(text: string, slug: string, book: Codebook): boolean {
  const issue = book.issues.find((i) => i.slug === slug);
  if (!issue) return true;
  const copy = matchCopy(text);
  const words = new WordStarts(copy);
  return [...issue.topics, ...issue.compiledAxis.negative, ...issue.compiledAxis.positive].some((term) => {
    if (!mayMatch(term, copy, words)) return false;
    term.pattern.lastIndex = 0;
    return term.pattern.test(copy);
  });
}

function stancesOf(span: SourceSpan, section: Section, book: Codebook, paragraph: boolean): ExtractedStance[] {
  const found = sectionClauses(span.text, book, paragraph);
  if (!found) return [];
  if (paragraph && !found.labelled && !found.clauses.some((c) => usesIssueWords(span.text.slice(c.start, c.end), section.issue.slug, book))) return [];
  const rule: SectionRule = paragraph ? "section:paragraph" : "section:bullet";
  const base = paragraph ? CONFIDENCE.paragraph : found.labelled ? CONFIDENCE.labelled : CONFIDENCE.opener;
  return found.clauses.flatMap((clause) => {
    const parts = splitContrast(span.text, clause, book);
    return parts.flatMap((part) => {
      const [start, end] = trimClause(span.text, part.start, part.end);
      if (start >= end) return [];
      const stance: ExtractedStance = {
        actor: part.actor,
        issue: section.issue,
        issueEvidence: section.evidence,
        kind: paragraph ? "prose" : "list",
        span: subSpan(span, start, end),
        rule,
        confidence: parts.length > 1 ? Math.round((base - CONFIDENCE.contrastPenalty) * 100) / 100 : base,
      };
      return paragraph ? [{ ...stance, holder: part.holder }] : [stance];
    });
  });
}

/**
 * Issue sections: a heading that names one issue ("## Drug policy", "### Migración", or in plain
 * text a short heading line such as "Energy and climate") opens a section until the next heading
 * of the same or a higher level. Under it, a bullet or paragraph that opens with an actor
 * ("**United States:** …", "- Colombia: …", "Washington wants …") is that actor's stance on the
 * heading's issue, even where it names the other country. A bullet labelled with an issue is left
 * to the list stage; "A while B" with both governments gives two stances.
 */
export function extractSections(blocks: ParsedBlock[], book: Codebook): SectionExtraction {
  const out: SectionExtraction = { stances: [], notes: [], claimed: [] };
  const markdownHeadings = blocks.some((block) => block.type === "heading");
  const open: Section[] = [];
  blocks.forEach((block, i) => {
    const heading =
      block.type === "heading"
        ? { text: stripEmphasis(block.span.text), depth: block.depth, line: block.span.lineStart }
        : !markdownHeadings && block.type === "paragraph" && isPlainHeading(block, blocks[i + 1], book)
          ? { text: stripEmphasis(block.span.text).replace(/:$/, ""), depth: PLAIN_HEADING_DEPTH, line: block.span.lineStart }
          : null;
    if (heading) {
      while (open.length > 0 && (open[open.length - 1] as Section).depth >= heading.depth) open.pop();
      const { section, issues } = headingIssue(heading.text, book);
      if (section) open.push({ ...section, depth: heading.depth });
      else if (issues.length > 1)
        out.notes.push({ line: heading.line, message: `heading "${heading.text}" names several issues (${issues.join(", ")}); it opens no issue section` });
      return;
    }
    const section = open[open.length - 1];
    if (!section || block.type === "table") return;
    if (block.type === "listItem") {
      const stances = stancesOf(block.span, section, book, false);
      if (stances.length > 0) out.claimed.push(block.span);
      out.stances.push(...stances);
    } else if (block.type === "paragraph" && block.container !== "listItem") {
      out.stances.push(...stancesOf(block.span, section, book, true));
    }
  });
  return out;
}
