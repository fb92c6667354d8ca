import { CLAUSE_WORDS } from "./lexicon";

// Where a subject after its verb ends: a preposition or a time word starts what follows it.
const AFTER_SUBJECT = new Set(
  "durante en con por tras desde ante a al hacia sobre para este esta el la in on at during after before to from with for while this that today yesterday hoy ayer".split(" "),
);

/** A phrase up to the next punctuation; a full stop inside an initialism ("EE. UU.") does not end it. */
export const PHRASE = "((?:[^,;:.“”\"«»()]|\\.(?=\\s*\\p{Lu}\\p{Lu}?\\.)|(?<=\\p{Lu})\\.)+)";
const PHRASE_WORD = /[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*\.?/gu;

/** Where the noun phrase that opens `phrase` ends: before a word that follows a subject ("en", "today") or opens a clause. */
export function nounPhraseEnd(phrase: string): number {
  let end = 0;
  for (const [i, w] of [...phrase.matchAll(PHRASE_WORD)].entries()) {
    const word = w[0].toLowerCase();
    if (i > 0 && (AFTER_SUBJECT.has(word) || CLAUSE_WORDS.has(word))) break;
    end = (w.index ?? 0) + w[0].length;
  }
  return end;
}
