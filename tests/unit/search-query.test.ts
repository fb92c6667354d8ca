import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseSearchQuery, queryWords, toFtsQuery, widenQuery } from "../../db/search-query";
import { markedSegments } from "../../app/_lib/marks";

const term = (text: string, options: { phrase?: boolean; prefix?: boolean; exclude?: boolean } = {}) => ({
  text,
  phrase: options.phrase ?? false,
  prefix: options.prefix ?? false,
  exclude: options.exclude ?? false,
});

describe("reading what a reader types", () => {
  it.each([
    ["bogota", [[term("bogota")]]],
    ["  Petro   fumigation ", [[term("Petro"), term("fumigation")]]],
    ['"forced eradication" coca', [[term("forced eradication", { phrase: true }), term("coca")]]],
    ["erradic*", [[term("erradic", { prefix: true })]]],
    ['"aerial spray"*', [[term("aerial spray", { phrase: true, prefix: true })]]],
    ["deportation -flights", [[term("deportation"), term("flights", { exclude: true })]]],
    ['coca -"forced eradication"', [[term("coca"), term("forced eradication", { phrase: true, exclude: true })]]],
    ["glyphosate OR fumigation", [[term("glyphosate")], [term("fumigation")]]],
    // Only OR in capitals joins alternatives: "or" is a word like any other.
    ["glyphosate or fumigation", [[term("glyphosate"), term("or"), term("fumigation")]]],
    // An unclosed quotation runs to the end; a quote inside a word stays in the word.
    ['"rural reform', [[term("rural reform", { phrase: true })]]],
    ['Petro"s', [[term('Petro"s')]]],
    // Hyphenated words and words starting with a hyphen-less dash stay words.
    ["anti-drug", [[term("anti-drug")]]],
    // Nothing a word can be made of: nothing to search for.
    ["", []],
    ["  ¿? — !! * -", []],
    ["OR", []],
    // Excluded terms alone ask for "everything but": not a search.
    ["-flights", []],
    ["coca OR -flights", [[term("coca")]]],
  ])("%j", (input, expected) => {
    expect(parseSearchQuery(input)).toEqual(expected);
  });

  it("reads at most MAX_QUERY_LENGTH characters", () => {
    const words = parseSearchQuery(`${"a".repeat(MAX_QUERY_LENGTH - 1)} tail`);
    expect(words).toEqual([[term("a".repeat(MAX_QUERY_LENGTH - 1))]]);
  });

  it("reads decomposed accents as the composed letters the documents are stored in", () => {
    expect(parseSearchQuery("Bogota\u0301")).toEqual([[term("Bogotá")]]);
  });
});

describe("writing the FTS5 query", () => {
  it.each([
    ["bogota", "all", '("bogota")'],
    ["petro fumigation", "all", '("petro" AND "fumigation")'],
    ["petro fumigation", "any", '("petro" OR "fumigation")'],
    ['"forced eradication" erradic*', "all", '("forced eradication" AND "erradic" *)'],
    ["deportation -flights -planes", "all", '(("deportation") NOT ("flights" OR "planes"))'],
    ["glyphosate OR fumigation coca", "all", '("glyphosate") OR ("fumigation" AND "coca")'],
    // FTS5 syntax a reader types is searched for, never run: quotes doubled inside a string.
    ['Petro"s NEAR(a b) col:x', "all", '("Petro""s" AND "NEAR(a" AND "b)" AND "col:x")'],
  ] as const)("%j (%s)", (input, mode, expected) => {
    expect(toFtsQuery(parseSearchQuery(input), mode)).toBe(expected);
  });

  it("is null when there is nothing to search for", () => {
    expect(toFtsQuery(parseSearchQuery("!!"))).toBeNull();
  });
});

describe("widening a query no passage matches in full", () => {
  it.each([
    // A question typed as a sentence keeps its content words.
    ["what did Petro say about fumigation", [[term("Petro"), term("say"), term("fumigation")]]],
    ["¿Qué dijo Petro sobre la fumigación?", [[term("dijo"), term("Petro"), term("fumigación?")]]],
    // Function words alone are kept rather than searching for nothing.
    ["what about", [[term("what"), term("about")]]],
    // A phrase or a prefix is never dropped; excluded terms stay excluded.
    ['"the war" on drugs -ecuador', [[term("the war", { phrase: true }), term("drugs"), term("ecuador", { exclude: true })]]],
  ])("%j", (input, expected) => {
    expect(widenQuery(parseSearchQuery(input))).toEqual(expected);
  });

  it.each(["fumigation", "glyphosate OR fumigation", "coca -flights"])("%j cannot be widened", (input) => {
    expect(widenQuery(parseSearchQuery(input))).toBeNull();
  });
});

describe("the words a download's file name carries", () => {
  it("folds accents and case, and leaves excluded terms out", () => {
    expect(queryWords(parseSearchQuery('Bogotá "Erradicación forzosa" -Ñame'))).toEqual(["bogota", "erradicacion forzosa"]);
  });
});

describe("a snippet's marked words", () => {
  it.each([
    ["plain text", [{ text: "plain text", marked: false }]],
    ["\u0002Bogotá\u0003 argues", [{ text: "Bogotá", marked: true }, { text: " argues", marked: false }]],
    ["…in \u0002Bogota\u0003 and \u0002Caracas\u0003…", [
      { text: "…in ", marked: false },
      { text: "Bogota", marked: true },
      { text: " and ", marked: false },
      { text: "Caracas", marked: true },
      { text: "…", marked: false },
    ]],
    // Markup in a document is text: it is never read as HTML, and a stray marker is dropped.
    ["<script>x</script> \u0003end", [{ text: "<script>x</script> end", marked: false }]],
    ["open \u0002never closed", [{ text: "open ", marked: false }, { text: "never closed", marked: false }]],
  ])("%j", (snippet, expected) => {
    expect(markedSegments(snippet)).toEqual(expected);
  });
});
