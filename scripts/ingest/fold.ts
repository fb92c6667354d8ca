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

// Folding runs over every character of every document: each UTF-16 unit is folded once and remembered.
const FOLDED = new Map<string, string>();
const FOLDED_KEEP_ACCENTS = new Map<string, string>();

function foldWith(text: string, cache: Map<string, string>, keepAccents: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text[i] as string;
    let folded = cache.get(unit);
    if (folded === undefined) {
      folded = foldUnit(unit, keepAccents);
      cache.set(unit, folded);
    }
    parts.push(folded);
  }
  return parts.join("");
}

export function fold(text: string): string {
  return foldWith(text, FOLDED, false);
}

/** Same length as `fold`, but keeps accents: Spanish verb forms differ from nouns by their accent ("anunció", "anuncio"). */
export function foldKeepAccents(text: string): string {
  return foldWith(text, FOLDED_KEEP_ACCENTS, true);
}

/** Same length as `fold`, but keeps letter case: for aliases that must match case ("US"). */
export function foldKeepCase(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text[i] as string;
    const folded = foldUnit(unit);
    out += unit !== unit.toLowerCase() && folded.length === 1 ? folded.toUpperCase() : folded;
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Every offset where `needle` occurs in `haystack` with no letter or digit touching either end. */
export function findWholeWord(haystack: string, needle: string): number[] {
  const hits: number[] = [];
  if (needle.length === 0) return hits;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return hits;
    const startsWord = !isWordChar(needle[0]) || !isWordChar(haystack[at - 1]);
    const endsWord = !isWordChar(needle[needle.length - 1]) || !isWordChar(haystack[at + needle.length]);
    if (startsWord && endsWord) hits.push(at);
    from = at + 1;
  }
}
