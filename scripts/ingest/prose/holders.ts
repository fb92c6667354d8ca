import { type ActorId, type AliasHit, AliasIndex, type Codebook, type CompiledAlias, compileAlias } from "../codebook";
import {
  ANAPHORIC_PERSON_HEADS,
  BELONGING_PREPOSITIONS,
  FACING_PREPOSITIONS,
  FORMER,
  OTHER_COUNTRIES,
  COUNTERPART_NOUNS,
  MODIFIED_THIRD_PARTIES,
  PERSON_ROLES,
  GOVERNMENT_OFFICES,
  DOCUMENT_NOUNS,
  PERSONAL_PRONOUNS,
  QUANTIFIERS,
  ROLE_NOUNS,
  THIRD_PARTY_NOUNS,
  FORCE_NOUNS,
} from "./lexicon";
import type { Passage } from "./passage";

/**
 * Who a noun phrase names. `actor` is the government it speaks for, or null for anyone else
 * (analysts, lawmakers, other countries, people the text never ties to a government).
 */
export interface Holder {
  actor: ActorId | null;
  /** The words as written ("Colombian President Gustavo Petro", "he", "la Cancillería"). */
  text: string;
  start: number;
  end: number;
  /** One person, who can be the antecedent of "he" / "she". */
  person: boolean;
  /** How the actor was decided: named in the phrase, or taken from an earlier mention. */
  via: "named" | "pronoun" | "description" | "zero" | "registry" | "home";
  /** The person's name when the phrase gives one ("Petro", "Laura Sarabia"); null for "a State Department spokesperson". */
  name: string | null;
}

/** A noun phrase that still needs an antecedent: a pronoun, "the president", or Spanish's unstated subject. */
export interface PendingHolder {
  text: string;
  start: number;
  end: number;
  via: "pronoun" | "description" | "zero";
  /** "the administration", "el Gobierno": a government, not a person. */
  government: boolean;
}

type MarkerType = "person" | "holder" | "demonym" | "office" | "region";

interface Marker {
  actor: ActorId | null;
  type: MarkerType;
  aliases: CompiledAlias[];
}

// "Latin American leaders" are not American: regions are matched first, so the longer phrase wins.
const REGIONS = ["Latin America", "Latin American", "South America", "South American", "Central America", "Central American", "North America", "North American", "Latinoamérica", "América Latina"].map(compileAlias);

/** The codebook's people, institutions and demonyms for both actors, plus the regions that contain "America". */
export function holderMarkers(book: Codebook): Marker[] {
  // One list per codebook: the matching index over it (markersIn) is built once, not once per document.
  let markers = MARKERS.get(book);
  if (!markers) {
    markers = [
      ...book.actors.flatMap((a) => [
        { actor: a.id, type: "person" as const, aliases: a.people },
        { actor: a.id, type: "holder" as const, aliases: a.holders },
        { actor: a.id, type: "demonym" as const, aliases: a.demonyms },
        { actor: a.id, type: "office" as const, aliases: a.offices },
      ]),
      { actor: null, type: "region" as const, aliases: REGIONS },
    ];
    MARKERS.set(book, markers);
  }
  return markers;
}

const MARKERS = new WeakMap<Codebook, Marker[]>();

