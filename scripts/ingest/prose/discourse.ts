import type { ActorId } from "../codebook";
import { fold } from "../fold";
import type { Holder, PendingHolder } from "./holders";
import type { IssueHit } from "./issues";
import { FEMALE_NAMES, HEAD_OF_STATE_ROLES, MALE_NAMES, MINISTER_ROLES, THIRD_PARTY_NOUNS } from "./lexicon";

/**
 * How many sentences an issue stays the topic after the last sentence that named it. Measured on
 * the gold set: one sentence adds recall at a precision close to the rest; three, or the whole
 * document's dominant issue, add more wrong stances than right ones.
 */
export const TOPIC_WINDOW = 1;

/** Salience halves with every sentence (Lappin & Leass 1994); a mention earns recency plus its role. */
const DECAY = 0.5;
const RECENCY = 100;
const SUBJECT = 80;
const SPEAKER = 60;

type Gender = "f" | "m" | null;

interface Entity {
  holder: Holder;
  salience: number;
  gender: Gender;
  /** The sentence of the last mention: recency counts once per sentence. */
  seen: number;
  /** Salience as a speaker: "he said" prefers whoever has been speaking (role parallelism). */
  speaking: number;
  /** The office the text gave the person, for descriptions that point back to one. */
  office: Office;
}

const FEMININE = /^(?:she|her|ella|la|una)$|\b(?:spokeswoman|congresswoman|ministra|presidenta|viceministra|portavoz de la|vocera|embajadora|secretaria|asesora|jefa|mandataria|ms|mrs)\b/;
const MASCULINE = /^(?:he|him|el|un)$|\b(?:spokesman|congressman|ministro|viceministro|vocero|embajador|secretario|asesor|jefe|mandatario|mr)\b/;

function genderOf(text: string): Gender {
  const folded = fold(text).trim();
  const first = folded.split(/\s+/)[0] ?? "";
  if (FEMININE.test(first) || FEMININE.test(folded)) return "f";
  if (MASCULINE.test(first) || MASCULINE.test(folded)) return "m";
  // "Laura Sarabia", "President Donald Trump": a known first name tells what no pronoun has yet.
  const names = folded.split(/[^\p{L}.-]+/u);
  if (names.some((w) => FEMALE_NAMES.has(w))) return "f";
  if (names.some((w) => MALE_NAMES.has(w))) return "m";
  return null;
}

type Office = "head" | "minister" | "other" | null;

/** A phrase's words, folded ("Ministra" → "ministra"). */
const wordsOf = (text: string): string[] => fold(text).split(/[^\p{L}]+/u).filter(Boolean);

/** The office a phrase names ("President Gustavo Petro": head; "el senador Pardo": other), null for a bare name or pronoun. */
function officeOf(text: string): Office {
  const words = wordsOf(text);
  if (words.some((w) => HEAD_OF_STATE_ROLES.has(w))) return "head";
  if (words.some((w) => MINISTER_ROLES.has(w))) return "minister";
  if (words.some((w) => THIRD_PARTY_NOUNS.has(w))) return "other";
  return null;
}

/** The office noun a description ends on ("the spokesperson", "el vocero del ministerio" → "vocero"): the word before "of"/"de", else the last. */
function headOf(text: string): string | null {
  const words = wordsOf(text);
  const of = words.findIndex((w, i) => i > 0 && /^(?:of|de|del)$/.test(w));
  return (of > 0 ? words[of - 1] : words[words.length - 1]) ?? null;
}

