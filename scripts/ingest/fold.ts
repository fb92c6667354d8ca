/**
 * Folding for matching: lower case, no accents, straight quotes, ASCII hyphens, plain spaces.
 * The folded copy has exactly the same length as the input (one UTF-16 unit per unit), so a
 * match found in the folded copy slices the original text at the same offsets.
 */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const SPACES = /[\u00A0\u2007\u202F\u2009\u200A\u2002\u2003]/;

function foldUnit(unit: string, keepAccents = false): string {
  if (SINGLE_QUOTES.test(unit)) return "'";
  if (DOUBLE_QUOTES.test(unit)) return '"';
  if (DASHES.test(unit)) return "-";
  if (SPACES.test(unit)) return " ";
  const base = keepAccents ? unit : (unit.normalize("NFD")[0] ?? unit);
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower : base;
}

// Folding runs over every character of every document. ASCII letters fold by plain lower case, so
// only the other units (accents, curly quotes, dashes, the backtick) are looked up, each folded once.
const FOLDED = new Map<string, string>();
const FOLDED_KEEP_ACCENTS = new Map<string, string>();
const FOLDED_KEEP_CASE = new Map<string, string>();
// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII control characters (tab, line feed) fold to themselves.
const NOT_PLAIN_ASCII = /[^\x00-\x5f\x61-\x7f]/g;

const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * The same text, stored one byte a unit when every unit fits in one: V8 matches `u` patterns with \p{…} classes
 * several times faster over such a string, and text read from a file with one curly quote is two bytes a unit throughout.
 */
export function oneByte(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, "latin1").toString("latin1");
}

/** `text` with each unit that is not plain ASCII folded by `foldOne`, the rest taken from `ascii` (the same length as `text`). */
function foldWith(text: string, ascii: string, cache: Map<string, string>, foldOne: (unit: string) => string): string {
  let out = "";
  let from = 0;
  for (const m of text.matchAll(NOT_PLAIN_ASCII)) {
    const unit = m[0];
    let folded = cache.get(unit);
    if (folded === undefined) {
      folded = foldOne(unit);
      cache.set(unit, folded);
    }
    out += ascii.slice(from, m.index) + folded;
    from = m.index + 1;
  }
  return oneByte(from === 0 ? ascii : out + ascii.slice(from));
}

/** Lower case, unit by unit where a unit's lower case is longer than one unit ("İ"), so lengths stay equal. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : [...text].map((unit) => (unit.toLowerCase().length === unit.length ? unit.toLowerCase() : unit)).join("");
}

/** The last texts folded and their folds, newest first: a stance, a passage's slice or a holder is folded by several stages in a row. */
const RECENT_FOLDS: [string, string][] = [];
const RECENT_FOLD_COUNT = 4;

export function fold(text: string): string {
  const known = RECENT_FOLDS.find(([unfolded]) => unfolded === text);
  if (known) return known[1];
  const folded = foldWith(text, lowerSameLength(text), FOLDED, (unit) => foldUnit(unit));
  RECENT_FOLDS.unshift([text, folded]);
  if (RECENT_FOLDS.length > RECENT_FOLD_COUNT) RECENT_FOLDS.pop();
  return folded;
}

/** Same length as `fold`, but keeps accents: Spanish verb forms differ from nouns by their accent ("anunció", "anuncio"). */
export function foldKeepAccents(text: string): string {
  return foldWith(text, lowerSameLength(text), FOLDED_KEEP_ACCENTS, (unit) => foldUnit(unit, true));
}

/** Same length as `fold`, but keeps letter case: for aliases that must match case ("US"). */
export function foldKeepCase(text: string): string {
  return foldWith(text, text, FOLDED_KEEP_CASE, (unit) => {
    const folded = foldUnit(unit);
    const upper = folded.toUpperCase();
    // "ß" upper-cases to "SS": one unit in, one unit out.
    return unit !== unit.toLowerCase() && upper.length === 1 ? upper : folded;
  });
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
// Whether each UTF-16 unit is a letter or digit: 0 not known yet, 1 yes, 2 no.
const WORD_UNITS = new Uint8Array(0x10000);

/** Whether one UTF-16 unit, by its code, is a letter or a digit (a lone surrogate is neither). */
function isWordCode(code: number): boolean {
  let known = WORD_UNITS[code] as number;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_UNITS[code] = known;
  }
  return known === 1;
}

/** Whether one UTF-16 unit is a letter or a digit (a lone surrogate is neither). */
export function isWordChar(unit: string | undefined): boolean {
  return unit !== undefined && isWordCode(unit.charCodeAt(0));
}

/** Whether the unit at `at` is a letter or a digit; none is outside the text. Read by code: no string made per unit. */
export function isWordAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && isWordCode(text.charCodeAt(at));
}

