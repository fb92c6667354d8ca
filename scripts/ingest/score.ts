import type { OtherCourse } from "./course";
import { fold, isWordAt, nextStep, openingCode, type SpellingStep, spell, spellingStep, type WordStarts, wordOpening } from "./fold";

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
  /** Set when what flipped it is the other government's name, the cue telling that government's course (course.ts). */
  byCourse?: true;
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
  /** Letters every match starts with (the first word's stem): a text without them cannot match, so the pattern is not run. */
  literal: string;
  /** The literal's first two units when it opens with a letter or digit: a match starts a word that opens with them. */
  opening: string | null;
}

export interface CompiledAxis {
  negative: CompiledTerm[];
  positive: CompiledTerm[];
}

export interface CompiledNegation {
  terms: CompiledTerm[];
  /** Failure predicates: they flip the cues before them, back to the clause's start or scopeWords words. */
  after: CompiledTerm[];
  scopeWords: number;
  breakers: RegExp;
  /** The same, global: the last breaker before a failure predicate. */
  allBreakers: RegExp;
}

const LETTER = "[\\p{L}\\p{N}]";
const WORD_START = `(?<!${LETTER})`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Folded, with hyphens as spaces, so "public‑health" meets the cue "public health"; same length as the input. */
export function matchCopy(text: string): string {
  return matchCopyOfFolded(fold(text));
}

/** `matchCopy` of a text from its fold, for a caller that holds the fold already (a passage). */
export function matchCopyOfFolded(folded: string): string {
  return folded.replace(/-/g, " ");
}

/** A word with its simple inflections: -s, -es, -ed, -d, -ing, a final -e or -y replaced ("militarizing", "policies"). */
function inflected(word: string): string {
  if (word.endsWith("e")) return `${word.slice(0, -1)}(?:e|es|ed|ing|ings)`;
  if (word.endsWith("y")) return `${word.slice(0, -1)}(?:y|ys|ies|ied|ying)`;
  return `${word}(?:s|es|ed|d|ing|ings)?`;
}

/**
 * A cue term as a pattern on the match copy. "term*" matches any word starting with "term". In a
 * phrase every word matches its simple inflections, since its verb may be any of them ("phased out",
 * "cracking down", "curbing trafficking", "reduced crossings"); a single word does so when `inflect`
 * is set ("seizures", "negociaciones"), which cues are and negators ("no", "sin") are not.
 */
export function compileTerm(term: string, inflect = true): CompiledTerm {
  const prefix = term.endsWith("*");
  const plain = matchCopy(prefix ? term.slice(0, -1) : term)
    .trim()
    .split(/\s+/);
  const words = plain.map(escapeRegExp);
  const last = words.pop() ?? "";
  const phrase = words.length > 0;
  const inflectsFirst = phrase || (!prefix && inflect);
  const first = plain[0] ?? "";
  const tail = prefix ? `${last}${LETTER}*` : inflect || phrase ? inflected(last) : last;
  const body = [...words.map(inflected), tail].join("\\s+");
  const literal = inflectsFirst && /[ey]$/.test(first) ? first.slice(0, -1) : first;
  return {
    term,
    pattern: new RegExp(`${WORD_START}${body}(?!${LETTER})`, "gu"),
    literal,
    opening: wordOpening(literal),
  };
}

/**
 * One pattern for a list of terms, the earlier term winning where two match at one place. The
 * word-start check is shared, so it runs once per position instead of once per term.
 */
export function anyTerm(terms: CompiledTerm[]): RegExp {
  return new RegExp(`${WORD_START}(?:${terms.map((t) => t.pattern.source.slice(WORD_START.length)).join("|")})`, "gu");
}

/** A full stop, not the dot of an abbreviation or an initial ("u.s. military", "ee.uu.", "donald j. trump"). */
const SENTENCE_DOT = "(?<!(?:\\.\\p{L}{1,2}|(?:^|[^\\p{L}])\\p{L}))\\.(?!\\p{L})";

export function compileNegation(terms: string[], scopeWords: number, breakerWords: string[], after: string[] = []): CompiledNegation {
  const words = breakerWords.map((w) => escapeRegExp(matchCopy(w))).join("|");
  const breakers = `[,;:!?()]|${SENTENCE_DOT}|(?<!${LETTER})(?:${words || "(?!)"})(?!${LETTER})`;
  return {
    terms: terms.map((t) => compileTerm(t, false)),
    after: after.map((t) => compileTerm(t, false)),
    scopeWords,
    breakers: new RegExp(breakers, "u"),
    allBreakers: new RegExp(breakers, "gu"),
  };
}

interface Span {
  start: number;
  end: number;
}

/** Where the first match of `term` in `copy` can start, -1 where none can: a match starts a word (or, for a term that opens with no letter, anywhere) with the term's literal. */
function firstPossible(term: CompiledTerm, copy: string, words: WordStarts): number {
  return term.opening !== null ? words.firstOpening(term.literal, term.opening) : copy.indexOf(term.literal);
}

