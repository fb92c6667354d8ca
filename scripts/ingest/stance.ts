import type { Attribution } from "../../db/schema";
import type { ActorId, Codebook } from "./codebook";
import { matchIssue } from "./codebook";
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

export function slugify(label: string): string {
  return label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A label's issue: the codebook issue it names, or an "other" issue under the label itself. */
export function issueForLabel(label: string, book: Codebook): { issue: IssueRef; evidence: string } {
  const match = matchIssue(label, book);
  if (match) return { issue: { slug: match.issue.slug, label: match.issue.label, kind: "codebook" }, evidence: label };
  const slug = slugify(label);
  return {
    issue: slug ? { slug: `other-${slug}`, label: label.trim(), kind: "other" } : UNCLASSIFIED,
    evidence: label,
  };
}
