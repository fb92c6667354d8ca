import type { Attribution } from "../../../db/schema";
import { fold } from "../fold";
import { type ChunkReading, type holderMarkers, markersIn, type NameRegistry, readChunk } from "./holders";
import {
  ADVERBIAL_OPENERS,
  BE_FORMS,
  BELONGING_PREPOSITIONS,
  CLAUSE_WORDS,
  CONDITIONALS,
  COORDINATORS,
  DOCUMENT_NOUNS,
  FACING_PREPOSITIONS,
  HEDGES,
  PARENTHETICAL_OPENERS,
  PERSON_OBJECTS,
  PERSONAL_PRONOUNS,
  ROLE_NOUNS,
  SKIPPABLE,
  SPEECH_NOUNS,
} from "./lexicon";
import { findColonFrame } from "./colon";
import { nounPhraseEnd, PHRASE } from "./phrase";
import { findEventFrames } from "./events";
import { findNominalFrames } from "./nominals";
import type { Passage } from "./passage";
import type { QuoteRange, SentenceRange } from "./sentences";
import type { VerbClass } from "./verbs";
import { findVerbs, type VerbHit } from "./verbs-match";

/** The named rules (sieves) of the prose stage; every prose stance records the one that found it. */
export type ProseRule =
  | "prose:quote-speaker-after"
  | "prose:quote-speaker-before"
  | "prose:quote-continued"
  | "prose:speaker-label"
  | "prose:statement"
  | "prose:author"
  | "prose:reported-speech"
  | "prose:reported-speaker-after"
  | "prose:according-to"
  | "prose:nominal"
  | "prose:event"
  | "prose:stance-verb"
  | "prose:action";

export interface Range {
  start: number;
  end: number;
}

/**
 * One attribution in a sentence: who (as read from the words, before pronouns are resolved), the
 * verb or phrase that attributes, and the words that carry the position.
 */
export interface Frame {
  /** "according" for "according to" / "según", which attributes without a verb. */
  rule: ProseRule;
  attribution: Attribution;
  verbClass: VerbClass | "according";
  cue: Range;
  /** "inherit": the subject of the clause this verb continues; a participle ("…, saying …") takes the main clause's. */
  subject: ChunkReading | { kind: "inherit"; participle: boolean } | { kind: "zero"; at: number };
  content: Range;
  /** What the stance stores: the holder's clause, or the quotation itself. */
  span: Range;
  /** Whether the holder's words start the span (a pronoun or name to the left of the verb in this sentence). */
  hedged: boolean;
  conditional: boolean;
  /**
   * The words state no position, though the frame still reports them: an attack on or a judgement of a person
   * ("called him a …"), or what was left unsaid ("did not say which goods").
   */
  statesNothing: boolean;
}