/** Who a holder is, across the ways a text names them: a person by the last word of their name, else by the words. */
function identity(holder: Holder): string {
  const names = holder.text.match(/\p{Lu}[\p{L}’'-]+/gu);
  const last = names?.[names.length - 1];
  return `${holder.actor ?? "third"}:${(holder.person && last ? last : holder.text).toLowerCase()}`;
}

/** A person the text names, or points to as someone known ("the Colombian leader"); not an unnamed source ("a spokesperson"). */
const known = (holder: Holder) => holder.name !== null || !/^(?:a|an|un|una)\s/i.test(holder.text.trim());

/**
 * What the text has been talking about. Pronouns and descriptions ("he", "she", "the president",
 * "el mandatario") go to the most salient person of their gender: salience grows each time a
 * person is a subject (more when they speak) and fades with every sentence, after Lappin & Leass'
 * salience-based resolution. Spanish's unstated subject is the last holder of any kind; "the
 * administration" the last government named. The topic is the issue the last sentences named.
 */
export class Discourse {
  private readonly people = new Map<string, Entity>();
  private holder: Holder | null = null;
  private government: Holder | null = null;
  private sentence = 0;
  private topic: { hit: IssueHit; sentence: number } | null = null;
  private lastResolved: Entity | null = null;
  /** Who spoke the last quotation, for an unattributed quotation that follows it. */
  quoteSpeaker: Holder | null = null;

  /**
   * `home`: the government the document is about, whose president "el presidente" means when no one else can be meant.
   * `documentTopic`: the one issue the whole document is about, if it is about one: the topic when no sentence nearby names one.
   */
  constructor(
    private readonly home: ActorId | null = null,
    private readonly documentTopic: IssueHit | null = null,
  ) {}

  /** `speech`: the pronoun is the subject of a speech verb ("he said", "she told me"). */
  resolve(pending: PendingHolder, speech = false): Holder | null {
    // "the administration", "el Gobierno", "it": the last government named, else that of the person the text is about.
    const office = pending.via === "description" && !pending.government ? officeOf(pending.text) : null;
    const antecedent = pending.government
      ? this.governmentAntecedent(pending.text)
      : pending.via === "zero"
        ? this.holder
        : this.salientPerson(genderOf(pending.text), speech, office, pending.via === "description" ? headOf(pending.text) : null);
    const person = pending.via === "zero" ? (antecedent?.person ?? false) : !pending.government;
    if (!antecedent) {
      // "El presidente dijo …", "El Gobierno cierra …" with none named before: the government the text is about, or its president.
      if ((office !== "head" && !pending.government) || !this.home) return null;
      return { actor: this.home, text: pending.text, start: pending.start, end: pending.end, person, via: "home", name: null };
    }
    // An unstated subject ("Subrayó que …") is shown as the holder it continues.
    const text = pending.via === "zero" ? antecedent.text : pending.text;
    return { actor: antecedent.actor, text, start: pending.start, end: pending.end, person, via: pending.via, name: antecedent.name };
  }

  /**
   * "the government", "el Gobierno": the government of whoever the text last had speak or act, person or
   * institution ("Sarabia argued … The government wants …" is hers); "the administration" and "it" the last
   * government named as such.
   */
  private governmentAntecedent(text: string): Holder | null {
    if (!/(?:administration|administración|^it)$/i.test(text.trim()) && this.holder?.actor) return this.holder;
    if (this.government) return this.government;
    // A person of no government ("Frontera", a kicker read as a name) is no government's antecedent.
    const person = this.salientPerson(null);
    return person?.actor ? person : null;
  }

  /**
   * The most salient person of a compatible gender and, for a description, office ("the president"
   * is not the senator just quoted). People the text has named come first: a reporter refers back
   * to "a State Department spokesperson" as "the spokesperson", not "she". A description's own noun
   * comes before both: "the spokesperson" is the spokesperson, however much more salient Petro is.
   */
  private salientPerson(gender: Gender, speech = false, office: Office = null, head: string | null = null): Holder | null {
    let best: Entity | null = null;
    // A description's office ("el jefe de Estado") fits the person named with it ("el presidente Gustavo Petro") before one of no known office.
    const rank = (e: Entity) =>
      (head && wordsOf(e.holder.text).includes(head) ? 4 : 0) + (office && e.office === office ? 2 : 0) + (known(e.holder) ? 1 : 0);
    const score = (e: Entity) => e.salience + (speech ? e.speaking : 0);
    for (const entity of this.people.values()) {
      if (gender && entity.gender && entity.gender !== gender) continue;
      if (office && entity.office && entity.office !== office) continue;
      if (!best || rank(entity) > rank(best) || (rank(entity) === rank(best) && score(entity) > score(best))) best = entity;
    }
    if (best && gender && !best.gender) best.gender = gender;
    this.lastResolved = best;
    return best?.holder ?? null;
  }

  /**
   * An office the reader would otherwise give the home government ("the spokesperson said") is the
   * person already named with that office ("a State Department spokesperson"), if there is one.
   */
  sameOffice(holder: Holder): Holder {
    const head = headOf(holder.text);
    if (!head) return holder;
    let best: Entity | null = null;
    for (const entity of this.people.values()) {
      if (entity.holder === holder || !wordsOf(entity.holder.text).includes(head)) continue;
      if (!best || entity.salience > best.salience) best = entity;
    }
    return best ? { ...holder, actor: best.holder.actor, via: "description", name: best.holder.name } : holder;
  }

  /** A holder was the subject of a clause: it becomes what later pronouns point to. */
  /** `embedded`: the holder is the subject of a clause inside another ("It was not lost on Petro that Trump …"): recency only. */
  mention(holder: Holder, speech = false, embedded = false): void {
    this.holder = holder;
    if (!holder.person && holder.actor) this.government = holder;
    if (!holder.person) return;
    if (holder.via !== "named" && holder.via !== "registry") {
      // A pronoun that was resolved adds to the salience of the person it points to.
      if (this.lastResolved && this.lastResolved.holder.actor === holder.actor) this.boost(this.lastResolved, speech, embedded);
      return;
    }
    const key = identity(holder);
    const entity = this.people.get(key) ?? { holder, salience: 0, gender: genderOf(holder.text), seen: -1, speaking: 0, office: officeOf(holder.text) };
    if (!entity.gender) entity.gender = genderOf(holder.text);
    if (!entity.office) entity.office = officeOf(holder.text);
    entity.holder = holder;
    this.boost(entity, speech, embedded);
    this.people.set(key, entity);
  }

  private boost(entity: Entity, speech: boolean, embedded = false): void {
    if (entity.seen !== this.sentence) entity.salience += embedded ? RECENCY : RECENCY + SUBJECT;
    if (speech && entity.seen !== this.sentence) entity.speaking += SPEAKER;
    entity.seen = this.sentence;
  }

  /** After a sentence: salience fades, and the codebook issue it named clearly (if any) becomes the topic. */
  endSentence(issue: IssueHit | null): void {
    for (const entity of this.people.values()) {
      entity.salience *= DECAY;
      entity.speaking *= DECAY;
    }
    if (issue) this.topic = { hit: issue, sentence: this.sentence };
    this.sentence++;
  }

  /**
   * After a paragraph: one that was clearly about an issue keeps it as the topic into the next
   * paragraph, however its last sentence ends ("… removals are a matter of U.S. law. Why not simply
   * comply?" — the answer is about removals). A more recent sentence's own issue stays.
   */
  endParagraph(issue: IssueHit | null): void {
    if (issue && !this.currentTopic()) this.topic = { hit: issue, sentence: this.sentence - 1 };
  }

  /** The issue the last sentence or so was about, for words that name none ("We expect Colombia to honor its commitments"). */
  currentTopic(): IssueHit | null {
    return this.topic && this.sentence - this.topic.sentence <= TOPIC_WINDOW ? this.topic.hit : this.documentTopic;
  }

  /** A heading starts a new subject. */
  resetTopic(): void {
    this.topic = null;
  }
}
