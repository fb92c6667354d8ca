import type { Frame, FrameContext, Range } from "./frames";
import { type ChunkReading, readChunk } from "./holders";
import { CONDITIONALS, EVENT_NOUNS, HYPOTHETICAL } from "./lexicon";
import type { Passage } from "./passage";
import { nounPhraseEnd, PHRASE } from "./phrase";

const WORD = /[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*\.?/gu;

const EVENT_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...EVENT_NOUNS].join("|")})(?![\\p{L}\\p{N}])`, "u");

const LINKING = /(?:^|\s)(?:on|of|in|for|with|to|at|by|from|against|the|a|an|de|del|en|con|por|para|contra|el|la|los|las|que|that)(?=\s|$)/iu;

export interface EventFrame extends Frame {
  clauseStart: number;
  independent: boolean;
}

/** "… por fuerzas estadounidenses", "… by U.S. special forces": a government after "by"/"por" a few words on in the noun's phrase. */
const AGENT_BY = new RegExp(`^[^,;:.()“”"«»]{0,60}?\\s(?:by|por)\\s+${PHRASE}`, "u");

/** The agent of an event noun, read as a passive deed's agent is (phrase.ts), and where its name ends. */
function agentAfter(p: Passage, from: number, limit: number, ctx: FrameContext): { reading: ChunkReading; end: number } | null {
  const m = AGENT_BY.exec(p.plain.slice(from, limit));
  if (!m) return null;
  const phrase = m[1] as string;
  const start = from + m[0].length - phrase.length;
  const end = start + nounPhraseEnd(phrase);
  const reading = readChunk(p, start, end, ctx.markers, ctx.registry);
  return reading.kind === "holder" && reading.holder.actor ? { reading, end } : null;
}

/**
 * A government's deed named by an event noun with the government as its modifier: "U.S. strikes on drug
 * boats have killed …", "the American military raid on Caracas", "los bombardeos estadounidenses contra
 * lanchas". English puts the government before the noun (up to two words between: "U.S. military raid"),
 * Spanish after it ("la operación militar estadounidense"). The words from the noun on say what the deed was.
 */
export function findEventFrames(p: Passage, sentence: Range, ctx: FrameContext): EventFrame[] {
  const frames: EventFrame[] = [];
  // Most sentences name no deed: one test of the sentence before splitting it into words.
  const folded = p.folded.slice(sentence.start, sentence.end);
  if (!EVENT_WORD.test(folded)) return frames;
  const words = [...folded.matchAll(WORD)].map((w) => ({
    text: w[0].replace(/\.$/, ""),
    start: sentence.start + (w.index ?? 0),
    end: sentence.start + (w.index ?? 0) + w[0].length,
  }));
  words.forEach((word, i) => {
    if (!EVENT_NOUNS.has(word.text)) return;
    if (words.slice(Math.max(0, i - 4), i).some((w) => HYPOTHETICAL.has(w.text) || CONDITIONALS.has(w.text))) return;
    // "la captura de Nicolás Maduro por fuerzas estadounidenses", "the raid on Caracas by U.S. special forces": the agent after "by"/"por".
    const agent = agentAfter(p, word.end, sentence.end, ctx);
    if (agent) {
      frames.push({
        rule: "prose:event",
        attribution: "action",
        verbClass: "action",
        cue: { start: word.start, end: word.end },
        subject: agent.reading,
        content: { start: word.start, end: agent.end },
        span: { start: word.start, end: agent.end },
        hedged: false,
        conditional: false,
        statesNothing: false,
        clauseStart: word.start,
        independent: true,
      });
      return;
    }
    const around = ctx.lang === "es" ? words.slice(i + 1, i + 4) : words.slice(Math.max(0, i - 3), i).reverse();
    for (const modifier of around) {
      const between = ctx.lang === "es" ? p.plain.slice(word.end, modifier.start) : p.plain.slice(modifier.end, word.start);
      if (/[,;:()“”"«»]/.test(between)) return;
      // Only modifiers stand between ("U.S. military raid"): a preposition or article means another phrase ("U.S. working on sanctions").
      if (LINKING.test(between)) return;
      const reading = readChunk(p, modifier.start, modifier.end, ctx.markers, ctx.registry);
      if (reading.kind === "holder" && reading.holder.actor) {
        const start = ctx.lang === "es" ? word.start : modifier.start;
        // The deed's words run to the end of its clause: "U.S. strikes on boats have killed 80 people, officials said".
        const comma = /[,;:]/.exec(p.plain.slice(word.end, sentence.end));
        const end = comma ? word.end + comma.index : sentence.end;
        frames.push({
          rule: "prose:event",
          attribution: "action",
          verbClass: "action",
          cue: { start: word.start, end: word.end },
          subject: reading,
          content: { start: word.start, end },
          span: { start, end },
          hedged: false,
          conditional: false,
          statesNothing: false,
          clauseStart: start,
          independent: true,
        });
        return;
      }
    }
  });
  return frames;
}
