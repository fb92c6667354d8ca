import type { Holder, PendingHolder } from "./holders";
import type { IssueHit } from "./issues";

/** How many sentences an issue stays the topic after the last sentence that named it. */
export const TOPIC_WINDOW = Number(process.env.TOPIC_WINDOW ?? 3);

/**
 * What the text has been talking about, for pronouns and descriptions: "he" and "the president"
 * are the last person who was a subject; Spanish's unstated subject is the last holder of any
 * kind; "the administration" is the last government named.
 */
export class Discourse {
  private person: Holder | null = null;
  private holder: Holder | null = null;
  private government: Holder | null = null;
  private speaker: { holder: Holder; paragraph: number } | null = null;
  private paragraph = 0;
  private sentence = 0;
  private topic: { hit: IssueHit; sentence: number } | null = null;
  /** Who spoke the last quotation, for an unattributed quotation that follows it. */
  quoteSpeaker: Holder | null = null;

  /** `speech`: the pronoun is the subject of a speech verb ("he said"), which most often continues the last speaker. */
  resolve(pending: PendingHolder, speech = false): Holder | null {
    const antecedent = pending.government
      ? this.government
      : pending.via === "zero"
        ? this.holder
        : this.person;
    if (!antecedent) return null;
    const person = pending.via === "zero" ? antecedent.person : !pending.government;
    return { actor: antecedent.actor, text: pending.text, start: pending.start, end: pending.end, person, via: pending.via };
  }

  /** A holder was the subject of a clause: it becomes what later pronouns point to. */
  mention(holder: Holder, speech = false): void {
    this.holder = holder;
    if (speech && holder.person) this.speaker = { holder, paragraph: this.paragraph };
    if (holder.person) this.person = holder;
    if (!holder.person && holder.actor) this.government = holder;
  }

  /** After a sentence: the codebook issue it was about (if it named one clearly) becomes the topic. */
  endSentence(issue: IssueHit | null): void {
    if (issue) this.topic = { hit: issue, sentence: this.sentence };
    this.sentence++;
  }

  /** The issue the last few sentences were about, for words that name none ("We expect Colombia to honor its commitments"). */
  currentTopic(): IssueHit | null {
    return this.topic && this.sentence - this.topic.sentence <= TOPIC_WINDOW ? this.topic.hit : null;
  }

  /** A heading starts a new subject. */
  resetTopic(): void {
    this.topic = null;
  }

  /** A new paragraph: a speaker quoted two paragraphs ago no longer owns "he said". */
  nextParagraph(): void {
    this.paragraph++;
  }
}
