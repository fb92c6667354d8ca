/**
 * What a reader types into the search box, read into terms and written as an FTS5 query. Every term is
 * written as an FTS5 string, so no character a reader types can be FTS5 syntax: a stray quote, a colon or a
 * parenthesis is searched for (or dropped by the tokenizer), never an error.
 */
export interface SearchTerm {
  /** The words as typed; the index folds case and accents. */
  text: string;
  /** `"…"`: the words in this order, next to each other. */
  phrase: boolean;
  /** `word*`: any word starting with it. */
  prefix: boolean;
  /** `-word`: passages with it are left out. */
  exclude: boolean;
}

/** Around each matched word of a search snippet: control characters no stored text holds, so pages can mark the words as elements. */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** Alternatives joined by OR; each one's terms must all match (its excluded terms must not). */
export type SearchQuery = SearchTerm[][];

/** Longer input is cut here: enough for any question, and a bound on the work one request asks of the index. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 24;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Reads `drug "aerial spraying" erradic* -ecuador OR fumigation` into terms; an empty query has no alternatives. */
export function parseSearchQuery(input: string): SearchQuery {
  const text = input.normalize("NFC").slice(0, MAX_QUERY_LENGTH);
  const alternatives: SearchTerm[][] = [[]];
  let count = 0;
  for (const match of text.matchAll(/(-?)"([^"]*)"?(\*?)|(\S+)/g)) {
    const [, minus, quoted, star, bare] = match;
    if (bare === "OR") {
      alternatives.push([]);
      continue;
    }
    const term =
      quoted !== undefined
        ? { text: quoted.trim(), phrase: true, prefix: star === "*", exclude: minus === "-" }
        : readBare(bare ?? "");
    if (!WORDLIKE.test(term.text) || count >= MAX_TERMS) continue;
    alternatives.at(-1)?.push(term);
    count++;
  }
  // An alternative of excluded terms alone would ask for "everything but", which is not a search.
  return alternatives.filter((terms) => terms.some((term) => !term.exclude));
}

function readBare(word: string): SearchTerm {
  const exclude = word.length > 1 && word.startsWith("-");
  const rest = exclude ? word.slice(1) : word;
  const prefix = /\*+$/.test(rest);
  return { text: rest.replace(/\*+$/, ""), phrase: false, prefix, exclude };
}

/** An FTS5 string: double quotes doubled, so the tokenizer alone reads what is inside. */
function ftsString(term: SearchTerm): string {
  return `"${term.text.replaceAll('"', '""')}"${term.prefix ? " *" : ""}`;
}

/**
 * The FTS5 query: "all" asks for every term of an alternative, "any" for at least one (ranked by how many
 * and how rare). Null when there is nothing to search for.
 */
export function toFtsQuery(query: SearchQuery, mode: "all" | "any" = "all"): string | null {
  const alternatives = query.map((terms) => {
    const wanted = terms.filter((t) => !t.exclude).map(ftsString);
    const unwanted = terms.filter((t) => t.exclude).map(ftsString);
    const required = `(${wanted.join(mode === "all" ? " AND " : " OR ")})`;
    return unwanted.length ? `(${required} NOT (${unwanted.join(" OR ")}))` : required;
  });
  return alternatives.length ? alternatives.join(" OR ") : null;
}

/** Each wanted term as an FTS5 query of its own, to count how many of them a passage has. */
export function termQueries(query: SearchQuery): string[] {
  return query.flat().filter((t) => !t.exclude).map(ftsString);
}

/**
 * Function words of English and Spanish (folded): a question typed as a sentence ("what did Petro say about
 * fumigation") is widened to its other words, since nearly every passage has one of these.
 */
const FUNCTION_WORDS = new Set(
  (
    "a an the and or but of to in on at by for with about from as into over than then is are was were be been being do does did " +
    "has have had it its this that these those what which who whom whose when where why how he she they we you i his her their our your " +
    "el la los las un una unos unas y e o u de del al en por para con sobre que quien quienes como cual cuales cuando donde " +
    "es son fue fueron ser ha han habia se su sus lo le les este esta esto estos estas ese esa eso esos esas mas muy"
  ).split(" "),
);

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * When no passage has every word: one alternative of two or more wanted terms becomes "any of its words",
 * function words left out unless nothing else is left. Null when the query cannot be widened.
 */
export function widenQuery(query: SearchQuery): SearchQuery | null {
  const [terms, ...others] = query;
  if (!terms || others.length > 0) return null;
  const wanted = terms.filter((t) => !t.exclude);
  if (wanted.length < 2) return null;
  const content = wanted.filter((t) => t.phrase || t.prefix || !FUNCTION_WORDS.has(fold(t.text).replace(/[^\p{L}\p{N}]/gu, "")));
  return [[...(content.length ? content : wanted), ...terms.filter((t) => t.exclude)]];
}

/** The words searched for, folded to ASCII for a file name: "Bogotá fumigación" → ["bogota", "fumigacion"]. */
export function queryWords(query: SearchQuery): string[] {
  return query
    .flat()
    .filter((t) => !t.exclude)
    .map((t) => fold(t.text));
}