/** The first two units of a text that opens with a letter or digit: the opening `WordStarts` files a word it starts under. */
export function wordOpening(text: string): string | null {
  return text.length >= 2 && isWordChar(text[0]) ? text.slice(0, 2) : null;
}

/** Every offset where `needle` occurs in `haystack` with no letter or digit touching either end. */
export function findWholeWord(haystack: string, needle: string): number[] {
  const hits: number[] = [];
  if (needle.length === 0) return hits;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return hits;
    const startsWord = !isWordChar(needle[0]) || !isWordAt(haystack, at - 1);
    const endsWord = !isWordChar(needle[needle.length - 1]) || !isWordAt(haystack, at + needle.length);
    if (startsWord && endsWord) hits.push(at);
    from = at + 1;
  }
}

/**
 * A step of a set of spellings, one UTF-16 unit a step: what ends there, and the steps after it (an ASCII unit's in an
 * array: most of every text). Walked from a text's word starts, it finds every spelling that opens a word there at once.
 */
export interface SpellingStep<T> {
  ascii: (SpellingStep<T> | undefined)[];
  other: Map<number, SpellingStep<T>>;
  ends: T[];
}

export const spellingStep = <T>(): SpellingStep<T> => ({ ascii: [], other: new Map(), ends: [] });

/** The step after `step` for the unit `unit`, if any spelling goes on so. */
export const nextStep = <T>(step: SpellingStep<T>, unit: number): SpellingStep<T> | undefined => (unit < 128 ? step.ascii[unit] : step.other.get(unit));

/** The step where `text` ends, from `root`, made as needed. */
export function spell<T>(root: SpellingStep<T>, text: string): SpellingStep<T> {
  let step = root;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let next = nextStep(step, unit);
    if (!next) {
      next = spellingStep<T>();
      if (unit < 128) step.ascii[unit] = next;
      else step.other.set(unit, next);
    }
    step = next;
  }
  return step;
}

/** A word opening (two UTF-16 units) as one number, a cheaper map key than the two-unit string. */
const openingKey = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

/** A word opening (from `wordOpening`) as the number `WordStarts.openings` gives for it. */
export const openingCode = (opening: string): number => openingKey(opening, 0);
const NO_STARTS: readonly number[] = [];
/** How many filed texts `WordStarts.of` keeps: a passage's fold and its match copy are read by several stages in a row. */
const RECENT_WORD_STARTS = 4;

/**
 * Where the words of a text start, filed by their opening: `find` gives what `findWholeWord` gives for a
 * needle that opens a word, from the words that open as it does instead of a scan of the text per needle.
 */
export class WordStarts {
  private readonly byOpening = new Map<number, number[]>();
  /** The last texts filed, newest first. */
  private static readonly recent: WordStarts[] = [];

  /** The word starts of `text`, filed again only when none of the last few texts was the same. */
  static of(text: string): WordStarts {
    const recent = WordStarts.recent;
    const known = recent.find((words) => words.text === text);
    if (known) return known;
    const words = new WordStarts(text);
    recent.unshift(words);
    if (recent.length > RECENT_WORD_STARTS) recent.pop();
    return words;
  }

  constructor(readonly text: string) {
    let previous = false;
    // A word's last unit opens no two-unit opening, so a one-unit word at the very end is not filed.
    for (let i = 0; i < text.length; i++) {
      const word = isWordCode(text.charCodeAt(i));
      if (word && !previous && i + 1 < text.length) {
        const key = openingKey(text, i);
        const starts = this.byOpening.get(key);
        if (starts) starts.push(i);
        else this.byOpening.set(key, [i]);
      }
      previous = word;
    }
  }

  /** The openings of the text's words, as `openingCode` numbers them. */
  openings(): IterableIterator<number> {
    return this.byOpening.keys();
  }

  /** Where the first word of the text that starts with `prefix` (whose `wordOpening` is `opening`) starts; -1 when none does. */
  firstOpening(prefix: string, opening: string): number {
    const starts = this.byOpening.get(openingKey(opening, 0));
    return starts?.find((at) => this.text.startsWith(prefix, at)) ?? -1;
  }

  /** Every offset where `needle`, whose `wordOpening` is `opening`, occurs with no letter or digit touching either end. */
  find(needle: string, opening: string): readonly number[] {
    const starts = this.byOpening.get(openingKey(opening, 0));
    if (!starts) return NO_STARTS;
    const endsWord = !isWordChar(needle[needle.length - 1]);
    const hits: number[] = [];
    for (const at of starts) if (this.text.startsWith(needle, at) && (endsWord || !isWordAt(this.text, at + needle.length))) hits.push(at);
    return hits;
  }
}