/** Whether `term` can match `copy`: a match starts a word with the term's literal, so the words that open as it does are checked before any search. */
export function mayMatch(term: CompiledTerm, copy: string, words: WordStarts): boolean {
  return firstPossible(term, copy, words) >= 0;
}

/**
 * A list of terms filed by opening, and their literals spelled out unit by unit; the terms with no opening are
 * asked about in every text.
 */
interface TermIndex {
  byOpening: Map<number, number[]>;
  literals: SpellingStep<number>;
  always: number[];
}

const TERM_INDEXES = new WeakMap<CompiledTerm[], TermIndex>();

function termIndex(terms: CompiledTerm[]): TermIndex {
  let index = TERM_INDEXES.get(terms);
  if (index) return index;
  index = { byOpening: new Map(), literals: spellingStep<number>(), always: [] };
  for (const [at, term] of terms.entries()) {
    if (term.opening === null) index.always.push(at);
    else {
      const code = openingCode(term.opening);
      const filed = index.byOpening.get(code);
      if (filed) filed.push(at);
      else index.byOpening.set(code, [at]);
      spell(index.literals, term.literal).ends.push(at);
    }
  }
  TERM_INDEXES.set(terms, index);
  return index;
}

/**
 * Per term of the list that can match `copy`, where its first match can start (what `firstPossible` gives): the copy is
 * read once from each word start along the literals, instead of once per term whose opening some word has.
 */
function firstPossibleStarts(terms: CompiledTerm[], copy: string): Map<number, number> {
  const index = termIndex(terms);
  const first = new Map<number, number>();
  for (const at of index.always) {
    const from = copy.indexOf((terms[at] as CompiledTerm).literal);
    if (from >= 0) first.set(at, from);
  }
  let previous = false;
  for (let start = 0; start + 1 < copy.length; start++) {
    const word = isWordAt(copy, start);
    if (word && !previous) {
      let step: SpellingStep<number> | undefined = index.literals;
      for (let i = start; i < copy.length; i++) {
        step = nextStep(step, copy.charCodeAt(i));
        if (!step) break;
        for (const at of step.ends) if (!first.has(at)) first.set(at, start);
      }
    }
    previous = word;
  }
  return first;
}

/** Whether any of `terms` can match `copy` (as `mayMatch` tells for each): asked only of the terms some word of it opens as. */
export function mayMatchAny(terms: CompiledTerm[], copy: string, words: WordStarts): boolean {
  const index = termIndex(terms);
  for (const at of index.always) if (mayMatch(terms[at] as CompiledTerm, copy, words)) return true;
  for (const opening of words.openings()) for (const at of index.byOpening.get(opening) ?? []) if (mayMatch(terms[at] as CompiledTerm, copy, words)) return true;
  return false;
}

