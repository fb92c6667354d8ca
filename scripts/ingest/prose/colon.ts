import { fold } from "../fold";
import type { Frame, FrameContext } from "./frames";
import { readChunk } from "./holders";
import { ROLE_NOUNS } from "./lexicon";
import type { Passage } from "./passage";
import type { QuoteRange, SentenceRange } from "./sentences";

export interface ColonFrame extends Frame {
  clauseStart: number;
  independent: boolean;
}

/** Lower-case words a speaker's name or title may hold: articles and the joins of offices. */
const SPEAKER_WORDS = new Set("the of and de del la el los las y".split(" "));

/**
 * "Palma, on X a few minutes ago: “…”", "Secretary of State Marco Rubio, in a post on X: “…”": a holder, a short
 * aside and a colon, with no verb, introduce the quotation that follows (live blogs, social-media round-ups).
 */
export function findColonFrame(p: Passage, sentence: SentenceRange, quotes: QuoteRange[], ctx: FrameContext): ColonFrame | null {
  const text = p.plain.slice(sentence.start, sentence.end);
  // After a timestamp or dateline set off by a dash ("6:02 p.m. ET — ").
  const dash = /^[^“”"«»]{0,40}?\s[—–]\s+/.exec(text);
  const from = dash ? dash[0].length : 0;
  const m = /^([^:“”"«»]{1,120}):\s*(?=[“"«])/.exec(text.slice(from));
  if (!m) return null;
  const quote = quotes.find((q) => q.open === sentence.start + from + m[0].length);
  if (!quote) return null;
  const head = m[1] as string;
  const comma = head.indexOf(",");
  const aside = comma >= 0 ? head.slice(comma + 1) : "";
  if (aside.trim().split(/\s+/).length > 12) return null;
  const start = sentence.start + from;
  const end = start + (comma >= 0 ? comma : head.trimEnd().length);
  // The speaker is a name or a title, not a phrase about one ("A pamphlet held by one of Petro's aides: “…”").
  const written = p.plain.slice(start, end).split(/\s+/).filter(Boolean);
  if (written.length > 7 || written.some((w) => /^\p{Ll}/u.test(w) && !SPEAKER_WORDS.has(fold(w)) && !ROLE_NOUNS.has(fold(w)))) return null;
  const reading = readChunk(p, start, end, ctx.markers, ctx.registry);
  if (reading.kind === "none") return null;
  const colonAt = start + head.length;
  return {
    rule: "prose:quote-speaker-before",
    attribution: "quote",
    verbClass: "speech",
    cue: { start: colonAt, end: colonAt + 1 },
    subject: reading,
    content: { start: quote.open + 1, end: quote.close },
    span: { start: quote.open + 1, end: quote.close },
    hedged: false,
    conditional: false,
    statesNothing: false,
    clauseStart: start,
    independent: false,
  };
}
