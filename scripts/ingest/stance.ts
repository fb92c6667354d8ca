import type { Attribution } from "../../db/schema";
import type { ActorId, Codebook } from "./codebook";
import { namedIssues, slugify } from "./codebook";
import type { SourceSpan } from "./parse";

export interface IssueRef {
  slug: string;
  label: string;
  kind: "codebook" | "other";
}

export interface ExtractedStance {
  actor: ActorId;
  issue: IssueRef;
  /** The words that decided the issue: a table's issue cell, a bullet's label, or the alias found in the text. */
  issueEvidence: string;
  kind: "table" | "list" | "prose";
  span: SourceSpan;
  table?: { ordinal: number; row: number; column: number };
  /** The named rule that found it ("table:issue-column", "list:labelled", "prose:quote-speaker-after", …). */
  rule: string;
  /** How sure that rule is, in [0, 1]. */
  confidence: number;
  /** Prose only: who holds the position as written, how it is attributed, and the verb or cue that made it a stance. */
  holder?: string;
  attribution?: Attribution;
  attributionCue?: string;
}

export interface IngestNote {
  line: number | null;
  message: string;
}

export const UNCLASSIFIED: IssueRef = { slug: "other-unclassified", label: "Unclassified", kind: "other" };

export interface LabelIssue {
  issue: IssueRef;
  evidence: string;
  /** Labels of the codebook issues a label names when it names more than one ("Drugs and migration"). */
  ambiguous: string[];
}

/**
 * A label's issue: the one codebook issue it names, or an "other" issue under the label itself when
 * it names none or more than one (a label naming two issues is reported, not guessed).
 */
export function issueForLabel(label: string, book: Codebook): LabelIssue {
  const named = namedIssues(label, book);
  const [only] = named;
  if (only && named.length === 1) return { issue: { slug: only.issue.slug, label: only.issue.label, kind: "codebook" }, evidence: label, ambiguous: [] };
  const slug = slugify(label);
  return {
    issue: slug ? { slug: `other-${slug}`, label: label.trim(), kind: "other" } : UNCLASSIFIED,
    evidence: label,
    ambiguous: named.length > 1 ? named.map((n) => n.issue.label) : [],
  };
}

/** Why a label went to an "other" issue, for the ingest report. */
export function otherIssueNote(label: string, found: LabelIssue): string {
  const why = found.ambiguous.length > 1 ? `names more than one issue (${found.ambiguous.join(", ")})` : "matches none of the codebook issues";
  return `${label} ${why}; stored as other issue "${found.issue.label}"`;
}
