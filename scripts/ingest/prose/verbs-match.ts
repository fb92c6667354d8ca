import type { Passage } from "./passage";
import { VERB_FORMS, type VerbForm } from "./verbs";

/** An attribution verb found in a passage; [start, end) covers the verb and its particle ("called for"). */
export interface VerbHit {
  start: number;
  end: number;
  verb: VerbForm;
}

// A form is one word of letters: found word by word and looked up, where one alternation of every form scanned
// each sentence's text to the next verb and was the largest cost of reading prose.
const FORMS = {
  en: new Set(VERB_FORMS.filter((v) => v.lang === "en").map((v) => v.form)),
  es: new Set(VERB_FORMS.filter((v) => v.lang === "es").map((v) => v.form)),
};
/** A word as the forms' boundaries see it: letters, digits, apostrophes and hyphens. */
const WORD = /[\p{L}\p{N}'’-]+/gu;

/** A word of a passage that is a verb form, and where it starts. */
interface FormAt {
  index: number;
  form: string;
}

// The subject, the frames and the events each ask about a sentence's verbs: a passage's words are looked up once.
const PASSAGE_FORMS = new WeakMap<Passage, { en: FormAt[]; es: FormAt[] }>();

/** The words of copy[start, end) that are forms of `lang`: whole words, so none starts inside a word that began before `start`. */
function formsIn(passage: Passage, lang: "en" | "es", start: number, end: number): FormAt[] {
  let forms = PASSAGE_FORMS.get(passage);
  if (!forms) {
    forms = { en: wordForms(passage.folded, "en"), es: wordForms(passage.lower, "es") };
    PASSAGE_FORMS.set(passage, forms);
  }
  // In word order: the first at or after `start` by halving, then up to `end` (a long paragraph has many sentences).
  const all = forms[lang];
  let low = 0;
  let high = all.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((all[mid] as FormAt).index < start) low = mid + 1;
    else high = mid;
  }
  let stop = low;
  while (stop < all.length && (all[stop] as FormAt).index < end) stop++;
  return all.slice(low, stop);
}

/** Every whole word of `copy` that is a form of `lang`, in order. */
function wordForms(copy: string, lang: "en" | "es"): FormAt[] {
  const found: FormAt[] = [];
  for (const m of copy.matchAll(WORD)) if (FORMS[lang].has(m[0])) found.push({ index: m.index, form: m[0] });
  return found;
}

const BY_FORM = new Map<string, VerbForm[]>();
for (const v of VERB_FORMS) BY_FORM.set(`${v.lang}:${v.form}`, [...(BY_FORM.get(`${v.lang}:${v.form}`) ?? []), v]);
// Compiled once per particle: compiling one per verb found cost more than matching it.
const PARTICLES = new Map(VERB_FORMS.flatMap((v) => (v.particle ? [[v.particle, new RegExp(`^\\s+${v.particle}\\b`)] as const] : [])));

// Verbs that are also nouns: their -s form followed by a preposition is a plural noun ("U.S. strikes on boats", "demands for aid").
const NOUN_HOMOGRAPHS = new Set(
  "strike plan call demand order ban cut offer question claim signal post support back block bar aim pledge promise request sanction halt launch freeze push press vow tweet label challenge welcome".split(" "),
);
// A plain verb that a following word turns into another verb: "backed down" retreats, it backs nothing; "flew to
// Washington" travels, where "flew 104 Colombians to Pereira" deports.
const OTHER_PHRASAL: Record<string, RegExp> = { back: /^\s+(?:down|off|away|out)\b/, fly: /^\s+(?:to|into|from|back|home|out|in|over|on|with|aboard)\b/ };
// …or one that ends its clause ("recalls ambassador over boat strikes."): a verb of these takes an object.
const NOUN_FOLLOWERS = /^\s+(?:on|of|in|for|against|from|by|at|with|over|about)\b|^\s*(?:[.,;:!?)]|$)/;
// A Spanish form after an article or a possessive is the noun ("la amenaza de Trump", "el apoyo", "su rechazo");
// after "la", "los", "las" a past or future form is a verb with its object pronoun ("la criticó", "los deportará").
const SPANISH_DETERMINER_BEFORE = /(?:^|[^\p{L}])(el|la|los|las|un|una|su|sus|este|esta|ese|esa|del|al)\s+$/u;
const SPANISH_FINITE_PAST_OR_FUTURE = /(?:[óáéí]|aron|ieron|aba|ía|ían|rán)$/u;

/**
 * Attribution verbs in [start, end) of a passage. English forms are matched on the folded copy,
 * Spanish ones on the accented lower-case copy. A particle verb ("call for", "push for") counts
 * only with its particle; a verb that needs no particle wins otherwise.
 */
export function findVerbs(passage: Passage, start: number, end: number): VerbHit[] {
  const hits: VerbHit[] = [];
  for (const lang of ["en", "es"] as const) {
    const copy = lang === "en" ? passage.folded : passage.lower;
    for (const { index: at, form } of formsIn(passage, lang, start, end)) {
      const after = copy.slice(at + form.length, Math.min(end, at + form.length + 20));
      const candidates = BY_FORM.get(`${lang}:${form}`) ?? [];
      const particle = candidates.find((v) => v.particle && PARTICLES.get(v.particle)?.test(after));
      const plain = candidates.find((v) => !v.particle);
      const verb = particle ?? plain;
      if (!verb) continue;
      if (!particle && OTHER_PHRASAL[verb.lemma]?.test(after)) continue;
      if (!particle && NOUN_HOMOGRAPHS.has(verb.lemma) && form !== verb.lemma && /s$/.test(form) && NOUN_FOLLOWERS.test(after)) continue;
      // "Washington's push for", "the support of", "their demand": a determiner or a possessor makes it the noun
      // (the nominal rule reads it); "in Petro's telling" still reports what he says.
      if (lang === "en" && verb.verbClass !== "speech" && /(?:^|[^\p{L}])(?:the|a|an|its|his|her|their|our|this|that)\s+$|[\p{L}.]'s\s+$/u.test(copy.slice(Math.max(0, at - 7), at))) continue;
      const determiner = lang === "es" ? SPANISH_DETERMINER_BEFORE.exec(copy.slice(Math.max(0, at - 8), at))?.[1] : undefined;
      if (determiner && !(/^l[ao]s?$/.test(determiner) && SPANISH_FINITE_PAST_OR_FUTURE.test(form))) continue;
      const particleEnd = particle ? at + form.length + (/^\s+\S+/.exec(after)?.[0].length ?? 0) : at + form.length;
      hits.push({ start: at, end: particleEnd, verb });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