const WORD = /[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*/gu;
const CAPITALISED = /^\p{Lu}/u;
const DETERMINERS = new Set(["the", "a", "an", "el", "la", "los", "las", "un", "una", "his", "her", "its", "their", "su", "sus"]);
// Words of a title that are not part of the name ("Foreign Minister Rosa Villavicencio").
export const TITLE_WORDS = new Set([
  "foreign", "deputy", "vice", "interior", "defense", "defence", "state", "homeland", "security", "general", "attorney", "prime",
  "chief", "affairs", "head", "mr", "mrs", "ms", "dr", "sen", "rep", "gen", "of", "de", "del", "relaciones", "exteriores", "defensa",
  "justicia", "hacienda", "estado", "gobierno", "don", "dona",
]);
const NAME_JOINERS = new Set(["de", "del", "la", "y"]);
// Capitalised only because they open a sentence or a heading: never a name.
const NOT_NAMES = new Set(
  `despite after before when while in on at the this that these those although but and yet still meanwhile however according
  last next earlier later now then both many some several most it he she they we i you his her their our its also even under
  over for with without as if since because during asked here there what why how who which one two three first new
  are is was were do does did will would can could should may might must shall have has had so no yes your you
  usted ustedes hay esta estan puede pueden debe deben cree creen
  tras antes cuando mientras en el la los las este esta estos estas aunque pero y sin embargo segun ultimo luego ahora entonces
  ambos muchos algunos varios ella ellos nosotros su sus tambien incluso bajo para con sin como si desde porque durante aqui
  alli asi que por uno dos tres primero nuevo ningun ninguna nadie cada todo toda todos todas every none nobody each statement communique comunicado declaration declaracion remarks readout
  january february march april may june july august september october november december monday tuesday wednesday
  thursday friday saturday sunday enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
  noviembre diciembre lunes martes miercoles jueves viernes sabado domingo
  x twitter facebook instagram tiktok youtube whatsapp telegram`.split(/\s+/),
);

interface Word {
  folded: string;
  text: string;
  start: number;
  end: number;
}

function wordsIn(passage: Passage, start: number, end: number): Word[] {
  const out: Word[] = [];
  for (const m of passage.plain.slice(start, end).matchAll(WORD)) {
    const s = start + m.index;
    out.push({ text: m[0], folded: passage.folded.slice(s, s + m[0].length), start: s, end: s + m[0].length });
  }
  return out;
}

/** A run of capitalised words that is not a title, a role or a codebook marker: a person's name. */
function nameRuns(words: Word[], covered: (w: Word) => boolean): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = () => {
    while (run.length && NAME_JOINERS.has(run[run.length - 1]?.folded ?? "")) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const w of words) {
    const isName =
      CAPITALISED.test(w.text) &&
      !/[’']\p{Ll}{1,2}$/u.test(w.text) &&
      !covered(w) &&
      !TITLE_WORDS.has(w.folded) &&
      !ROLE_NOUNS.has(w.folded) &&
      !DETERMINERS.has(w.folded) &&
      !NOT_NAMES.has(w.folded);
    if (isName) run.push(w);
    else if (run.length && NAME_JOINERS.has(w.folded)) run.push(w);
    else flush();
  }
  flush();
  return runs;
}

/** Names the document has tied to an actor ("Colombian Foreign Minister Rosa Villavicencio" → later "Villavicencio"). */
export class NameRegistry {
  private readonly names = new Map<string, ActorId | null>();

  /**
   * `home`: the government the document is mostly about, for officials it names by office alone
   * ("la viceministra de Relaciones Exteriores" in a Colombian radio interview).
   */
  constructor(readonly home: ActorId | null = null) {}

  /** Ties a name to an actor; a later tie to a government replaces an earlier "unknown". */
  register(name: string, actor: ActorId | null): void {
    const parts = name.split(/\s+/);
    const set = (key: string) => {
      if (!this.names.has(key) || (actor !== null && this.names.get(key) === null)) this.names.set(key, actor);
    };
    set(name.toLowerCase());
    const last = parts[parts.length - 1];
    if (parts.length > 1 && last) set(last.toLowerCase());
  }

  lookup(name: string): ActorId | null | undefined {
    return this.names.get(name.toLowerCase());
  }
}

const MARKER_HITS = new WeakMap<Marker[], { index: AliasIndex<Marker>; byText: Map<string, AliasHit<Marker>[]> }>();
const MARKER_CACHE_TEXTS = 4096;

/**
 * The codebook's people, institutions and demonyms in a text. Rules ask about the same paragraph
 * and sentence several times (the subject, the frames, the phrases); each text is matched once.
 */
export function markersIn(text: string, markers: Marker[], folded?: string): AliasHit<Marker>[] {
  let known = MARKER_HITS.get(markers);
  if (!known) {
    known = { index: new AliasIndex(markers, (m) => m.aliases), byText: new Map() };
    MARKER_HITS.set(markers, known);
  }
  let hits = known.byText.get(text);
  if (!hits) {
    // The texts asked about again are a paragraph's: a bounded cache keeps a run's memory from growing with every sentence read.
    if (known.byText.size >= MARKER_CACHE_TEXTS) known.byText.clear();
    hits = known.index.hits(text, folded);
    known.byText.set(text, hits);
  }
  return hits;
}

/** The markers of a passage, found once per passage (a sentence is read phrase by phrase), on the fold it holds. */
export function markerHits(passage: Passage, markers: Marker[]): AliasHit<Marker>[] {
  return markersIn(passage.plain, markers, passage.folded);
}

export type ChunkReading = { kind: "holder"; holder: Holder } | { kind: "pending"; pending: PendingHolder } | { kind: "none" };

/** Prepositions that open a phrase around a holder ("In Petro’s telling", "For Petro:"), not the holder itself. */
const LEADING_PREPOSITIONS = new Set(["in", "for", "en", "para"]);

/** "U.S", "EE. UU": a word written with dots keeps its last one; "DHS." ends a sentence. */
function initialism(passage: Passage, word: Word): boolean {
  return /\p{Lu}/u.test(passage.plain[word.end - 1] ?? "") && (word.text.includes(".") || /\p{Lu}\.\s*$/u.test(passage.plain.slice(Math.max(0, word.start - 4), word.start)));
}

/**
 * The words of a chunk that name its holder, as a reader should see them: a leading preposition and
 * the words after its last name, actor word or role ("the U.S. began striking …" → "the U.S.") are
 * the sentence's. The whole chunk where nothing in it names anyone.
 */
function namingText(passage: Passage, words: Word[], named: (w: Word) => boolean, whole: string): string {
  const naming = (w: Word) => named(w) || ROLE_NOUNS.has(w.folded) || THIRD_PARTY_NOUNS.has(w.folded) || PERSONAL_PRONOUNS.has(w.text.toLowerCase());
  const first = words.findIndex((w) => !LEADING_PREPOSITIONS.has(w.folded));
  const last = words.findLastIndex(naming);
  const start = words[first];
  const end = words[last];
  if (!start || !end || last < first) return whole;
  const to = passage.plain[end.end] === "." && initialism(passage, end) ? end.end + 1 : end.end;
  return passage.text.slice(start.start, to);
}

/** The word at `at` is a demonym ("Colombian", "colombianos") and the word after it is a lower-case noun no government is. */
function modifiesThing(words: Word[], at: number): boolean {
  const i = words.findIndex((w) => w.start === at);
  const demonym = words[i];
  const next = words[i + 1];
  if (!demonym || !next || !/(?:an|ian|ano|ana|anos|anas|ense|enses)$/.test(demonym.folded)) return false;
  return /^\p{Ll}/u.test(next.text) && !ROLE_NOUNS.has(next.folded) && !FORCE_NOUNS.has(next.folded) && !TITLE_WORDS.has(next.folded);
}

/** Words between a country and a noun that make the noun something other than what the country modifies. */
const JOINERS = new Set([...FACING_PREPOSITIONS, ...BELONGING_PREPOSITIONS, "and", "y", "or", "o", "with", "con"]);

/** What names a text's issuer right after the text: "del", "de la", "of the", "from", "by". */
const ISSUED_BY = /^\s+(?:del|de la|de los|de|of the|of|from the|from|by the|by|signed by)\s+/;

const DOCUMENT_NOUN_PATTERN = new RegExp(`(?<!\\p{L})(?:${[...DOCUMENT_NOUNS].join("|")})(?!\\p{L})`, "gu");

/**
 * Reads a noun phrase [start, end) as a holder. In order: a codebook person named in it; a
 * "former" office holder (a third party); a third country's or a non-government noun; the
 * codebook institution or demonym that marks it (skipping actors after "to"/"ante": an
 * ambassador *to* the U.S. is not the U.S.); a name registered earlier in the document; a
 * pronoun or a definite description ("the president", "el mandatario") for the discourse to
 * resolve; an unknown name (someone the document never ties to a government).
 */
export function readChunk(
  passage: Passage,
  start: number,
  end: number,
  markers: Marker[],
  registry: NameRegistry,
): ChunkReading {
  const words = wordsIn(passage, start, end);
  if (words.length === 0 || words.length > 14) return { kind: "none" };
  const final = words[words.length - 1] as Word;
  // A phrase that ends on a gerund, an article or a preposition is not a subject ("aircraft carrying", "the").
  if (words.length > 1 && (/^\p{Ll}{3,}ing$/u.test(final.text) || DETERMINERS.has(final.folded) || FACING_PREPOSITIONS.has(final.folded) || BELONGING_PREPOSITIONS.has(final.folded)))
    return { kind: "none" };
  const from = words[0]?.start ?? start;
  // Keep an initialism's last full stop ("the U.S."): the codebook writes it that way.
  const lastEnd = words[words.length - 1]?.end ?? end;
  const to = passage.plain[lastEnd] === "." && lastEnd < end && /\p{Lu}/u.test(passage.plain[lastEnd - 1] ?? "") ? lastEnd + 1 : lastEnd;
  const text = passage.text.slice(from, to);
  const hits = markerHits(passage, markers).filter((h) => h.start >= from && h.end <= to);
  /** The words before `at`, articles left out. */
  const wordsBefore = (at: number) => words.filter((w) => w.end <= at && !DETERMINERS.has(w.folded)).map((w) => w.folded);
  const wordBefore = (at: number) => wordsBefore(at).at(-1);
  // "an officer at Southern Command", "officials at the Pentagon": "at" after a role places the role, it faces no one.
  const placesRole = (at: number) => {
    const before = wordsBefore(at);
    return before.at(-1) === "at" && ROLE_NOUNS.has(before.at(-2) ?? "");
  };
  const facing = (at: number) => FACING_PREPOSITIONS.has(wordBefore(at) ?? "") && !placesRole(at);
  const covered = (w: Word) => hits.some((h) => w.start < h.end && h.start < w.end);
  const folded = words.map((w) => w.folded);
  const person = folded.some((w) => PERSON_ROLES.has(w));
  const names = nameRuns(words, covered).filter((run) => !facing(run[0]?.start ?? 0));
  const runText = (run: Word[] | undefined) => (run ? passage.text.slice(run[0]?.start, run[run.length - 1]?.end) : null);
  const lastName = runText(names[names.length - 1]);
  const shown = namingText(passage, words, (w) => covered(w) || names.some((run) => run.includes(w)), text);
  const holder = (actor: ActorId | null, isPerson: boolean, via: Holder["via"] = "named", name = lastName): ChunkReading => ({
    kind: "holder",
    holder: { actor, text: shown, start: from, end: to, person: isPerson, via, name: isPerson ? name : null },
  });

  const personHit = hits.find((h) => h.target.type === "person" && !facing(h.start));
  // "Petro's U.S. counterpart", "Petro's counterpart", "el homólogo estadounidense de Petro": the person is whose
  // counterpart the head is, and the head is the other government's (its demonym, if it has one, says which).
  const counterpart = personHit?.target.actor ? words.find((w) => COUNTERPART_NOUNS.has(w.folded)) : undefined;
  if (personHit?.target.actor && counterpart) {
    const own = hits.find((h) => h !== personHit && (h.target.type === "demonym" || h.target.type === "holder") && h.target.actor);
    const other = personHit.target.actor === "us" ? "co" : "us";
    return holder(own?.target.actor ?? other, true, "named", null);
  }
  if (personHit) {
    // "Tammy Bruce, Department Spokesperson", then "MS BRUCE:": a codebook person's surname alone names them too.
    registry.register(passage.text.slice(personHit.start, personHit.end), personHit.target.actor);
    return holder(personHit.target.actor, true, "named", passage.text.slice(personHit.start, personHit.end));
  }
  const formerRole = words.some((w, i) => {
    if (/^ex(?:presidente|presidenta|canciller|ministr[oa])$/.test(w.folded)) return true;
    if (!FORMER.has(w.folded)) return false;
    const next = folded.slice(i + 1, i + 3);
    return next.some((n) => ROLE_NOUNS.has(n));
  });
  if (formerRole) return holder(null, person || names.length > 0);
  if (QUANTIFIERS.has(folded[0] ?? "") && (hits.length > 0 || folded.some((w) => ROLE_NOUNS.has(w) || THIRD_PARTY_NOUNS.has(w))))
    return holder(null, false);
  // The first marker outside a prepositional phrase is the head ("Mexican officials in Washington");
  // failing that, one after "of"/"in"/"de" ("the president of Colombia"); never one after "to"/"ante".
  const candidates = [
    ...hits.filter((h) => h.target.type !== "person" && h.target.type !== "office").map((h) => ({ at: h.start, actor: h.target.actor, third: h.target.type === "region" })),
    ...words
      // "UN" only as written: folded, it is the Spanish article ("un vocero de la Casa Blanca").
      // "Venezuela's foreign minister": a possessive is its country.
      .filter((w) => (OTHER_COUNTRIES.has(w.folded.replace(/['’]s$/, "")) || w.text === "UN" || THIRD_PARTY_NOUNS.has(w.folded)) && !covered(w))
      .map((w) => ({ at: w.start, actor: null, third: true })),
  ]
    .filter((c) => !facing(c.at))
    .sort((a, b) => a.at - b.at);
  const inPhrase = (at: number) => BELONGING_PREPOSITIONS.has(wordBefore(at) ?? "") || placesRole(at);
  const head = candidates.find((c) => !inPhrase(c.at)) ?? candidates[0];
  if (head?.third) return holder(null, person || names.length > 0);
  // "U.S. senators", "Colombia's ombudsman", "the U.S. Congress": a country that modifies a lawmaker, a court or a
  // critic does not make them its government.
  const modified = head
    ? words.find((w) => w.start > head.at && MODIFIED_THIRD_PARTIES.has(w.folded) && !inPhrase(w.start) && words.every((x) => x.start <= head.at || x.start >= w.start || !JOINERS.has(x.folded)))
    : undefined;
  if (modified) return holder(null, person || names.length > 0);
  // "flights carrying Colombian deportees", "Colombian coffee": a demonym before a noun that is no one's office names no holder.
  if (head && modifiesThing(words, head.at)) return { kind: "none" };
  if (head) {
    const actor = head.actor;
    // A name beside the actor's role word belongs to that actor for the rest of the document.
    for (const run of names) registry.register(passage.text.slice(run[0]?.start, run[run.length - 1]?.end), actor);
    return holder(actor, person || names.length > 0);
  }
  for (const run of names) {
    const name = passage.text.slice(run[0]?.start, run[run.length - 1]?.end);
    const known = registry.lookup(name) ?? registry.lookup(run[run.length - 1]?.text ?? "");
    if (known !== undefined) return holder(known, true, "registry", name);
  }
  const last = folded[folded.length - 1] ?? "";
  // An office with no country ("the foreign minister", "la viceministra de Relaciones Exteriores") is the home government's.
  const office = folded.some((w) => GOVERNMENT_OFFICES.has(w));
  const indefinite = /^(?:a|an|un|una)$/.test(folded[0] ?? "");
  // "The mines and energy ministry", "el viceministro": an office only one government has is that government's.
  const ownOffice = hits.find((h) => h.target.type === "office" && !facing(h.start));
  if (ownOffice?.target.actor && !indefinite) {
    for (const run of names) registry.register(runText(run) as string, ownOffice.target.actor);
    return holder(ownOffice.target.actor, person || names.length > 0, "home");
  }
  if (office && registry.home && !indefinite) {
    for (const run of names) registry.register(runText(run) as string, registry.home);
    return holder(registry.home, person || names.length > 0, "home");
  }
  // "the foreign ministry" in a text about both governments: the government the text was just on.
  if (office && !person && names.length === 0 && !indefinite && DETERMINERS.has(folded[0] ?? "") && words.length <= 4)
    return { kind: "pending", pending: { text, start: from, end: to, via: "description", government: true } };
  // "It says it seized …" after "Colombia's government disputes that reading": an institution speaking.
  if (words.length === 1 && last === "it") return { kind: "pending", pending: { text, start: from, end: to, via: "pronoun", government: true } };
  if (words.length === 1 && PERSONAL_PRONOUNS.has(final.text.toLowerCase()))
    return { kind: "pending", pending: { text, start: from, end: to, via: "pronoun", government: false } };
  const definite = DETERMINERS.has(folded[0] ?? "") && folded[0] !== "a" && folded[0] !== "an" && folded[0] !== "un" && folded[0] !== "una";
  // "the president", "el mandatario", "el jefe de Estado": a definite role that points back to a person.
  const roleOnly = folded.slice(1).every((w) => ROLE_NOUNS.has(w) || TITLE_WORDS.has(w) || ANAPHORIC_PERSON_HEADS.has(w));
  if (definite && words.length <= 5 && roleOnly && folded.slice(1).some((w) => ANAPHORIC_PERSON_HEADS.has(w)))
    return { kind: "pending", pending: { text, start: from, end: to, via: "description", government: false } };
  // "… the State Department's narcotics bureau published its report. The report urged Bogotá …": a government's text speaks
  // for the institution named last before it in the paragraph, else for whoever the text was just on.
  if (definite && words.length <= 2 && DOCUMENT_NOUNS.has(last)) {
    // Named before the text's first mention ("el Departamento de Estado publicó su informe … Según el informe, el Gobierno
    // colombiano «…». El documento pide …"), not inside what the text says.
    const mentioned = [...passage.folded.slice(0, from).matchAll(DOCUMENT_NOUN_PATTERN)][0];
    const upTo = mentioned ? mentioned.index : from;
    const hits = markerHits(passage, markers);
    // Or named right after it: "una carta del embajador de Estados Unidos", "a letter from the U.S. Embassy".
    const issuedBy = mentioned ? ISSUED_BY.exec(passage.folded.slice(upTo + mentioned[0].length, from)) : null;
    const byEnd = mentioned && issuedBy ? upTo + mentioned[0].length + issuedBy[0].length : -1;
    const named = hits.find((h) => h.start >= byEnd - 1 && h.end <= byEnd + 1 + 40 && h.start < from && h.target.actor && h.target.type !== "region");
    if (issuedBy && named?.target.actor && !/[,;:.]/.test(passage.folded.slice(byEnd, named.start))) return holder(named.target.actor, false, "description");
    const issuer = hits.findLast((h) => h.end <= upTo && h.target.type === "holder" && h.target.actor);
    if (issuer?.target.actor) return holder(issuer.target.actor, false, "description");
    return { kind: "pending", pending: { text, start: from, end: to, via: "description", government: true } };
  }
  // "the department said", "la embajada indicó": an institution named by its kind is the one the text was just on.
  if (definite && words.length <= 3 && /^(?:administration|government|gobierno|administracion|department|agency|bureau|embassy|departamento|agencia|embajada)$/.test(last))
    return { kind: "pending", pending: { text, start: from, end: to, via: "description", government: true } };
  // "a department official said", "un funcionario de la embajada": someone of that institution.
  const ofInstitution = folded.some((w) => /^(?:department|agency|bureau|embassy|departamento|agencia|embajada)$/.test(w));
  if (ofInstitution && words.length <= 5 && /^(?:official|officials|spokesperson|spokesman|spokeswoman|funcionario|funcionaria|funcionarios|vocero|vocera|portavoz)$/.test(folded.find((w) => ROLE_NOUNS.has(w) && !/^(?:department|embassy|departamento|embajada)$/.test(w)) ?? ""))
    return { kind: "pending", pending: { text, start: from, end: to, via: "description", government: true } };
  if (names.length > 0) {
    const run = names[names.length - 1] as Word[];
    registry.register(passage.text.slice(run[0]?.start, run[run.length - 1]?.end), null);
    return holder(null, true);
  }
  return { kind: "none" };
}
