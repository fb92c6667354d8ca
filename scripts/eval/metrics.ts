import type { GoldSpan, GoldStance } from "./gold";

/** An extracted stance as the evaluation sees it. */
export interface EvalStance {
  actor: "us" | "co";
  issue: string;
  issueKind: "codebook" | "other";
  kind: "table" | "list" | "prose";
  rule: string;
  confidence: number;
  lineStart: number;
  lineEnd: number;
  columnStart: number;
  columnEnd: number;
  position: number | null;
  text: string;
}

export interface EvalDocument {
  name: string;
  lang: "en" | "es";
  split: "dev" | "heldout";
  gold: (GoldStance & { span: GoldSpan })[];
  negatives: { span: GoldSpan; phrase: string; why: string }[];
  stances: EvalStance[];
}

export interface Tally {
  gold: number;
  found: number;
  missed: number;
  /** Gold stances only reached with the wrong government (US ↔ Colombia). */
  misfiledActor: number;
  /** Gold stances only reached under the wrong issue. */
  misfiledIssue: number;
  extracted: number;
  correct: number;
  /** Extracted stances over no gold stance at all. */
  spurious: number;
  /** Extracted stances on one of the four issues over a labelled negative. */
  negativeHits: number;
  directionCompared: number;
  directionAgreed: number;
}

export const emptyTally = (): Tally => ({
  gold: 0,
  found: 0,
  missed: 0,
  misfiledActor: 0,
  misfiledIssue: 0,
  extracted: 0,
  correct: 0,
  spurious: 0,
  negativeHits: 0,
  directionCompared: 0,
  directionAgreed: 0,
});

function overlaps(s: EvalStance, g: GoldSpan): boolean {
  if (g.line < s.lineStart || g.line > s.lineEnd) return false;
  const from = g.line === s.lineStart ? s.columnStart : 0;
  const to = g.line === s.lineEnd ? s.columnEnd : Number.POSITIVE_INFINITY;
  return g.columnStart < to && from < g.columnEnd;
}

const sameIssue = (s: EvalStance, g: GoldStance) => (g.issue === "other" ? s.issueKind === "other" : s.issue === g.issue);
const agrees = (s: EvalStance, g: GoldStance) => s.actor === g.actor && sameIssue(s, g);

export type Grouping = (key: string, tally: (t: Tally) => void) => void;

export interface DocumentResult {
  /** Found stances whose position has the other sign than the gold direction. */
  direction: (GoldStance & { position: number; text: string })[];
  missed: (GoldStance & { reason: "missed" | "wrong actor" | "wrong issue" })[];
  wrong: (EvalStance & { reason: "spurious" | "wrong actor" | "wrong issue" | "negative"; note?: string })[];
}

/**
 * Scores one document. A gold stance is found when an extracted stance overlaps its phrase with
 * the same government and issue ("other" matches any issue outside the four); an extracted stance
 * is correct when it overlaps a gold stance with the same government and issue. Direction agrees
 * when the sign of the extracted position is the gold direction (gold "0" and unscored stances
 * are not compared).
 */
export function scoreDocument(doc: EvalDocument, count: (keys: string[], update: (t: Tally) => void) => void): DocumentResult {
  const result: DocumentResult = { direction: [], missed: [], wrong: [] };
  for (const g of doc.gold) {
    const keys = ["all", `kind:${g.kind}`, `lang:${doc.lang}`, `split:${doc.split}`, `issues:${g.issue === "other" ? "other" : "four"}`];
    const touching = doc.stances.filter((s) => overlaps(s, g.span));
    const hit = touching.find((s) => agrees(s, g));
    count(keys, (t) => {
      t.gold++;
      if (hit) t.found++;
      else if (touching.some((s) => sameIssue(s, g) && s.actor !== g.actor)) t.misfiledActor++;
      else if (touching.some((s) => s.actor === g.actor)) t.misfiledIssue++;
      else t.missed++;
    });
    if (!hit) {
      const reason = touching.some((s) => sameIssue(s, g) && s.actor !== g.actor)
        ? "wrong actor"
        : touching.some((s) => s.actor === g.actor)
          ? "wrong issue"
          : "missed";
      result.missed.push({ ...g, reason });
    }
    if (hit && hit.position !== null && (g.direction === "+" || g.direction === "-")) {
      const agreed = (hit.position > 0 ? "+" : hit.position < 0 ? "-" : "0") === g.direction;
      if (!agreed) result.direction.push({ ...g, position: hit.position, text: hit.text });
      count(keys, (t) => {
        t.directionCompared++;
        if (agreed) t.directionAgreed++;
      });
    }
  }
  for (const s of doc.stances) {
    const keys = [
      "all",
      `kind:${s.kind}`,
      `lang:${doc.lang}`,
      `split:${doc.split}`,
      `issues:${s.issueKind === "other" ? "other" : "four"}`,
      `rule:${s.rule}`,
      `confidence:${s.confidence >= 0.75 ? "≥ 0.75" : "< 0.75"}`,
    ];
    const touching = doc.gold.filter((g) => overlaps(s, g.span));
    const correct = touching.some((g) => agrees(s, g));
    const negative = !correct && s.issueKind === "codebook" ? doc.negatives.find((n) => overlaps(s, n.span)) : undefined;
    count(keys, (t) => {
      t.extracted++;
      if (correct) t.correct++;
      else if (touching.length === 0) t.spurious++;
      if (negative) t.negativeHits++;
    });
    if (!correct) {
      const reason = negative
        ? "negative"
        : touching.length === 0
          ? "spurious"
          : touching.some((g) => sameIssue(s, g))
            ? "wrong actor"
            : "wrong issue";
      result.wrong.push({ ...s, reason, note: negative?.why });
    }
  }
  return result;
}

export const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
