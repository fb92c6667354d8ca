import type { Language } from "../language";

/** A sentence of a passage: [start, end) offsets into the passage, white space trimmed. */
export interface SentenceRange {
  start: number;
  end: number;
}

/** A quotation: the marks at [open, close], its words between them. */
export interface QuoteRange {
  open: number;
  close: number;
}

const OPENING = new Map([
  ["\u201C", "\u201D"],
  ["\u00AB", "\u00BB"],
  ["\u201E", "\u201D"],
]);

/**
 * Direct quotations in a passage: curly “…”, «…», „…“ and straight "…" pairs. Single quotes are
 * left alone: they mark scare quotes and apostrophes far more often than speech.
 */
export function findQuotes(text: string): QuoteRange[] {
  const quotes: QuoteRange[] = [];
  let open: { at: number; close: string } | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (open) {
      if (ch === open.close) {
        quotes.push({ open: open.at, close: i });
        open = null;
      } else if (ch === "\n" && text[i + 1] === "\n") open = null;
    } else if (OPENING.has(ch)) open = { at: i, close: OPENING.get(ch) as string };
    else if (ch === '"') open = { at: i, close: '"' };
  }
  return quotes;
}

// Titles and initialisms whose full stop ICU takes for the end of a sentence ("U.S. President", "Gen. Smith", "EE. UU.").
const ABBREVIATION = /(?:^|[\s(“"«])(?:(?:\p{Lu}\.){2,}|\p{Lu}{1,2}\.|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Jr|Sr|Sra|Srta|Dra|Lic|Ing|Prof|Pres|Vol|Art|Dept|Corp|Inc|Ltd|vs|etc|approx|a\.m|p\.m)\.)\s*$/u;

// Building a segmenter loads ICU's rules for the language: one per language, reused for every paragraph.
const SEGMENTERS = new Map<Language, Intl.Segmenter>();

function segmenterFor(lang: Language): Intl.Segmenter {
  let segmenter = SEGMENTERS.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
    SEGMENTERS.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * Sentences of a passage: ICU's sentence rules (Intl.Segmenter, per language), then two repairs
 * ICU does not make: a full stop of a title or initialism does not end a sentence, and a sentence
 * never ends inside a quotation (a three-sentence quote followed by "he said" is one unit).
 */
export function splitSentences(text: string, lang: Language, quotes: QuoteRange[] = findQuotes(text)): SentenceRange[] {
  const segmenter = segmenterFor(lang);
  const cuts: number[] = [];
  for (const { index } of segmenter.segment(text)) if (index > 0) cuts.push(index);
  const kept = cuts.filter((cut) => {
    if (quotes.some((q) => cut > q.open && cut <= q.close)) return false;
    return !ABBREVIATION.test(text.slice(Math.max(0, cut - 12), cut));
  });
  const ranges: SentenceRange[] = [];
  let from = 0;
  for (const cut of [...kept, text.length]) {
    let start = from;
    let end = cut;
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (end > start) ranges.push({ start, end });
    from = cut;
  }
  return ranges;
}
