import type { ParsedBlock } from "../parse";
import type { FrameContext, Range } from "./frames";
import { type Holder, readChunk } from "./holders";
import { ROLE_NOUNS } from "./lexicon";
import { toPassage } from "./passage";
import { findQuotes, splitSentences } from "./sentences";

/**
 * A signed text by a sitting official (an op-ed, a column, a letter): its author speaks for a government, and so do
 * the sentences in which the author speaks in the first person ("We will keep funding manual eradication"). The
 * author is read from the document's metadata ("Peter Lane, U.S. Ambassador to Colombia"), a byline ("By …", "Por …")
 * or a bio line ("Peter Lane is the U.S. ambassador to Colombia."). A title is needed: a name with a city
 * ("Jane Doe, Bogotá correspondent") or a former office ("former U.S. ambassador") speaks for no one.
 */
export function authorVoice(metadataAuthor: string | null, blocks: ParsedBlock[], ctx: FrameContext): Holder | null {
  const paragraphs = blocks.filter((b) => b.type === "paragraph").map((b) => b.span.text.trim());
  const candidates = [
    metadataAuthor,
    ...paragraphs.slice(0, 4).map((text) => BYLINE.exec(plain(text))?.[1] ?? null),
    ...[...paragraphs.slice(0, 2), ...paragraphs.slice(-2)].map((text) => bio(plain(text))),
  ];
  for (const candidate of candidates) {
    const holder = candidate ? officialOf(candidate, ctx) : null;
    if (holder) return holder;
  }
  return null;
}

const BYLINE = /^(?:by|por)\s+(.{5,120})$/i;
/**
 * "Peter Lane is the U.S. ambassador to Colombia.", "The author has served as U.S. ambassador since 2025.",
 * "Ana Gómez es embajadora de Colombia en Washington."
 */
const BIO =
  /^((?:\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})|the author|el autor|la autora)\s+(?:is|has been|has served as|serves as|es|ha sido|se desempeña como)\s+(.{5,100}?)\.?$/iu;

function plain(text: string): string {
  return text.replace(/^[*_\s]+|[*_\s]+$/g, "");
}

function bio(text: string): string | null {
  // The bio's first sentence: "Peter Lane is the U.S. ambassador to Colombia. He served in Lima and Quito."
  const sentence = splitSentences(text, "en", findQuotes(text))[0];
  const first = sentence ? text.slice(sentence.start, sentence.end) : text;
  const m = BIO.exec(first.replace(/^[—–-]\s*/, ""));
  return m ? `${m[1]}, ${m[2]}` : null;
}

function officialOf(text: string, ctx: FrameContext): Holder | null {
  const passage = toPassage(text);
  if (!passage.folded.split(/[^\p{L}]+/u).some((w) => ROLE_NOUNS.has(w))) return null;
  const reading = readChunk(passage, 0, text.length, ctx.markers, ctx.registry);
  if (reading.kind !== "holder" || !reading.holder.actor || !reading.holder.person) return null;
  return { ...reading.holder, text: text.trim(), start: 0, end: 0, via: "named" };
}

const FIRST_PERSON = {
  // Case matters: "I" the pronoun, "us" not "US".
  en: /(?<![\p{L}’'])(?:I|we|We|our|Our|ours|us|my|My|me)(?![\p{L}’'])/u,
  es: /(?<!\p{L})(?:[Yy]o|[Nn]osotr[oa]s|[Nn]uestr[oa]s?|[Mm]is?|[Nn]os|[Hh]emos|[Vv]amos|[Ss]omos|[Ee]stamos|\p{L}+(?:remos|ríamos))(?!\p{L})/u,
};

/** Whether the author speaks in the first person in `range`, outside the quotations in it. */
export function inFirstPerson(text: string, range: Range, quotes: { open: number; close: number }[], lang: "en" | "es"): boolean {
  let own = "";
  let at = range.start;
  for (const q of quotes.filter((q) => q.open >= range.start && q.close <= range.end)) {
    own += `${text.slice(at, q.open)} `;
    at = q.close + 1;
  }
  own += text.slice(at, range.end);
  return FIRST_PERSON[lang].test(own);
}