/** Every match of every term in `copy`, term by term. */
function findAll<T>(copy: string, terms: CompiledTerm[], tag: (term: CompiledTerm) => T): (Span & { term: CompiledTerm; tag: T })[] {
  const hits: (Span & { term: CompiledTerm; tag: T })[] = [];
  const first = firstPossibleStarts(terms, copy);
  // In the list's order, each term's pattern from where its first match can start: no match starts before a word that opens with its literal.
  for (const at of [...first.keys()].sort((a, b) => a - b)) {
    const term = terms[at] as CompiledTerm;
    // exec on the term's own pattern: matchAll copies the pattern on every call, which cost more than the matching.
    const pattern = term.pattern;
    pattern.lastIndex = first.get(at) as number;
    for (let m = pattern.exec(copy); m; m = pattern.exec(copy)) {
      hits.push({ start: m.index, end: m.index + m[0].length, term, tag: tag(term) });
      if (m[0] === "") pattern.lastIndex++;
    }
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

/**
 * Articles, prepositions and possessives do not count towards a negator's scope: "rejects the decision of the
 * Government of the United States to decertify" reaches "decertify" as "rejects the decision to decertify" does.
 */
const FUNCTION_WORDS = new Set(
  "the a an of to its his her their our this that these those el la los las lo un una unos unas de del al su sus nuestro nuestra este esta estos estas".split(" "),
);

/** A run of letters or digits: a word, for counting a scope (matchAll copies it, so one is shared). */
const WORD_RUN = new RegExp(`${LETTER}+`, "gu");

/** Where a negator's scope ends: scopeWords words on, or at punctuation or a contrast word, whichever is first. */
function scopeEnd(copy: string, from: number, negation: CompiledNegation): number {
  const rest = copy.slice(from);
  const stop = negation.breakers.exec(rest);
  const limit = stop ? stop.index : rest.length;
  let words = 0;
  for (const m of rest.matchAll(WORD_RUN)) {
    if (m.index >= limit) break;
    if (FUNCTION_WORDS.has(m[0])) continue;
    words++;
    if (words === negation.scopeWords) return from + m.index + m[0].length;
  }
  return from + limit;
}

/**
 * Words that are both a cue and a negator ("turn back") are a negator when a cue follows in their scope, a
 * cue otherwise: "turned back the deportation flights" is against deportations, "turned back migrants" is deterrence.
 */
function dualRoles<T extends Span>(copy: string, cues: T[], negators: T[], negation: CompiledNegation): T[] {
  const dual = (n: T) => cues.some((c) => c.start === n.start && c.end === n.end);
  const governs = (n: T) => {
    const end = scopeEnd(copy, n.end, negation);
    return cues.some((c) => c.start >= n.end && c.start < end);
  };
  const acting = new Set(negators.filter((n) => dual(n) && governs(n)).map((n) => `${n.start}:${n.end}`));
  return [
    ...cues.filter((c) => !acting.has(`${c.start}:${c.end}`)),
    ...negators.filter((n) => !dual(n) || acting.has(`${n.start}:${n.end}`)),
  ];
}

/** Where a failure predicate's scope starts: scopeWords words back, or at punctuation or a contrast word, whichever is nearer. */
function scopeStart(copy: string, to: number, negation: CompiledNegation): number {
  const before = copy.slice(0, to);
  let from = 0;
  for (const m of before.matchAll(negation.allBreakers)) from = m.index + m[0].length;
  const words = [...before.slice(from).matchAll(WORD_RUN)].filter((m) => !FUNCTION_WORDS.has(m[0]));
  const first = words[Math.max(0, words.length - negation.scopeWords)];
  return first ? from + first.index : to;
}

/** `course`: where the other government's course starts being told (course.ts); cues after it count for the other pole. */
export function scoreStance(text: string, axis: CompiledAxis, negation: CompiledNegation, course: OtherCourse | null = null): StanceScore {
  const hits: CueHit[] = placedCues(text, axis, negation, course).map(({ start: _start, ...hit }) => hit);
  const positive = hits.filter((h) => h.pole === "positive").length;
  const negative = hits.length - positive;
  return { score: hits.length ? (positive - negative) / hits.length : null, positive, negative, cues: hits };
}

/** The cue hits of a text with where each starts: a caller can weigh parts of a stance from one reading of it. */
export function placedCues(text: string, axis: CompiledAxis, negation: CompiledNegation, course: OtherCourse | null = null): (CueHit & { start: number })[] {
  const copy = matchCopy(text);
  // Cues and negators compete for words: where they overlap the longer wins, so a negator inside a
  // cue is part of it ("fight against") and a cue inside a negator is not a cue ("wind down").
  const cueHits = [
    ...findAll(copy, axis.negative, (): Pole | null => "negative"),
    ...findAll(copy, axis.positive, (): Pole | null => "positive"),
  ];
  const terms = longestFirst<Span & { term: CompiledTerm; tag: Pole | null }>(
    dualRoles(copy, cueHits, findAll(copy, negation.terms, (): Pole | null => null), negation),
  );
  const cues = terms.flatMap((t) => (t.tag ? [{ ...t, tag: t.tag }] : []));
  const negators = terms.filter((t) => t.tag === null);
  const scopes: { negator: Span; start: number; end: number }[] = [
    ...negators.map((n) => ({ negator: n, start: n.end, end: scopeEnd(copy, n.end, negation) })),
    // "forced eradication has failed": a failure predicate governs the cues before it.
    ...findAll(copy, negation.after, () => null)
      .filter((f) => !terms.some((t) => t.start < f.end && f.start < t.end && t.tag !== null))
      .map((f) => ({ negator: f, start: scopeStart(copy, f.start, negation), end: f.start })),
  ];
  // A course told inside a negator's scope is already opposed by it ("rejected Washington's decision to decertify").
  const courseScope =
    course && !scopes.some((s) => course.end > s.start && course.end <= s.end)
      ? { negator: { start: course.start, end: course.end }, start: course.end, end: copy.length }
      : null;
  if (courseScope) scopes.push(courseScope);

  return cues.map((cue) => {
    const governing = scopes.filter((s) => cue.start >= s.start && cue.start < s.end);
    const flipped = governing.length % 2 === 1;
    const last = governing[governing.length - 1];
    const hit: CueHit & { start: number } = {
      cue: cue.term.term,
      matched: text.slice(cue.start, cue.end),
      pole: flipped ? (cue.tag === "negative" ? "positive" : "negative") : cue.tag,
      negatedBy: flipped && last ? text.slice(last.negator.start, last.negator.end) : null,
      start: cue.start,
    };
    return flipped && last === courseScope ? { ...hit, byCourse: true } : hit;
  });
}
