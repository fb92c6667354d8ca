import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { findWholeWord, fold, foldKeepCase, isWordAt, nextStep, type SpellingStep, spell, spellingStep, WordStarts, wordOpening } from "./fold";
import { type CompiledAxis, type CompiledNegation, type CompiledTerm, compileNegation, compileTerm } from "./score";

const aliasSchema = z.union([
  z.string().trim().min(1, "an alias must not be empty"),
  z
    .object({
      text: z.string().trim().min(1, "an alias must not be empty"),
      matchCase: z.boolean().default(false),
      /** Longer phrases in which the alias does not name its target ("Latin American" for "American"). */
      notIn: z.array(z.string().trim().min(1, "a phrase must not be empty")).default([]),
    })
    .strict(),
]);

const slugSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens");

const actorSchema = z
  .object({
    id: z.enum(["us", "co"], { message: 'must be "us" or "co"' }),
    label: z.string().min(1),
    labelEs: z.string().min(1),
    aliases: z.array(aliasSchema).min(1, "needs at least one alias"),
    /** Prose: people who speak for the government (leaders, ministers, officials by name). */
    people: z.array(aliasSchema).default([]),
    /** Prose: institutions and names that stand for the government ("the State Department", "la Cancillería", "Washington"). */
    holders: z.array(aliasSchema).default([]),
    /** Prose: words that make a role noun the actor's ("Colombian" + "officials", "ministro" + "colombiano"). */
    demonyms: z.array(aliasSchema).default([]),
    /** Prose: office words only this government uses ("ministry", "ministro"): with no country named, an office is its. */
    offices: z.array(aliasSchema).default([]),
  })
  .strict();

const cueSchema = z
  .string()
  .trim()
  .min(1, "a cue must not be empty")
  // Every word of a phrase inflects already; a "*" inside one would be matched as a literal star and never found.
  .refine((term) => !term.slice(0, -1).includes("*"), 'a "*" may only end a term ("deport*"), not stand inside it');
const poleSchema = z
  .object({
    label: z.string().min(1),
    labelEs: z.string().min(1),
    cues: z.array(cueSchema).min(1, "needs at least one cue"),
  })
  .strict();

const issueSchema = z
  .object({
    slug: slugSchema.refine((s) => !s.startsWith("other-"), 'must not start with "other-" (reserved for unmatched issues)'),
    label: z.string().min(1),
    labelEs: z.string().min(1),
    description: z.string().min(1),
    /** Shown on the Spanish pages, as labelEs is. */
    descriptionEs: z.string().min(1),
    aliases: z.array(aliasSchema).min(1, "needs at least one alias"),
    /** Prose: words that put a sentence on this issue besides its aliases ("deport*", "coca crops", "Delcy Rodríguez"), matched like cues. */
    topics: z.array(cueSchema).default([]),
    axis: z.object({ negative: poleSchema, positive: poleSchema }).strict(),
  })
  .strict();

/** Topics outside the codebook issues that prose must not force into one of them (tariffs, visas, …). */
const otherIssueSchema = z
  .object({
    label: z.string().min(1),
    labelEs: z.string().min(1),
    topics: z.array(cueSchema).min(1, "needs at least one topic term"),
    /** Prose: words that put a sentence on this issue when their object is a person's name ("sanctioned Laura Quintero", "sancionó a Petro"). */
    personTopics: z.array(cueSchema).default([]),
  })
  .strict();

const negationSchema = z
  .object({
    $comment: z.string().optional(),
    scopeWords: z.number().int().min(1).max(20),
    terms: z.array(cueSchema).min(1, "needs at least one negator"),
    /** Failure predicates that flip the cues before them ("forced eradication has failed"). */
    after: z.array(cueSchema).default([]),
    scopeBreakers: z.array(cueSchema).default([]),
  })
  .strict();

export const codebookSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.literal(1),
    actors: z
      .array(actorSchema)
      .length(2, "must list exactly the two actors us and co")
      .refine((a) => new Set(a.map((x) => x.id)).size === 2, "actor ids must be us and co, once each"),
    issues: z
      .array(issueSchema)
      .min(1, "needs at least one issue")
      .refine((i) => new Set(i.map((x) => x.slug)).size === i.length, "issue slugs must be unique"),
    otherIssues: z.array(otherIssueSchema).default([]),
    negation: negationSchema,
  })
  .strict();

export type CodebookFile = z.infer<typeof codebookSchema>;
export type ActorId = "us" | "co";

export class CodebookError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "CodebookError";
  }
}

