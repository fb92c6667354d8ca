import type { Frame, FrameContext, Range } from "./frames";
import { readChunk } from "./holders";
import { STANCE_NOUNS } from "./lexicon";
import type { Passage } from "./passage";

const WORD = /[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*/gu;

/** Words a possessor never runs back past: "the contrast between Washington's …" is Washington's. */
const POSSESSOR_STOPS = new Set(
  "and or but between with to by from that than over against for on in at of as while whereas after before despite amid".split(" "),
);

/** After the noun, the words that open what the position is about. */
const EN_LINK = /^\s+(?:on|for|to|of|against|toward|towards|that|(?:is|was|remains) that)\b/;
const ES_LINK = /^(?:a|al|por|en|contra|para|de|del|sobre|frente a|hacia|que|es que|era que|sigue siendo que)\b/;

export interface NominalFrame extends Frame {
  clauseStart: number;
  independent: boolean;
}

/**
 * Positions stated as a holder's noun: "Washington's emphasis on law enforcement", "Petro's
 * refusal to sign new contracts", "la apuesta de Petro por la sustitución", "el rechazo de
 * Colombia a las fumigaciones". The holder is the possessor (English "'s", Spanish "de …"), the
 * noun one that names a position or a deed, and the words after it what the position is about.
 */
export function findNominalFrames(p: Passage, sentence: Range, ctx: FrameContext): NominalFrame[] {
  return ctx.lang === "es" ? spanishNominals(p, sentence, ctx) : englishNominals(p, sentence, ctx);
}

function frameOf(holder: ReturnType<typeof readChunk>, from: number, noun: Range, contentStart: number, sentence: Range): NominalFrame | null {
  // "the administration's decision to …": a description the discourse resolves is a possessor too.
  if (holder.kind === "none" || (holder.kind === "holder" && holder.holder.actor === null)) return null;
  const content = { start: contentStart, end: sentence.end };
  return {
    rule: "prose:nominal",
    attribution: "reported",
    verbClass: "stance",
    cue: noun,
    subject: holder,
    content,
    span: { start: from, end: sentence.end },
    hedged: false,
    conditional: false,
    statesNothing: false,
    clauseStart: from,
    independent: true,
  };
}

function englishNominals(p: Passage, sentence: Range, ctx: FrameContext): NominalFrame[] {
  const frames: NominalFrame[] = [];
  const text = p.folded.slice(sentence.start, sentence.end);
  for (const m of text.matchAll(/(?<=[\p{L}.])'s\s+/gu)) {
    const at = sentence.start + m.index;
    const after = [...p.folded.slice(at + m[0].length, sentence.end).matchAll(WORD)].slice(0, 3);
    // Up to two words before the noun ("Washington's renewed push for").
    const nounIndex = after.findIndex((w) => STANCE_NOUNS.has(w[0]));
    if (nounIndex < 0) continue;
    const nounMatch = after[nounIndex] as RegExpMatchArray;
    const noun = { start: at + m[0].length + (nounMatch.index ?? 0), end: at + m[0].length + (nounMatch.index ?? 0) + nounMatch[0].length };
    if (!EN_LINK.test(p.folded.slice(noun.end, noun.end + 12))) continue;
    // The possessor with its "'s": the codebook may name it so ("Washington's" as a demonym).
    const holder = possessor(p, sentence.start, at + 2, ctx);
    if (!holder) continue;
    const frame = frameOf(holder.reading, holder.start, noun, noun.end, sentence);
    if (frame) frames.push(frame);
  }
  return frames;
}

/** The shortest run of words ending at `end` that names a government's holder, back to a boundary. */
function possessor(p: Passage, floor: number, end: number, ctx: FrameContext): { reading: ReturnType<typeof readChunk>; start: number } | null {
  const words = [...p.plain.slice(floor, end).matchAll(WORD)];
  for (let n = 1; n <= Math.min(6, words.length); n++) {
    const first = words[words.length - n] as RegExpMatchArray;
    const start = floor + (first.index ?? 0);
    if (POSSESSOR_STOPS.has(first[0].toLowerCase()) || /[,;:(“”"«»]/.test(p.plain.slice(start, end))) return null;
    const reading = readChunk(p, start, end, ctx.markers, ctx.registry);
    if (reading.kind === "holder" && reading.holder.actor) return { reading, start };
    // "the administration's", "the president's": a description (read without its "'s") the discourse resolves.
    const bare = readChunk(p, start, end - 2, ctx.markers, ctx.registry);
    if (bare.kind === "pending" && bare.pending.via === "description") return { reading: bare, start };
  }
  return null;
}

function spanishNominals(p: Passage, sentence: Range, ctx: FrameContext): NominalFrame[] {
  const frames: NominalFrame[] = [];
  const text = p.folded.slice(sentence.start, sentence.end);
  for (const m of text.matchAll(/\b(?:el|la|los|las|su|sus)\s+([\p{L}]+)\s+(?:de|del)\s+/gu)) {
    const nounWord = m[1] as string;
    if (!STANCE_NOUNS.has(nounWord)) continue;
    const nounStart = sentence.start + m.index + m[0].indexOf(nounWord);
    const holderStart = sentence.start + m.index + m[0].length;
    // The holder runs to the preposition that opens what the position is about: "de Petro por …".
    const rest = p.folded.slice(holderStart, sentence.end);
    const words = [...rest.matchAll(WORD)].slice(0, 7);
    for (let n = 1; n < words.length; n++) {
      const next = words[n] as RegExpMatchArray;
      const linkAt = holderStart + (next.index ?? 0);
      if (!ES_LINK.test(p.folded.slice(linkAt, linkAt + 9))) continue;
      const last = words[n - 1] as RegExpMatchArray;
      const holderEnd = holderStart + (last.index ?? 0) + last[0].length;
      if (/[,;:]/.test(p.plain.slice(holderStart, holderEnd))) break;
      const reading = readChunk(p, holderStart, holderEnd, ctx.markers, ctx.registry);
      const articleStart = sentence.start + m.index;
      const frame = frameOf(reading, articleStart, { start: nounStart, end: nounStart + nounWord.length }, linkAt, sentence);
      if (frame) frames.push(frame);
      break;
    }
  }
  return frames;
}