export interface FrameContext {
  markers: ReturnType<typeof holderMarkers>;
  registry: NameRegistry;
  lang: "en" | "es";
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const WORD_JOINERS = "’'.-";
const NOT_ADVERBS = new Set(["ally", "family", "rally", "july", "italy", "supply", "reply", "assembly", "anomaly", "monopoly", "italy", "fly", "belly"]);
const BOUNDARY_CHARS = /[.;:!?()[\]“”"«»—–,]/;

/** Units of the letter or digit that ends at `at` (a surrogate pair is one letter), 0 when none does. */
function letterBefore(text: string, floor: number, at: number): number {
  if (at <= floor) return 0;
  const pair = at - 2 >= floor && /[\uDC00-\uDFFF]/.test(text[at - 1] as string) && /[\uD800-\uDBFF]/.test(text[at - 2] as string);
  return LETTER_OR_DIGIT.test(text.slice(pair ? at - 2 : at - 1, at)) ? (pair ? 2 : 1) : 0;
}

/**
 * The word, or initialism with its full stops ("U.S.", "EE. UU."), that ends [floor, at), white
 * space after it allowed. Read from the right, so each call costs the word's length, not the text's.
 */
function lastWord(p: Passage, floor: number, at: number): { word: string; start: number } | null {
  const text = p.folded;
  let end = at;
  while (end > floor && /\s/u.test(text[end - 1] as string)) end--;
  const wordEnd = end;
  if (end > floor && text[end - 1] === ".") end--;
  let start = end;
  const letters = () => {
    for (let n = letterBefore(text, floor, start); n > 0; n = letterBefore(text, floor, start)) start -= n;
  };
  letters();
  if (start === end) return null;
  while (start - 1 > floor && WORD_JOINERS.includes(text[start - 1] as string) && letterBefore(text, floor, start - 1) > 0) {
    start--;
    letters();
  }
  return { word: text.slice(start, wordEnd), start };
}

function isSkippable(word: string): boolean {
  if (SKIPPABLE.has(word) || HEDGES.has(word)) return true;
  if (word.length > 4 && word.endsWith("ly") && !NOT_ADVERBS.has(word)) return true;
  return word.length > 6 && word.endsWith("mente");
}

/** Walks left from a verb over auxiliaries, adverbs and negation; reports a hedge ("is likely to", "could"). */
function skipLeft(p: Passage, floor: number, at: number): { at: number; hedged: boolean; passive: boolean } {
  let hedged = false;
  let passive = false;
  let perfect = false;
  for (;;) {
    const last = lastWord(p, floor, at);
    if (!last || !isSkippable(last.word)) break;
    // "was (last) decertified", "fue deportado": a form of "to be" before the participle makes it passive, unless it is "has been".
    if (BE_FORMS.has(last.word) && !perfect) passive = true;
    if (/^(?:has|have|had|ha|han|habia|habian)$/.test(last.word)) perfect = true;
    if (HEDGES.has(last.word)) hedged = true;
    at = last.start;
  }
  // "is likely to insist", "is expected to": the author's forecast of the holder, not a position.
  const to = /\bto\s*$/.exec(p.folded.slice(floor, at));
  if (to) {
    const beforeTo = lastWord(p, floor, floor + to.index);
    if (beforeTo && HEDGES.has(beforeTo.word)) hedged = true;
  }
  return { at, hedged, passive };
}

/**
 * "Colombia's mines and energy minister", "the foreign and defense ministers", "Mines and Energy Minister Edwin
 * Palma": an "and" between two words of one office, the second followed by its role noun, joins the offices of
 * one subject; it starts no clause. Both words are written alike (lower case, or capitalised as a title).
 */
function joinsOffices(p: Passage, word: { word: string; start: number }, from: number, at: number): boolean {
  if (word.word !== "and" && word.word !== "y") return false;
  const after = p.plain.slice(from, at).trim().split(/\s+/);
  const before = p.plain.slice(Math.max(0, word.start - 30), word.start).trim().split(/\s+/).pop() ?? "";
  // "Customs and Border Protection", "ministra de Minas y Energía": an "and" inside a capitalised name.
  const capitalised = (w: string | undefined) => /^\p{Lu}\p{Ll}+,?$/u.test(w ?? "");
  const ofBefore = /(?:^|\s)(?:of|de|del)\s+\S+\s*$/u.test(p.plain.slice(Math.max(0, word.start - 40), word.start));
  if (capitalised(before) && capitalised(after[0]) && (ofBefore || capitalised(after[1]))) return true;
  if (after.length <= 2 && after.every((w) => /^\p{Ll}+$/u.test(w)) && ROLE_NOUNS.has(after[after.length - 1] as string) && /^\p{Ll}+$/u.test(before)) return true;
  return /^\p{Lu}\p{Ll}+$/u.test(before) && /^\p{Lu}\p{Ll}+$/u.test(after[0] ?? "") && ROLE_NOUNS.has((after[1] ?? "").toLowerCase());
}

/** Start of the noun phrase that ends at `at`: back to punctuation, a clause word, a verb, or twelve words. */
function chunkStart(p: Passage, floor: number, at: number, verbs: VerbHit[]): number {
  let start = at;
  let count = 0;
  for (;;) {
    const last = lastWord(p, floor, start);
    if (!last) break;
    const between = p.plain.slice(last.start + last.word.length, start);
    if (count > 0 && BOUNDARY_CHARS.test(between)) break;
    if (verbs.some((v) => v.start <= last.start && last.start < v.end)) break;
    if (CLAUSE_WORDS.has(last.word) && !joinsOffices(p, last, start, at)) break;
    if (++count > 12) break;
    start = last.start;
    if (count === 1 && BOUNDARY_CHARS.test(between)) break;
  }
  return start;
}

interface SubjectScan {
  reading: ChunkReading | null;
  chunk: Range | null;
  hedged: boolean;
  passive: boolean;
  /** The verb continues an earlier verb's clause ("Trump called …, accused …, and told …"). */
  coordinated: boolean;
  /** The subject follows a coordinator that starts a clause of its own ("…, and Petro prohibited …"). */
  afterCoordinator: boolean;
  /** The verb follows a quotation and a comma: its subject comes after it ("”, dijo Petro", "," said the ministry"). */
  speakerAfterQuote?: boolean;
  /** The verb opens a relative clause without "that" on an object noun ("companies it said laundered money"), not on an appositive (", a step he called"). */
  relative?: boolean;
}

function endsWithComma(text: string): number {
  const m = /,\s*[”"»’]?\s*$/.exec(text) ?? /[”"»]\s*,\s*$/.exec(text);
  return m ? m.index : -1;
}

/** Words that open a relative clause, which may quote ("Petro, who has called oil "the poison …," defended"). */
const RELATIVE_PRONOUNS = "who|whose|which|quien|quienes|que";
const RELATIVE_OPENER = new RegExp(`^(?:${RELATIVE_PRONOUNS})$`);
/** Text that ends inside a relative clause's quotation: ", who has called oil “the poison of the planet,”". */
const QUOTED_RELATIVE = new RegExp(`,\\s*(?:${RELATIVE_PRONOUNS})\\s[^,“”"«»]*[“"«][^“”"«»]*[”"»]?\\s*,?\\s*[”"»]?\\s*$`, "iu");

/** Pronouns that, after a noun, open a relative clause without "that": "the boats it says carried cocaine". */
const REDUCED_RELATIVE_PRONOUNS = new Set(["he", "she", "it", "they"]);

/** A relative pronoun just before the verb, past a few adverbs: ", who last month called", ", quien ayer pidió", ", which said". */
const WHO_BEFORE_VERB = /,\s*(?:who|which|quien|quienes|que|(?:el|la|los|las) cual(?:es)?)\s+(?:[\p{L}]+\s+){0,3}$/u;

/** Where a noun phrase starts once the words before its last preposition are dropped ("repeatedly with Trump" → "Trump"). */
function nounPhraseAfterPreposition(p: Passage, start: number, end: number): number {
  const text = p.folded.slice(start, end);
  let at = start;
  for (const m of text.matchAll(/(?:^|\s)(?:with|to|for|against|by|on|at|from|con|contra|para|por|ante|a)\s+/gu)) at = start + m.index + m[0].length;
  return at;
}

/** The subject of a verb, read leftwards: "Petro, who …, said", "Trump, meanwhile, has defended", "U.S. officials said". */
function subjectLeft(p: Passage, sentence: SentenceRange, verb: VerbHit, verbs: VerbHit[], ctx: FrameContext): SubjectScan {
  const floor = sentence.start;
  const skipped = skipLeft(p, floor, verb.start);
  const base = { hedged: skipped.hedged, passive: skipped.passive && verb.verb.pastParticiple, coordinated: false, afterCoordinator: false };
  const before = p.plain.slice(floor, skipped.at);
  // “…,” said Petro / «…», dijo Petro: the speaker follows the verb.
  // Not when the quotation closes a relative clause: "Petro, who has called oil "the poison of the planet," defended …".
  const quotedRelative = QUOTED_RELATIVE.test(before);
  if (!quotedRelative && /[”"»]\s*,\s*$|,\s*[”"»]\s*$/.test(before)) return { ...base, reading: null, chunk: null, speakerAfterQuote: true };
  // "… with U.S. President Donald Trump, who last month called him …": the relative pronoun's antecedent, an object of the
  // clause before, is the subject. A relative on the sentence's own subject ("Petro, who has called oil …, defended") is
  // that subject's description, read with its main verb.
  const relative = WHO_BEFORE_VERB.exec(p.folded.slice(floor, skipped.at));
  if (relative) {
    const commaAt = floor + relative.index;
    const start = nounPhraseAfterPreposition(p, chunkStart(p, floor, commaAt, verbs), commaAt);
    const reading = start > floor ? readChunk(p, start, commaAt, ctx.markers, ctx.registry) : null;
    if (reading && reading.kind !== "none") return { ...base, reading, chunk: { start, end: commaAt } };
  }
  const comma = endsWithComma(before);
  const coordinatorBefore = (at: number) => {
    const word = lastWord(p, floor, at);
    if (word && COORDINATORS.has(word.word)) return true;
    // "…, mientras que la delegación estadounidense mantuvo …": a contrast that opens a clause of its own.
    return /[;]\s*$|(?:^|[\s,])(?:mientras|en tanto) que\s*$/.test(p.folded.slice(floor, at));
  };
  if (comma >= 0 || coordinatorBefore(skipped.at)) {
    const commaAt = comma >= 0 ? floor + comma : -1;
    if (commaAt >= 0) {
      // A parenthetical between the subject and the verb: ", meanwhile,", ", who …,", ", a former guerrilla,".
      const open = p.plain.lastIndexOf(",", commaAt - 1);
      if (open >= floor) {
        const inner = p.folded.slice(open + 1, commaAt).trim();
        const crossesQuote = /[“”"«»]/.test(inner);
        const innerHasVerb = verbs.some((v) => v.start > open && v.end <= commaAt);
        const opener = inner.split(/\s+/)[0] ?? "";
        // ", asked about the remarks," / ", speaking on condition of anonymity,": a participle phrase is a parenthetical too.
        const participle = /^\p{L}+(?:ed|ing)$/u.test(opener);
        // ", who has called oil "the poison of the planet,"": a relative clause may quote.
        const relative = RELATIVE_OPENER.test(opener);
        if (inner && (!crossesQuote || relative) && inner.split(/\s+/).length <= 15 && (PARENTHETICAL_OPENERS.has(opener) || participle || !innerHasVerb)) {
          const start = chunkStart(p, floor, open, verbs);
          const reading = readChunk(p, start, open, ctx.markers, ctx.registry);
          if (reading.kind !== "none") {
            // "Laura Sarabia, Colombia's foreign minister, said": the appositive ties the name to its actor.
            const appositive = readChunk(p, open + 1, commaAt, ctx.markers, ctx.registry);
            if (reading.kind === "holder" && reading.holder.actor === null && appositive.kind === "holder" && appositive.holder.actor) {
              ctx.registry.register(reading.holder.text, appositive.holder.actor);
              return { ...base, reading: { kind: "holder", holder: { ...reading.holder, actor: appositive.holder.actor, via: "registry" } }, chunk: { start, end: open } };
            }
            // "El ministro, Pete Hegseth, dijo": the named person's government, not the office's guess at the home government.
            if (reading.kind === "holder" && reading.holder.via === "home" && appositive.kind === "holder" && appositive.holder.person && appositive.holder.via === "named" && appositive.holder.actor) {
              const holder = { ...reading.holder, actor: appositive.holder.actor, via: "named" as const, name: appositive.holder.name };
              return { ...base, reading: { kind: "holder", holder }, chunk: { start, end: open } };
            }
            return { ...base, reading, chunk: { start, end: open }, afterCoordinator: coordinatorBefore(start) };
          }
        }
      }
    }
    return { ...base, reading: null, chunk: null, coordinated: true };
  }
  const start = chunkStart(p, floor, skipped.at, verbs);
  if (start >= skipped.at) return { ...base, reading: null, chunk: null };
  const reading = readChunk(p, start, skipped.at, ctx.markers, ctx.registry);
  // "…, a step he called “a lie”", "companies it said laundered money": a relative clause without "that" has its own
  // subject, the pronoun before the verb, whatever the noun before it names.
  const pronoun = lastWord(p, start, skipped.at);
  const written = pronoun ? p.lower.slice(pronoun.start, pronoun.start + pronoun.word.length) : "";
  if (pronoun && ((reading.kind === "none" && PERSONAL_PRONOUNS.has(written)) || (pronoun.start > start && REDUCED_RELATIVE_PRONOUNS.has(pronoun.word)))) {
    const own = readChunk(p, pronoun.start, skipped.at, ctx.markers, ctx.registry);
    return { ...base, reading: own, chunk: { start: pronoun.start, end: skipped.at }, relative: pronoun.start > start && !/,\s*$/.test(p.plain.slice(floor, start)) };
  }
  return { ...base, reading, chunk: { start, end: skipped.at }, afterCoordinator: coordinatorBefore(start) };
}

const RIGHT_PHRASE = new RegExp(`^\\s+${PHRASE}`, "u");

/** Spanish puts the subject after the verb ("dijo Petro", "afirmó el canciller colombiano"), as does "…,” said the minister". */
function subjectRight(p: Passage, sentence: SentenceRange, verb: VerbHit, ctx: FrameContext): { reading: ChunkReading; chunk: Range } | null {
  const rest = p.plain.slice(verb.end, sentence.end);
  const m = RIGHT_PHRASE.exec(rest);
  if (!m) return null;
  const first = /[\p{L}\p{N}]+/u.exec(m[1] as string)?.[0].toLowerCase() ?? "";
  // "Agregó que …", "pidió a Washington …": what follows is the verb's complement, not its subject.
  if (first === "que" || first === "that" || first === "a" || first === "al") return null;
  // "dijo en inglés un funcionario", "afirmó por teléfono el ministro": a manner phrase before the subject is not part of it.
  const manner = /^(?:en|por|desde)\s+\p{L}+\s+(?=(?:un|una|el|la|los|las)\s)/u.exec(m[1] as string)?.[0].length ?? 0;
  const phrase = (m[1] as string).slice(manner);
  const end = nounPhraseEnd(phrase);
  const start = verb.end + (m.index ?? 0) + (m[0].length - (m[1] as string).length) + manner;
  const reading = readChunk(p, start, start + end, ctx.markers, ctx.registry);
  return reading.kind === "none" ? null : { reading, chunk: { start, end: start + end } };
}

/**
 * The agent of a passive deed, named after it: "was decertified by the United States", "were turned back on
 * Petro's orders", "fue sancionado por el Departamento del Tesoro", "por orden de Petro". Only a government's
 * holder counts: "por decisión propia" or "by a wide margin" name none. A passive without one is background.
 */
const AGENT = new RegExp(
  `^\\s+(?:[\\p{L}\\p{N}]+\\s+){0,4}?(?<by>(?:by|on)\\s+(?:the\\s+)?(?:orders?|instructions?)\\s+of|at\\s+the\\s+request\\s+of|on|by|por\\s+(?:orden|[oó]rdenes|instrucci[oó]n|instrucciones)\\s+del?|a\\s+petici[oó]n\\s+del?|por)\\s+${PHRASE}`,
  "u",
);
/** "on Petro's orders": after a bare "on", only the possessor of an order is an agent. */
const ORDERED_BY = /^(.+?)['’]s\s+(?:orders?|instructions?|request)\b/u;

function passiveAgent(p: Passage, sentence: SentenceRange, verb: VerbHit, ctx: FrameContext): { reading: ChunkReading; patient: number } | null {
  const m = AGENT.exec(p.plain.slice(verb.end, sentence.end));
  if (!m) return null;
  // Group 1 is the preposition (`by`), group 2 the phrase after it.
  const phrase = m[2] as string;
  const ordered = ORDERED_BY.exec(phrase);
  if (m.groups?.by === "on" && !ordered) return null;
  const start = verb.end + m[0].length - phrase.length;
  const end = start + (ordered ? (ordered[1] as string).length : nounPhraseEnd(phrase));
  const reading = readChunk(p, start, end, ctx.markers, ctx.registry);
  if (reading.kind !== "holder" || !reading.holder.actor) return null;
  // The deed's words start with its patient: after the last comma or semicolon before the verb.
  const before = p.plain.slice(sentence.start, verb.start);
  const cut = Math.max(before.lastIndexOf(", "), before.lastIndexOf("; "));
  return { reading, patient: cut >= 0 ? sentence.start + cut + 2 : sentence.start };
}

/** The quotation that closes, with its comma, right before `at` ("«…», dijo", "“…,” he said"). */
function quoteBefore(p: Passage, sentence: SentenceRange, quotes: QuoteRange[], at: number): QuoteRange | undefined {
  const head = p.plain.slice(sentence.start, at);
  const comma = endsWithComma(head);
  return comma > 0 ? quotes.find((q) => q.open >= sentence.start && Math.abs(q.close - (sentence.start + comma)) <= 2) : undefined;
}

function quoteAt(quotes: QuoteRange[], at: number): QuoteRange | undefined {
  return quotes.find((q) => q.open === at);
}

const innerOf = (q: QuoteRange): Range => ({ start: q.open + 1, end: q.close });

/**
 * The attribution frames of one sentence. Each attribution verb with a subject makes a frame; a
 * frame inside another's reported words ("Petro said the U.S. deported …") belongs to that one and
 * is dropped, unless a coordinator starts it as a clause of its own ("…, and Petro prohibited …").
 */
export function findFrames(p: Passage, sentence: SentenceRange, quotes: QuoteRange[], ctx: FrameContext): Frame[] {
  // A verb form inside a name is part of the name ("Homeland Security", "Casa Blanca").
  const names = markersIn(p.plain.slice(sentence.start, sentence.end), ctx.markers);
  // A verb inside a quotation is the quoted speaker's, not a new attribution.
  const verbs = findVerbs(p, sentence.start, sentence.end).filter(
    (v) =>
      !names.some((n) => v.start < sentence.start + n.end && sentence.start + n.start < v.end) &&
      !quotes.some((q) => v.start > q.open && v.start < q.close),
  );
  const sentenceQuotes = quotes.filter((q) => q.open >= sentence.start && q.close < sentence.end);
  const frames: (Frame & { clauseStart: number; independent: boolean })[] = [];
  for (const verb of verbs) {
    const before = p.folded.slice(sentence.start, verb.start);
    if (describesNoun(p, sentence, verb, before)) continue;
    if (reducedPassive(p, verb, before) || nounAfterDeterminer(verb, before)) continue;
    // "agreed to accept", "wants to deport": the infinitive is the earlier verb's content.
    const infinitive = /\bto\s+$/.test(before) || verb.verb.infinitive === true;
    // A Spanish infinitive after a preposition is an act of the clause's subject only where a verb governs it ("volvió a
    // cuestionar", "va a suspender", "dejó de compartir"); "sin superar", "la forma de reducir", "para deportar" are not.
    if (verb.verb.infinitive && /(?:^|\s)(?:a|al|de|del|sin|para|por|tras|con|en)\s+$/.test(before) && !GOVERNS_INFINITIVE.test(before)) continue;
    // "divided over how fast to ease sanctions", "whether to certify": a question, no one's position.
    if (infinitive && /\b(?:how|whether|what|when|where|which)(?:\s+\p{L}+){0,2}\s+to\s+$/u.test(before)) continue;
    if (infinitive) {
      const previous = frames[frames.length - 1];
      // Not past a clause boundary: "After the U.S. bombed Caracas, Petro went on X to suggest …" is Petro's verb.
      if (previous && verb.start - previous.cue.end < 60 && !/[,;:]/.test(p.plain.slice(previous.cue.end, verb.start))) continue;
    }
    // "accused Washington of killing fishermen", "blamed Bogotá for letting …": the gerund is the earlier verb's charge;
    // "vows to keep striking drug boats": a gerund after keep, stop or resume is what is kept, stopped or resumed.
    if (verb.verb.participle && /\s(?:of|for|about|keep|keeps|kept|keeping|continue|continues|continued|stop|stops|stopped|resume|resumes|resumed|start|starts|started|quit|quits)\s+$/.test(before)) {
      const previous = frames[frames.length - 1];
      if (previous && previous.verbClass !== "action" && verb.start - previous.cue.end < 80 && !/[,;:]/.test(p.plain.slice(previous.cue.end, verb.start))) continue;
    }
    const scan = infinitive
      ? { reading: null, chunk: null, hedged: skipLeft(p, sentence.start, verb.start).hedged, passive: false, coordinated: false, afterCoordinator: false }
      : subjectLeft(p, sentence, verb, verbs, ctx);
    const agent = scan.passive && verb.verb.verbClass === "action" ? passiveAgent(p, sentence, verb, ctx) : null;
    if (scan.passive && !agent) continue;
    let subject: Frame["subject"] | null = agent ? agent.reading : scan.reading && scan.reading.kind !== "none" ? scan.reading : null;
    let chunk = subject && !agent ? scan.chunk : null;
    if (!subject && !agent) {
      const issuer = documentIssuer(p, sentence, verb, ctx);
      if (issuer) {
        subject = issuer.reading;
        chunk = issuer.chunk;
      }
    }
    if (!subject && (ctx.lang === "es" || scan.speakerAfterQuote)) {
      const right = subjectRight(p, sentence, verb, ctx);
      if (right) {
        subject = right.reading;
        chunk = right.chunk;
      }
    }
    if (!subject && infinitive) {
      // "Petro went on X to suggest …": the clause's first holder is the subject.
      const head = firstHolder(p, sentence.start, verb.start, ctx);
      if (head) {
        subject = head.reading;
        chunk = head.chunk;
      }
    }
    // A noun-like form ("tariffs and sanctions") continues no verb: only a form that is surely a verb inherits a subject.
    const nounLike = NOUN_LIKE.has(verb.verb.lemma) && !verb.verb.participle && !verb.verb.pastParticiple;
    // "Despite having once claimed …, he …": a perfect participle is a participle too, its subject the main clause's.
    const perfectParticiple = verb.verb.pastParticiple && /(?:^|\s)(?:having|habiendo)\s+(?:\p{L}+\s+)?$/u.test(p.folded.slice(sentence.start, verb.start));
    if (!subject && !nounLike && (scan.coordinated || verb.verb.participle || perfectParticiple))
      subject = { kind: "inherit", participle: verb.verb.participle || perfectParticiple };
    if (!subject && ctx.lang === "es" && clauseInitial(p, sentence, verb)) subject = { kind: "zero", at: verb.start };
    if (!subject) continue;
    // "the positions below are read from what ministers said": a free relative names what was said, it reports nothing.
    if (chunk && /(?<!\p{L})(?:what|lo que)\s/u.test(p.folded.slice(chunk.start, chunk.end))) continue;
    // "The Treasury sanctioned four companies it said laundered money": the relative clause is the earlier verb's object.
    if (scan.relative && frames.some((f) => f.cue.end <= verb.start)) continue;
    const antecedent = subject.kind === "holder" && chunk ? relativeAntecedent(p, sentence, chunk, verbs) : null;
    const clauseStart = agent ? agent.patient : chunk && chunk.end <= verb.start ? chunk.start : verb.start;
    const conditional = isConditional(p, sentence, clauseStart);
    const frame = {
      rule: (verb.verb.verbClass === "action" ? "prose:action" : verb.verb.verbClass === "stance" ? "prose:stance-verb" : "prose:reported-speech") as ProseRule,
      attribution: (verb.verb.verbClass === "action" ? "action" : "reported") as Attribution,
      verbClass: verb.verb.verbClass,
      cue: { start: verb.start, end: verb.end },
      subject,
      // A passive deed's words are its patient as much as what follows ("aircraft carrying deportees were turned back …").
      content: { start: agent ? clauseStart : verb.end, end: sentence.end },
      span: { start: clauseStart, end: sentence.end },
      hedged: scan.hedged,
      conditional,
      statesNothing: false,
      clauseStart,
      independent: scan.afterCoordinator || subject.kind === "inherit",
    };
    if (antecedent !== null) {
      // "an idea that Petro has defended": the holder of the relative clause holds the noun it modifies; the clause
      // stays part of the earlier verb's words too ("Washington rejected a proposal that Bogotá had presented").
      frame.content = { start: antecedent, end: sentence.end };
      frame.span = { start: antecedent, end: sentence.end };
      frame.clauseStart = sentence.end;
      frame.independent = true;
    }
    // "U.S. support is essential": a demonym before a noun that is also a verb is a noun phrase.
    if (chunk && NOUN_LIKE.has(verb.verb.lemma) && /^(?:u\.?s\.?|us|american|colombian|ee\.? ?uu\.?)$/i.test(p.folded.slice(chunk.start, chunk.end).trim())) continue;
    placeQuote(p, sentence, sentenceQuotes, frame, chunk);
    // "declined to comment", "did not respond": no position is stated.
    if (/^\s+(?:to\s+)?(?:comment|respond|elaborate|say more|discuss)\b|^\s+(?:a\s+)?(?:comentar|pronunciarse|responder)\b/.test(p.folded.slice(verb.end, verb.end + 30)) && /^(?:decline|refuse|declinar|negarse|rehusar)$/.test(verb.verb.lemma)) continue;
    // "He did not say which goods", "no precisó cuándo": what was left unsaid is no position, though the speaker is
    // still the one the next sentence may go on about.
    const unsaid = verb.verb.verbClass === "speech" && NOT_SAYING.test(before) && WH_AFTER.test(p.lower.slice(verb.end, verb.end + 25));
    // Inside ", who … ," the verb's words end at the comma that closes the relative clause.
    const relative = /,\s*(?:who|which|quien|quienes)\b[^,]*$/.exec(p.folded.slice(sentence.start, verb.start));
    if (relative) {
      const close = p.plain.indexOf(",", verb.end);
      if (close > 0 && close < frame.content.end) {
        frame.content = { ...frame.content, end: close };
        frame.span = { ...frame.span, end: close };
      }
    }
    // "If that failed, he said, he would …": an attribution set off by commas reports what follows it.
    const aside = frame.verbClass === "speech" && frame.attribution !== "quote" && /^\s*,\s*(?![“"«])/.exec(p.plain.slice(verb.end, sentence.end));
    if (aside) frame.content = { start: verb.end + aside[0].length, end: sentence.end };
    else if (frame.attribution !== "quote" && frame.rule !== "prose:reported-speaker-after") endAtNewClause(p, frame, sentenceQuotes, ctx);
    if (frame.rule === "prose:reported-speech" && !STRONG_SPEECH.has(verb.verb.lemma) && !hasComplement(p, frame, verb.verb.lemma)) continue;
    frame.statesNothing = unsaid || judgesPerson(p, frame, ctx);
    frames.push(frame);
    // "«La hoja de coca no es el enemigo», dijo el mandatario, «el enemigo es …»": a quotation split around its
    // attribution is the speaker's on both sides.
    const opening = frame.rule === "prose:quote-speaker-before" ? quoteBefore(p, sentence, sentenceQuotes, Math.min(chunk?.start ?? verb.start, verb.start)) : null;
    if (opening) frames.push({ ...frame, rule: "prose:quote-speaker-after", content: innerOf(opening), span: innerOf(opening), clauseStart: opening.open });
  }
  const colon = frames.length === 0 ? findColonFrame(p, sentence, quotes, ctx) : null;
  if (colon) frames.push(colon);
  const according = accordingTo(p, sentence, ctx, frames);
  const verbal = according ? [...frames, according] : frames;
  // A holder's noun ("Washington's insistence on …") is a frame of its own unless a verb already reads those words.
  const nominals = findNominalFrames(p, sentence, ctx).filter(
    (n) => !verbal.some((f) => (n.cue.start >= f.content.start && n.cue.start < f.content.end) || (n.cue.start < f.cue.end && f.cue.start < n.cue.end)),
  );
  for (const nominal of nominals) endAtNewClause(p, nominal, sentenceQuotes, ctx);
  // A deed named by its noun ("U.S. strikes on boats") likewise, unless it is what another frame reports or names.
  const events = findEventFrames(p, sentence, ctx).filter(
    (e) => ![...verbal, ...nominals].some((f) => (e.cue.start >= f.content.start && e.cue.start < f.content.end) || (e.cue.start < f.cue.end && f.cue.start < e.cue.end)),
  );
  for (const event of events) endAtNewClause(p, event, sentenceQuotes, ctx);
  const extra = [...(according ? [according] : []), ...nominals, ...events];
  return nest(p, extra.length ? [...frames, ...extra].sort((a, b) => a.span.start - b.span.start) : frames);
}

/** "14 people wanted by U.S. courts": an English participle after its noun, with its agent, describes the noun; only a deed is read so. */
function reducedPassive(p: Passage, verb: VerbHit, before: string): boolean {
  if (verb.verb.lang !== "en" || !verb.verb.pastParticiple || verb.verb.verbClass === "action") return false;
  return /^\s+by\s/.test(p.folded.slice(verb.end, verb.end + 5)) && !/(?:^|\s)(?:is|are|was|were|be|been|being|has|have|had)\s+$/.test(before);
}

/** "over an overnight strike", "the ban": an article or a possessive before a form that is also a noun makes it one. */
function nounAfterDeterminer(verb: VerbHit, before: string): boolean {
  return NOUN_LIKE.has(verb.verb.lemma) && /(?:^|\s)(?:(?:a|an|another|every|each)\s+(?:[\p{L}-]+\s+)?|(?:the|this|that|its|their|his|her|our|these|those)\s+)$/u.test(before);
}

/** A Spanish participle's auxiliaries and agent: "ha señalado", "fue capturado", "capturado por fuerzas estadounidenses". */
const HABER_BEFORE = /(?:^|\s)(?:ha|han|habia|habian|habra|habria|hemos|he|has|haya|hayan|hubiera|hubo)\s+(?:\p{L}+mente\s+|ya\s+|no\s+)?$/u;
const SER_BEFORE = /(?:^|\s)(?:fue|fueron|sera|seran|es|son|sido|era|eran|esta|estan|estaba)\s+(?:\p{L}+\s+)?$/u;
const AGENT_AFTER = /^\s+(?:\p{L}+\s+){0,3}?por\s/u;

/**
 * "Mosquera, señalado como jefe financiero": a Spanish participle with no "haber" or "ser" before it and no agent
 * after it describes a noun; it reports no one's words. `before`: the sentence's folded text up to the verb.
 */
function describesNoun(p: Passage, sentence: SentenceRange, verb: VerbHit, before: string): boolean {
  if (verb.verb.lang !== "es" || !verb.verb.pastParticiple) return false;
  return !AGENT_AFTER.test(p.folded.slice(verb.end, sentence.end)) && !HABER_BEFORE.test(before) && !SER_BEFORE.test(before);
}

/** A relative pronoun after a noun ("a proposal that", "una idea que", "el plan, que"), not a complement after a verb ("said that"). */
const RELATIVE_AFTER_NOUN = /(?:^|[\s,])([\p{L}’'-]+),?\s+(?:that|which|que|la cual|el cual)\s+$/u;

/** Where the noun phrase a relative clause modifies starts, when the subject chunk opens such a clause; else null. */
function relativeAntecedent(p: Passage, sentence: SentenceRange, chunk: Range, verbs: VerbHit[]): number | null {
  const before = p.plain.slice(sentence.start, chunk.start);
  const m = RELATIVE_AFTER_NOUN.exec(before);
  if (!m) return null;
  const noun = m[1] as string;
  const nounEnd = sentence.start + (m.index + m[0].indexOf(noun)) + noun.length;
  const word = p.folded.slice(nounEnd - noun.length, nounEnd);
  // "después de que", "so that", "now that": a conjunction, not a noun.
  const conjunction = CLAUSE_WORDS.has(word) || ADVERBIAL_OPENERS.has(word) || BELONGING_PREPOSITIONS.has(word) || FACING_PREPOSITIONS.has(word) || /^(?:so|now|given|such|except|provided|ahora|siempre|ya|antes|despues|luego|mas|menos|asi)$/.test(word);
  if (verbs.some((v) => v.end === nounEnd) || conjunction || !/^\p{Ll}/u.test(noun)) return null;
  const start = chunkStart(p, sentence.start, nounEnd, verbs);
  return start < nounEnd ? start : null;
}

const ACCORDING = /(?:^|[\s,(])(according to|segun|de acuerdo con|in the (?:view|words) of|en (?:palabras|opinion) de|a juicio de)\s+/g;

/**
 * "According to the State Department, …", "…, según la Cancillería, …": the position is the rest
 * of the sentence. When that rest has an attribution of its own ("Colombian officials planned …,
 * according to three sources"), the phrase only names the reporter's source and makes no frame.
 */
function accordingTo(p: Passage, sentence: SentenceRange, ctx: FrameContext, frames: Frame[]): (Frame & { clauseStart: number; independent: boolean }) | null {
  const folded = p.folded.slice(sentence.start, sentence.end);
  ACCORDING.lastIndex = 0;
  const m = ACCORDING.exec(folded);
  if (!m) return null;
  const phraseStart = sentence.start + m.index + m[0].indexOf(m[1] as string);
  const holderStart = sentence.start + m.index + m[0].length;
  const close = /[,;.)]/.exec(p.plain.slice(holderStart, sentence.end));
  const holderEnd = close ? holderStart + close.index : sentence.end;
  // "according to figures compiled by …": a statistic with a source, not a position.
  if (/^(?:the\s+)?(?:figures|data|statistics|estimates|a tally|tallies|cifras|datos|estadisticas|estimaciones)\b/.test(p.folded.slice(holderStart, holderEnd))) return null;
  const reading = readChunk(p, holderStart, holderEnd, ctx.markers, ctx.registry);
  if (reading.kind === "none") return null;
  const rest = p.plain.slice(holderEnd, sentence.end).replace(/^[,\s]+/, "");
  const content =
    rest.replace(/[.\s]+$/, "").length > 0
      ? { start: sentence.end - rest.length, end: sentence.end }
      : { start: sentence.start, end: Math.max(sentence.start, phraseStart - 1) };
  if (frames.some((f) => f.cue.start >= content.start && f.cue.start < content.end)) return null;
  // "según Migración Colombia, más de 2,8 millones de venezolanos viven en el país": a count with a source, not a position.
  if (/\d/.test(p.plain.slice(content.start, content.end))) return null;
  return {
    rule: "prose:according-to",
    attribution: "reported",
    verbClass: "according",
    cue: { start: phraseStart, end: holderStart },
    subject: reading,
    content,
    span: content,
    hedged: false,
    conditional: false,
    statesNothing: false,
    clauseStart: content.start,
    independent: true,
  };
}

function firstHolder(p: Passage, from: number, to: number, ctx: FrameContext): { reading: ChunkReading; chunk: Range } | null {
  const text = p.plain.slice(from, to);
  const boundary = Math.max(text.lastIndexOf(","), text.lastIndexOf(";"));
  const clauseFrom = boundary >= 0 ? from + boundary + 1 : from;
  const own = leadingHolder(p, clauseFrom, to, ctx);
  if (own || boundary < 0) return own;
  // "The U.S. chargé d'affaires, John McNamara, used a speech … to urge": after a name set off by commas, the clause
  // opens with its verb, and the noun phrase before the name is its subject.
  const name = /,\s*((?:\p{Lu}[\p{L}’'.-]*\s+){0,3}\p{Lu}[\p{L}’'.-]*)\s*$/u.exec(text.slice(0, boundary));
  return name && !/[;]/.test(text) && /^\s*\p{Ll}/u.test(p.plain.slice(clauseFrom, to)) ? leadingHolder(p, from, to, ctx) : null;
}

/** The noun phrase that opens `from`…`to`: the first reading over its first six words that names anyone. */
function leadingHolder(p: Passage, from: number, to: number, ctx: FrameContext): { reading: ChunkReading; chunk: Range } | null {
  // An initialism keeps its closing full stop: "The U.S." names a government where "The U.S" reads as a name.
  const words = [...p.plain.slice(from, to).matchAll(/[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*(?:(?<=\.\p{Lu})\.)?/gu)];
  for (let n = 1; n <= Math.min(words.length, 6); n++) {
    const last = words[n - 1];
    if (!last) break;
    const end = from + last.index + last[0].length;
    const reading = readChunk(p, from, end, ctx.markers, ctx.registry);
    if (reading.kind !== "none") return { reading, chunk: { start: from, end } };
  }
  return null;
}

/**
 * "un comunicado en el que rechazó …", "una evaluación en la que insta …": a Spanish relative clause on a document
 * or a speech, with no subject of its own, is its issuer's words (the nearest holder before the noun in its clause).
 */
const ISSUED = [...DOCUMENT_NOUNS, ...SPEECH_NOUNS, "rueda de prensa", "conferencia de prensa"].join("|");
const DOCUMENT_RELATIVE = new RegExp(
  `(?:^|\\s)(?:${ISSUED})(?:\\s[^,;:.“”"«»]{0,60}?)?\\s(?:(?:(?:en|mediante)\\s+(?:el|la)|(?:a traves|por medio)\\s+(?:del|de la))\\s+(?:que|cual)|donde)\\s+(?:se\\s+)?$`,
);

function documentIssuer(p: Passage, sentence: SentenceRange, verb: VerbHit, ctx: FrameContext): { reading: ChunkReading; chunk: Range } | null {
  const m = DOCUMENT_RELATIVE.exec(p.folded.slice(sentence.start, verb.start));
  if (!m) return null;
  const nounAt = sentence.start + m.index;
  const text = p.plain.slice(sentence.start, nounAt);
  const from = sentence.start + Math.max(text.lastIndexOf(",") + 1, text.lastIndexOf(";") + 1, 0);
  const words = [...p.plain.slice(from, nounAt).matchAll(/[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*/gu)];
  for (let i = 0; i < words.length; i++) {
    // A holder opens with a name or an article ("Petro", "el Departamento de Estado"), not with "de que".
    if (!/^(?:\p{Lu}|el$|la$|los$|las$)/u.test(words[i]?.[0] ?? "")) continue;
    const start = from + (words[i]?.index ?? 0);
    // The longest reading: "la Embajada de Estados Unidos", not "la Embajada" (an office the home government has too).
    let found: { reading: ChunkReading; chunk: Range } | null = null;
    for (const last of words.slice(i, i + 6)) {
      const end = from + last.index + last[0].length;
      const reading = readChunk(p, start, end, ctx.markers, ctx.registry);
      if (reading.kind === "holder" && reading.holder.actor) found = { reading, chunk: { start, end } };
    }
    if (found) return found;
  }
  return null;
}

function clauseInitial(p: Passage, sentence: SentenceRange, verb: VerbHit): boolean {
  const before = p.folded.slice(sentence.start, verb.start);
  return /(?:^|[,;:”"»]\s*|\b(?:y|e|pero|ademas|tambien|asi lo|lo)\s+)\s*$/.test(before.trimEnd() === "" ? "" : before);
}

function isConditional(p: Passage, sentence: SentenceRange, clauseStart: number): boolean {
  const before = p.folded.slice(sentence.start, clauseStart);
  const last = lastWord(p, sentence.start, clauseStart);
  if (last && CONDITIONALS.has(last.word)) return true;
  // "If Petro stuck to …, it could …" — the clause opened by "if" runs to the next comma.
  const m = /(?:^|[\s,])(if|unless|si)\s[^,;]*$/.exec(before);
  return m !== null;
}

/**
 * Direct speech: a quotation after the verb ("said: “…”", "told reporters, “…”") is the frame's
 * content; a quotation or clause before ", he said" / "”, dijo Petro" is the content of that
 * attribution (the speaker comes after).
 */
function placeQuote(
  p: Passage,
  sentence: SentenceRange,
  quotes: QuoteRange[],
  frame: Frame & { clauseStart: number },
  chunk: Range | null,
): void {
  const after = p.plain.slice(frame.cue.end, sentence.end);
  // "se refirió al programa en un mensaje publicado en X: «…»": a colon introduces a quotation further from the verb, unless a clause ("said that …:") came first.
  const opening = /^(?:\s+[\p{L}’'.-]+){0,4}?\s*[:,]?\s*(?=[“"«])/u.exec(after) ?? /^(?![^:]*(?<!\p{L})(?:that|que)(?!\p{L}))[^.;“”"«»]{1,80}:\s*(?=[“"«])/u.exec(after);
  if (opening && frame.verbClass === "speech") {
    const quote = quoteAt(quotes, frame.cue.end + opening[0].length);
    const between = opening[0];
    // "said: “…”", "told reporters, “…”", "wrote “…”" — not "announced a “Total Peace” effort", where the quotation is a name in the sentence.
    const introduced =
      /[:,]\s*$/.test(between) || between.trim() === "" || /^\s+(?:me|us|him|her|them|reporters|journalists)\s*[:,]?\s*$/i.test(between);
    if (quote && introduced) {
      frame.rule = "prose:quote-speaker-before";
      frame.attribution = "quote";
      frame.content = innerOf(quote);
      frame.span = innerOf(quote);
      return;
    }
  }
  const subjectStart = chunk ? Math.min(chunk.start, frame.cue.start) : frame.cue.start;
  const head = p.plain.slice(sentence.start, subjectStart);
  const comma = endsWithComma(head);
  const rest = p.folded.slice(Math.max(frame.cue.end, chunk?.end ?? 0), sentence.end);
  // "“…,” he said, adding that …": a participle clause after the speaker is a frame of its own, not this verb's words.
  const tail = /^\s*,\s*\p{L}+(?:ing|ando|iendo)\s/u.test(rest) ? "" : rest;
  const tailWords = tail.split(/\s+/).filter(Boolean).length;
  const contentEnd = sentence.start + comma;
  const quote = comma > 0 ? quotes.find((q) => q.close <= contentEnd + 2 && q.close >= contentEnd - 2 && q.open >= sentence.start) : undefined;
  // After a closed quotation the speaker's words may run on with where and how ("told reporters at …, speaking on condition of anonymity").
  // A complement clause of the verb's own ("dijo el presidente que …") is reported speech, not a tail; one inside a
  // relative clause of the tail ("…, donde insistió en que …") is not.
  // After a quotation, "que" right after the speaker opens a relative clause on the speaker ("«…», dijo un funcionario del
  // DHS que pidió no ser identificado"): the quotation is already what was said.
  const complement = quote
    ? /^\s*(?:\S+\s+){0,4}?(?:that|que)\b/.test(tail) && !/^\s*(?:que|who|which|quien|quienes)\s/.test(tail)
    : /\b(?:that|que)\b/.test(tail);
  // "…, Petro said on Tuesday, a day after Washington decertified the country …": a tail that opens with when or where.
  const adverbial = /^\s*(?:on|in|at|during|late|early|earlier|last|this|after|before|following|el|este|esta|tras|durante|en|ayer|hoy)\s/.test(tail);
  const shortTail = tailWords <= (quote || adverbial ? 25 : 10) && !complement && !/[“"«]/.test(tail);
  const participle = frame.subject.kind === "inherit" && frame.subject.participle;
  // "…, President Trump declared a national energy emergency": a verb with an object says what follows it; "told the BBC" names whom.
  const object = chunk !== null && chunk.end <= frame.cue.start && !/^(?:tell|tells|told|telling)$/.test(p.folded.slice(frame.cue.start, frame.cue.end)) && /^\s*(?:a|an|the|its|his|her|their|new)\s/.test(tail);
  // "Asked about the strike, Pigott said …", "Consultada por esta agencia, la canciller dijo …": the question, not the words.
  const asked = /^\s*(?:when\s+)?(?:asked|pressed|questioned|preguntad[oa]s?|consultad[oa]s?|interrogad[oa]s?)(?!\p{L})/iu.test(head);
  // "Tras la captura de Maduro, Petro habló …", "After the vote, Petro said …": a phrase of time or place, not the words
  // ("On migration, Colombia will accept the flights, the minister said" has a clause after its phrase).
  const opener = fold(/^\s*(\p{L}+)/u.exec(head)?.[1] ?? "");
  const adverbialHead = ADVERBIAL_OPENERS.has(opener) && opener !== "segun" && !head.slice(0, comma).includes(",");
  if (comma > 0 && shortTail && frame.verbClass === "speech" && !participle && !object && !((asked || adverbialHead) && !quote)) {
    if (quote) {
      frame.rule = "prose:quote-speaker-after";
      frame.attribution = "quote";
      frame.content = innerOf(quote);
      frame.span = innerOf(quote);
    } else {
      frame.rule = "prose:reported-speaker-after";
      frame.content = { start: sentence.start, end: contentEnd };
      frame.span = { start: sentence.start, end: contentEnd };
    }
    frame.clauseStart = frame.span.start;
  }
}

const NOUN_LIKE = new Set("support plan call push press back offer order ban cut strike demand request aim pledge promise claim sanction threat bar block".split(" "));

/** Speech verbs that report a position with a bare clause ("he warned the flights would stop"); the others need "that", a colon or a quote. */
const STRONG_SPEECH = new Set(
  "say tell argue insist maintain contend stress emphasize emphasise warn declare state announce assure deny promise vow pledge threaten decir afirmar asegurar senalar señalar indicar sostener insistir advertir anunciar reiterar subrayar destacar enfatizar recalcar prometer amenazar negar declarar manifestar expresar explicar considerar plantear".split(
    " ",
  ),
);

/** Verbs whose object is followed by what it is charged with: "accused Washington of killing fishermen", "blamed Bogotá for …". */
const CHARGING_LEMMAS = new Set(["accuse", "blame"]);

/** "wrote that …", "added: “…”", "described the operation as …", "informed his agency to expect …": the verb introduces what was said. */
function hasComplement(p: Passage, frame: Frame, lemma: string): boolean {
  const after = p.folded.slice(frame.cue.end, frame.content.end);
  return (
    // "wrote on X on May 24 that …": a place and a date may come between the verb and what it reports.
    /^(?:\s+[\p{L}\p{N}'.-]+){0,7}?\s*(?:\bthat\b|\bque\b|:|,?\s*["«])/u.test(after) ||
    /^\s+[^,.;]{1,80}?\s(?:as|como|de)\s/.test(after) ||
    // "informed his agency to expect …", "notified Bogotá to prepare …": an object, then what it is to do.
    /^(?:\s+[\p{L}’'.-]+){1,3}?\s+to\s+\p{L}/u.test(after) ||
    (CHARGING_LEMMAS.has(lemma) && /^(?:\s+[\p{L}’'.-]+){1,4}?\s+(?:of|for)\s+\p{L}/u.test(after))
  );
}

const FUNCTION_WORDS = new Set(["of", "in", "on", "to", "for", "and", "or", "the", "a", "de", "en", "y", "o", "el", "la", "who", "which", "que", "quien"]);

/**
 * Reported words end where the sentence moves on: at a semicolon or a dash outside quotation marks,
 * or at a comma followed by a new subject ("When Petro insisted the claims were false, Trump was
 * solicitous"; "…, but Colombia still exports oil").
 */
function endAtNewClause(p: Passage, frame: Frame, quotes: QuoteRange[], ctx: FrameContext): void {
  const inQuote = (at: number) => quotes.some((q) => at > q.open && at < q.close);
  const cutAt = (end: number) => {
    frame.content = { ...frame.content, end };
    frame.span = { ...frame.span, end };
  };
  const text = p.plain.slice(frame.content.start, frame.content.end);
  for (const mark of text.matchAll(
    /[;—–]|,\s+(?:(?:and|but|while|whereas|yet|although|though|even though|y|pero|mientras|aunque|pese a que|a pesar de que)\s+)?|\s+(?:and|but|y|pero)\s+(?=\p{Lu})/gu,
  )) {
    const markAt = frame.content.start + mark.index;
    if (inQuote(markAt)) continue;
    if (/^[;—–]/.test(mark[0])) {
      cutAt(markAt);
      return;
    }
    const at = markAt + mark[0].length;
    if (/^(?:according to|segun|de acuerdo con)\b/.test(p.folded.slice(at, at + 20))) continue;
    const words = [...p.plain.slice(at, frame.content.end).matchAll(/[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*/gu)].slice(0, 5);
    for (let n = 1; n < words.length; n++) {
      const last = words[n - 1] as RegExpMatchArray;
      const nextWord = (words[n] as RegExpMatchArray)[0];
      if (/^\p{Lu}/u.test(nextWord) || FUNCTION_WORDS.has(nextWord.toLowerCase())) continue;
      const lastEnd = at + (last.index ?? 0) + last[0].length;
      const reading = readChunk(p, at, p.plain[lastEnd] === "." ? lastEnd + 1 : lastEnd, ctx.markers, ctx.registry);
      const named = reading.kind === "holder" && reading.holder.via === "named";
      // Case-sensitive: under /i, \p{Lu} matches every letter, and "…, pero que Colombia …" goes on reporting.
      const opener = words[0]?.[0] ?? "";
      if ((named || reading.kind === "pending") && (/^\p{Lu}/u.test(opener) || /^(?:he|she|they|it|the)$/i.test(opener))) {
        cutAt(markAt);
        return;
      }
      break;
    }
  }
}

/** Spanish verbs that take an infinitive as what is done: periphrases (volver a, ir a, dejar de, acabar de) and wanting, deciding, trying, promising. */
const GOVERNS_INFINITIVE =
  /(?:^|\s)(?:(?:vuelve|vuelven|volvio|volvieron|volvera|volveran|ha vuelto|va|van|iba|iban|fue|ira|iran|empieza|empiezan|empezo|empezaron|comienza|comienzan|comenzo|comenzaron)\s+a|(?:deja|dejan|dejo|dejaron|dejara|acaba|acaban|acabo|acabaron|trata|tratan|trato|trataron)\s+de|(?:se niega|se nego|se negaron|insiste|insistio|insistieron)\s+(?:a|en)|quiere|quieren|quiso|quisieron|decide|deciden|decidio|decidieron|ha decidido|busca|buscan|busco|buscaron|pretende|pretenden|planea|planean|puede|pueden|podra|podria|debe|deben|debera|deberia|necesita|necesitan|promete|prometen|prometio|prometieron|espera|esperan|propone|propuso|intenta|intento|tiene que|tienen que|tendra que|hay que)\s+$/;

/** A negated speech verb ("did not say", "would not specify", "no precisó") … */
const NOT_SAYING = /(?:^|\s)(?:did not|didn't|would not|wouldn't|could not|couldn't|has not|hasn't|have not|haven't|no|sin)\s+$/;
/** … followed by a question word (accents kept: «qué», «cómo», not the «que» that reports): what was not said. */
const WH_AFTER = /^\s+(?:which|what|when|where|whether|how|who|why|if|cuál|cuáles|qué|cuándo|dónde|cómo|quién|quiénes|si)(?!\p{L})/u;

const JUDGING_LEMMAS = new Set([
  "call", "describe", "label", "deride", "dismiss", "accuse", "characterize", "blame", "warn", "threaten",
  "calificar", "describir", "acusar", "tildar", "advertir", "amenazar",
]);

/** "Trump called Petro a “thug”", "accused him of …", "described Rodríguez as a friend": about a person, not a policy. */
function judgesPerson(p: Passage, frame: Frame, ctx: FrameContext): boolean {
  if (frame.attribution === "quote") return false;
  const cue = p.folded.slice(frame.cue.start, frame.cue.end);
  const lemma = [...JUDGING_LEMMAS].find((l) => cue.startsWith(l.slice(0, Math.max(4, l.length - 3))));
  if (!lemma) return false;
  const object = /^\s+([\p{L}’'.-]+)(\s+[\p{L}’'.-]+)?/u.exec(p.plain.slice(frame.cue.end, frame.content.end));
  if (!object) return false;
  const first = object[1] as string;
  if (PERSON_OBJECTS.has(first.toLowerCase())) return true;
  const objectStart = frame.cue.end + object[0].indexOf(first);
  // "accused then-president Ernesto Samper of taking money": a charge against a person, whoever's, is about that person.
  const charged = CHARGING_LEMMAS.has(lemma) ? /^\s+((?:[\p{L}’'.-]+\s+){1,4}?)(?:of|for)\s/u.exec(p.folded.slice(frame.cue.end, frame.content.end)) : null;
  if (charged) {
    // Read whole: "the Trump administration" is an institution, though "the Trump" would read as a person.
    const reading = readChunk(p, objectStart, objectStart + (charged[1] as string).trimEnd().length, ctx.markers, ctx.registry);
    return reading.kind === "holder" && reading.holder.person;
  }
  // Judging a third party's person ("described Rodríguez as a friend") can be a position on an issue; judging the other government's people is not.
  for (const end of [objectStart + first.length, objectStart + object[0].trimStart().length]) {
    const reading = readChunk(p, objectStart, end, ctx.markers, ctx.registry);
    if (reading.kind === "holder") return reading.holder.person && reading.holder.actor !== null;
  }
  return false;
}

/**
 * "La directora de Migración Colombia indicó que el DHS le notificó que habrá dos vuelos semanales": one government
 * reporting what the other told it. The other government, named as the subject of a speech verb, holds those words.
 */
function relaysWords(outer: Frame, inner: Frame): boolean {
  if (outer.verbClass !== "speech" || inner.verbClass !== "speech" || inner.subject.kind !== "holder" || outer.subject.kind !== "holder") return false;
  const told = inner.subject.holder;
  const reporter = outer.subject.holder.actor;
  return told.via === "named" && told.actor !== null && reporter !== null && told.actor !== reporter;
}

/** Ends each frame's content where the next independent clause begins; drops frames reported inside another's words. */
function nest(p: Passage, all: (Frame & { clauseStart: number; independent: boolean })[]): Frame[] {
  // "Washington will not lift the sanctions, the secretary said": what comes before a speaker is that speaker's report.
  const reports = all.filter((f) => f.rule === "prose:reported-speaker-after" || f.rule === "prose:quote-speaker-after");
  const frames = all.filter((f) => !reports.some((r) => r !== f && f.cue.start >= r.content.start && f.cue.start < r.content.end));
  const kept: (Frame & { clauseStart: number; independent: boolean })[] = [];
  for (const frame of frames) {
    const outer = kept.find((k) => frame.cue.start >= k.content.start && frame.cue.start < k.content.end);
    if (outer && !frame.independent && outer.verbClass !== "action" && outer.attribution !== "quote" && !relaysWords(outer, frame)) continue;
    if (outer && frame.span.start > outer.span.start) {
      // The earlier clause ends before this one's subject (and the coordinator that opens it).
      const cut = p.plain.slice(outer.content.start, frame.clauseStart).replace(/[\s,;]*(?:\b(?:and|but|while|whereas|y|e|pero|mientras)\s*)?$/i, "");
      const end = outer.content.start + cut.length;
      if (outer.attribution !== "quote") {
        outer.content = { ...outer.content, end };
        outer.span = { ...outer.span, end };
      }
    }
    kept.push(frame);
  }
  return kept.map(({ clauseStart: _clauseStart, independent: _independent, ...frame }) => frame);
}