export interface CompiledAlias {
  text: string;
  folded: string;
  matchCase: boolean;
  /** Folded phrases in which the alias does not count. */
  notIn: string[];
  /** Its first two units when it starts with a letter or digit: a text with no word opening so has no match. */
  opening: string | null;
  /**
   * A cased alias of ASCII letters that opens a word, in lower case with its opening: a text's cased copy matches it only
   * where its fold matches this (fold.test.ts checks every unit), so a text whose fold does not is never copied cased.
   */
  caseless: { folded: string; opening: string } | null;
}

export interface CodebookActor {
  id: ActorId;
  label: string;
  labelEs: string;
  aliases: CompiledAlias[];
  people: CompiledAlias[];
  holders: CompiledAlias[];
  demonyms: CompiledAlias[];
  offices: CompiledAlias[];
}

export interface AxisPole {
  label: string;
  labelEs: string;
  cues: string[];
}

export interface CodebookIssue {
  slug: string;
  label: string;
  labelEs: string;
  description: string;
  descriptionEs: string;
  aliases: CompiledAlias[];
  topics: CompiledTerm[];
  axis: { negative: AxisPole; positive: AxisPole };
  compiledAxis: CompiledAxis;
}

export interface CodebookOtherIssue {
  /** `other-<label as a slug>`, as a table's or list's topic label is filed. */
  slug: string;
  label: string;
  labelEs: string;
  topics: CompiledTerm[];
  /** Topics that count only when their object is a person's name. */
  personTopics: CompiledTerm[];
}

export interface Codebook {
  /** Hash of what extraction depends on (actors, issues, aliases): a change re-reads every document. Axes and cues are left out: every ingest re-scores. */
  hash: string;
  actors: CodebookActor[];
  issues: CodebookIssue[];
  otherIssues: CodebookOtherIssue[];
  negation: CompiledNegation;
}

