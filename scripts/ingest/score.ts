import { fold } from "./fold";

/**
 * Dictionary scaling of one stance on its issue's axis: count cue hits per pole, flipping a cue
 * that a negator governs ("De‑emphasize militarization", "phase out oil", "against “appeasing
 * Maduro”"), and score (positive − negative) / (positive + negative), or null when nothing matched.
 */
export type Pole = "negative" | "positive";

export interface CueHit {
  /** The cue as written in the codebook. */
  cue: string;
  /** The words it matched, as written in the stance. */
  matched: string;
  /** The pole this hit counts for, after negation. */
  pole: Pole;
  /** The negator that flipped it, as written in the stance; null when not negated. */
  negatedBy: string | null;
}

export interface StanceScore {
  score: number | null;
  positive: number;
  negative: number;
  cues: CueHit[];
}

export interface CompiledTerm {
  term: string;
  pattern: RegExp;
}

export interface CompiledAxis {
  negative: CompiledTerm[];
  positive: CompiledTerm[];
}

export interface CompiledNegation {
  terms: CompiledTerm[];
  scopeWords: number;
  breakers: RegExp;
}

const LETTER = "[\\p{L}\\p{N}]";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Folded, with hyphens as spaces, so "public‑health" meets the cue "public health"; same length as the input. */
export function matchCopy(text: string): string {
  return fold(text).replace(/-/g, " ");
}

/**
 * A cue term as a pattern on the match copy. "term*" matches any word starting with "term"; otherwise
 * the last word also matches simple inflections: -s, -es, -ed, -d, -ing ("seizures", "curbing",
 * "negociaciones"), a final -e or -y replaced ("militarizing", "policies").
 */
export function compileTerm(term: string, inflect = true): CompiledTerm {
  const prefix = term.endsWith("*");
  const base = matchCopy(prefix ? term.slice(0, -1) : term).trim();
  const words = base.split(/\s+/).map(escapeRegExp);
  const last = words.pop() ?? "";
  let tail: string;
  if (prefix) tail = `${last}${LETTER}*`;
  else if (!inflect) tail = last;
  else if (last.endsWith("e")) tail = `${last.slice(0, -1)}(?:e|es|ed|ing|ings)`;
  else if (last.endsWith("y")) tail = `${last.slice(0, -1)}(?:y|ys|ies|ied|ying)`;
  else tail = `${last}(?:s|es|ed|d|ing|ings)?`;
  const body = [...words, tail].join("\\s+");
  return { term, pattern: new RegExp(`(?<!${LETTER})${body}(?!${LETTER})`, "gu") };
}

export function compileNegation(terms: string[], scopeWords: number, breakers: string[]): CompiledNegation {
  const words = breakers.map((w) => escapeRegExp(matchCopy(w))).join("|");
  return {
    terms: terms.map((t) => compileTerm(t, false)),
    scopeWords,
    breakers: new RegExp(`[,;:.!?()]|(?<!${LETTER})(?:${words || "(?!)"})(?!${LETTER})`, "u"),
  };
}

interface Span {
  start: number;
  end: number;
}

function findAll<T>(copy: string, terms: CompiledTerm[], tag: (term: CompiledTerm) => T): (Span & { term: CompiledTerm; tag: T })[] {
  const hits: (Span & { term: CompiledTerm; tag: T })[] = [];
  for (const term of terms) {
    for (const m of copy.matchAll(term.pattern)) hits.push({ start: m.index, end: m.index + m[0].length, term, tag: tag(term) });
  }
  return hits;
}

/** Non-overlapping hits, the longest winning where two overlap ("forced eradication" over "eradication"). */
function longestFirst<T extends Span>(hits: T[]): T[] {
  const kept: T[] = [];
  for (const hit of [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Where a negator's scope ends: scopeWords words on, or at punctuation or a contrast word, whichever is first. */
function scopeEnd(copy: string, from: number, negation: CompiledNegation): number {
  const rest = copy.slice(from);
  const stop = negation.breakers.exec(rest);
  const limit = stop ? stop.index : rest.length;
  let words = 0;
  for (const m of rest.matchAll(new RegExp(`${LETTER}+`, "gu"))) {
    if (m.index >= limit) break;
    words++;
    if (words === negation.scopeWords) return from + m.index + m[0].length;
  }
  return from + limit;
}

export function scoreStance(text: string, axis: CompiledAxis, negation: CompiledNegation): StanceScore {
  const copy = matchCopy(text);
  const cues = longestFirst([
    ...findAll(copy, axis.negative, () => "negative" as Pole),
    ...findAll(copy, axis.positive, () => "positive" as Pole),
  ]);
  // A negator inside a cue ("fight against") is part of that cue, not a negation.
  const negators = longestFirst(findAll(copy, negation.terms, () => null)).filter(
    (n) => !cues.some((c) => n.start < c.end && c.start < n.end),
  );
  const scopes = negators.map((n) => ({ negator: n, end: scopeEnd(copy, n.end, negation) }));

  const hits: CueHit[] = cues.map((cue) => {
    const governing = scopes.filter((s) => cue.start >= s.negator.end && cue.start < s.end);
    const flipped = governing.length % 2 === 1;
    const last = governing[governing.length - 1];
    return {
      cue: cue.term.term,
      matched: text.slice(cue.start, cue.end),
      pole: flipped ? (cue.tag === "negative" ? "positive" : "negative") : cue.tag,
      negatedBy: flipped && last ? text.slice(last.negator.start, last.negator.end) : null,
    };
  });
  const positive = hits.filter((h) => h.pole === "positive").length;
  const negative = hits.length - positive;
  return { score: hits.length ? (positive - negative) / hits.length : null, positive, negative, cues: hits };
}