export function slugify(label: string): string {
  return label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function compileAlias(alias: z.infer<typeof aliasSchema>): CompiledAlias {
  const { text, matchCase, notIn } = typeof alias === "string" ? { text: alias, matchCase: false, notIn: [] } : alias;
  const folded = matchCase ? foldKeepCase(text) : fold(text);
  const lower = folded.toLowerCase();
  const lowerOpening = wordOpening(lower);
  const caseless = matchCase && /^[\x20-\x7e]*$/.test(folded) && lowerOpening !== null ? { folded: lower, opening: lowerOpening } : null;
  return { text, matchCase, folded, notIn: notIn.map(fold), opening: wordOpening(folded), caseless };
}

function describePath(path: PropertyKey[], raw: unknown): string {
  let node: unknown = raw;
  const parts: string[] = [];
  for (const key of path) {
    const here = node as Record<PropertyKey, unknown> | undefined;
    const name = here && typeof here === "object" && ("slug" in here || "id" in here) ? String(here.slug ?? here.id) : null;
    if (typeof key === "number") parts.push(name ? `[${key}]` : `[${key}]`);
    else parts.push(parts.length ? `.${String(key)}` : String(key));
    node = here?.[key];
  }
  return parts.join("") || "(top level)";
}

export function parseCodebook(raw: unknown, file = "codebook.json"): Codebook {
  const result = codebookSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${describePath(issue.path, raw)}: ${issue.message}`);
    throw new CodebookError(file, `invalid codebook\n  ${problems.join("\n  ")}`);
  }
  const book = result.data;
  const sha = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
  const order: ActorId[] = ["us", "co"];
  return {
    hash: sha({ actors: book.actors, issues: book.issues.map(({ axis: _axis, ...issue }) => issue), otherIssues: book.otherIssues }),
    actors: [...book.actors]
      .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
      .map((a) => ({
        ...a,
        aliases: a.aliases.map(compileAlias),
        people: a.people.map(compileAlias),
        holders: a.holders.map(compileAlias),
        demonyms: a.demonyms.map(compileAlias),
        offices: a.offices.map(compileAlias),
      })),
    otherIssues: book.otherIssues.map((o) => ({
      ...o,
      slug: `other-${slugify(o.label)}`,
      topics: o.topics.map((term) => compileTerm(term)),
      personTopics: o.personTopics.map((term) => compileTerm(term)),
    })),
    issues: book.issues.map((i) => ({
      ...i,
      aliases: i.aliases.map(compileAlias),
      topics: i.topics.map((term) => compileTerm(term)),
      compiledAxis: {
        negative: i.axis.negative.cues.map((cue) => compileTerm(cue)),
        positive: i.axis.positive.cues.map((cue) => compileTerm(cue)),
      },
    })),
    negation: compileNegation(book.negation.terms, book.negation.scopeWords, book.negation.scopeBreakers, book.negation.after),
  };
}

export function loadCodebook(file: string): Codebook {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new CodebookError(file, `cannot read codebook (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CodebookError(file, `not valid JSON: ${(err as Error).message}`);
  }
  return parseCodebook(raw, file);
}

export interface AliasHit<T> {
  target: T;
  alias: string;
  start: number;
  end: number;
}

/** Where one alias matches a text, outside the phrases it does not count in; `cased` is asked for only by an alias that matches case. */
function aliasStarts<T>(target: T, alias: CompiledAlias, words: WordStarts, cased: () => string, folded: string, hits: AliasHit<T>[]): void {
  // A cased alias is searched for, not looked up: the few there are ("US") cost less than filing every word of a second copy.
  if (alias.caseless && words.find(alias.caseless.folded, alias.caseless.opening).length === 0) return;
  const starts = alias.matchCase ? findWholeWord(cased(), alias.folded) : alias.opening === null ? findWholeWord(folded, alias.folded) : words.find(alias.folded, alias.opening);
  pushHits(target, alias, starts, folded, hits);
}

/** The hits of one alias at `starts` (in text order), less those inside a phrase it does not count in. */
function pushHits<T>(target: T, alias: CompiledAlias, starts: readonly number[], folded: string, hits: AliasHit<T>[]): void {
  if (starts.length === 0) return;
  const excluded = alias.notIn.flatMap((phrase) => findWholeWord(folded, phrase).map((at) => [at, at + phrase.length] as const));
  for (const start of starts) {
    const end = start + alias.folded.length;
    if (excluded.some(([from, to]) => from <= start && end <= to)) continue;
    hits.push({ target, alias: alias.text, start, end });
  }
}

/** Few aliases match case ("US"): the cased copy of a text is made for the first that is asked about. */
function casedCopy(text: string): () => string {
  let copy: string | null = null;
  return () => {
    copy ??= foldKeepCase(text);
    return copy;
  };
}

/** Hits in the order they were found, kept as the text reads them: the longest wins where aliases overlap. */
function longestHits<T>(hits: AliasHit<T>[]): AliasHit<T>[] {
  // Longest match wins where aliases overlap ("Donald Trump" over "Trump", "Drug policy" over "Drug").
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: AliasHit<T>[] = [];
  for (const hit of hits) {
    const last = kept[kept.length - 1];
    if (last && hit.start < last.end) continue;
    kept.push(hit);
  }
  return kept;
}

/** `folded`: `fold(text)`, given by a caller that holds it already (a passage), so it is not folded again. */
export function aliasHits<T>(text: string, targets: T[], aliasesOf: (target: T) => CompiledAlias[], folded = fold(text)): AliasHit<T>[] {
  const words = WordStarts.of(folded);
  const cased = casedCopy(text);
  const hits: AliasHit<T>[] = [];
  for (const target of targets) for (const alias of aliasesOf(target)) aliasStarts(target, alias, words, cased, folded, hits);
  return longestHits(hits);
}

/** An alias where its spelling ends, or a cased alias where its lower case's does (`caseless`). */
type Spelled = { at: number; caseless: boolean };

/**
 * The same matching for texts read against the same targets again and again: the aliases that open a word are spelled
 * out unit by unit once, so a text is read once from each of its word starts (a sentence has a few dozen) instead of once
 * per alias (the holders' markers have hundreds, dozens of them opening as "the", "de" or "la" do).
 */
export class AliasIndex<T> {
  /** Each alias with its target, in the order aliasHits asks about them: where hits tie, the earlier one wins. */
  private readonly entries: { target: T; alias: CompiledAlias }[] = [];
  private readonly spellings = spellingStep<Spelled>();
  /** Aliases with no opening, and cased ones with no lower case to spell (not ASCII): asked about in every text. */
  private readonly always: number[] = [];

  constructor(targets: T[], aliasesOf: (target: T) => CompiledAlias[]) {
    for (const target of targets)
      for (const alias of aliasesOf(target)) {
        const at = this.entries.push({ target, alias }) - 1;
        if (alias.caseless) spell(this.spellings, alias.caseless.folded).ends.push({ at, caseless: true });
        else if (alias.opening === null || alias.matchCase) this.always.push(at);
        else spell(this.spellings, alias.folded).ends.push({ at, caseless: false });
      }
  }

  /** What aliasHits(text, targets, aliasesOf, folded) gives. */
  hits(text: string, folded = fold(text)): AliasHit<T>[] {
    // Per alias, where it matches as a whole word in text order (what WordStarts.find gives); a cased alias, filed where its lower case does.
    const found = new Map<number, number[]>();
    let previous = false;
    for (let i = 0; i + 1 < folded.length; i++) {
      const word = isWordAt(folded, i);
      if (word && !previous) this.read(folded, i, found);
      previous = word;
    }
    const cased = casedCopy(text);
    const hits: AliasHit<T>[] = [];
    // In aliasHits' order, so hits that tie are pushed, and kept, as it keeps them.
    for (const at of [...found.keys(), ...this.always].sort((a, b) => a - b)) {
      const { target, alias } = this.entries[at] as (typeof this.entries)[number];
      const starts = alias.matchCase ? findWholeWord(cased(), alias.folded) : (found.get(at) ?? findWholeWord(folded, alias.folded));
      pushHits(target, alias, starts, folded, hits);
    }
    return longestHits(hits);
  }

  /** The aliases the text spells from `start`, a word start, that end where a word does (or end in a full stop, as "U.S." does). */
  private read(folded: string, start: number, found: Map<number, number[]>): void {
    let step: SpellingStep<Spelled> | undefined = this.spellings;
    for (let i = start; i < folded.length; i++) {
      step = nextStep(step, folded.charCodeAt(i));
      if (!step) return;
      if (step.ends.length === 0 || (isWordAt(folded, i) && isWordAt(folded, i + 1))) continue;
      for (const { at, caseless } of step.ends) {
        const starts = found.get(at);
        if (caseless) {
          if (!starts) found.set(at, []);
        } else if (starts) starts.push(start);
        else found.set(at, [start]);
      }
    }
  }
}

/** One index per codebook and list of aliases: every block, passage and stance is asked about the same aliases. */
function indexOnce<T>(indexes: WeakMap<Codebook, AliasIndex<T>>, book: Codebook, make: () => AliasIndex<T>): AliasIndex<T> {
  let index = indexes.get(book);
  if (!index) {
    index = make();
    indexes.set(book, index);
  }
  return index;
}

const ACTOR_INDEXES = new WeakMap<Codebook, AliasIndex<CodebookActor>>();
const INSTITUTION_INDEXES = new WeakMap<Codebook, AliasIndex<CodebookActor>>();
const ISSUE_INDEXES = new WeakMap<Codebook, AliasIndex<CodebookIssue>>();

export function findActorMentions(text: string, book: Codebook): AliasHit<CodebookActor>[] {
  return indexOnce(ACTOR_INDEXES, book, () => new AliasIndex(book.actors, (actor) => actor.aliases)).hits(text);
}

/** An actor's aliases and its institutions ("the State Department", "la Cancillería"). */
export function findInstitutionMentions(text: string, book: Codebook): AliasHit<CodebookActor>[] {
  return indexOnce(INSTITUTION_INDEXES, book, () => new AliasIndex(book.actors, (actor) => [...actor.aliases, ...actor.holders])).hits(text);
}

/** `folded`: `fold(text)`, given by a caller that holds it already (a passage). */
export function findIssueMentions(text: string, book: Codebook, folded = fold(text)): AliasHit<CodebookIssue>[] {
  return indexOnce(ISSUE_INDEXES, book, () => new AliasIndex(book.issues, (issue) => issue.aliases)).hits(text, folded);
}

export interface IssueMatch {
  issue: CodebookIssue;
  /** The words that named it, as written. */
  evidence: string;
}

/** The issues a text names, each with its mentions and the first words that named it, most mentioned first (then first named). */
export function namedIssues(text: string, book: Codebook): (IssueMatch & { mentions: number })[] {
  const named = new Map<CodebookIssue, IssueMatch & { mentions: number; first: number }>();
  for (const hit of findIssueMentions(text, book)) {
    const seen = named.get(hit.target);
    if (seen) seen.mentions++;
    else named.set(hit.target, { issue: hit.target, evidence: text.slice(hit.start, hit.end), mentions: 1, first: hit.start });
  }
  return [...named.values()]
    .sort((a, b) => b.mentions - a.mentions || a.first - b.first)
    .map(({ first: _first, ...match }) => match);
}

/**
 * The issue a passage is about: the issue named most often. Null when it names none, or when two
 * issues are named equally often: a tie is not guessed.
 */
export function matchIssue(text: string, book: Codebook): IssueMatch | null {
  const [best, next] = namedIssues(text, book);
  if (!best || (next && next.mentions === best.mentions)) return null;
  return { issue: best.issue, evidence: best.evidence };
}
