import { describe, expect, it } from "vitest";
import { findWholeWord, fold, foldKeepCase, isWordChar, WordStarts, wordOpening } from "../../scripts/ingest/fold";

describe("fold", () => {
  it.each([
    ["Bogotá", "bogota"],
    ["Petro’s Goal", "petro's goal"],
    ["De\u2011emphasize", "de-emphasize"],
    ["“appeasing Maduro”", '"appeasing maduro"'],
    ["EE.\u00A0UU.", "ee. uu."],
    ["Casa de Nariño", "casa de narino"],
    ["MIGRACIÓN", "migracion"],
  ])("%s → %s", (input, expected) => {
    expect(fold(input)).toBe(expected);
    expect(fold(input)).toHaveLength(input.length);
  });

  it("keeps case when asked, still folding accents", () => {
    expect(foldKeepCase("US Bogotá")).toBe("US Bogota");
  });
});

const WHOLE_WORDS: [string, string, number[]][] = [
  ["us and the u.s. agree", "u.s.", [11]],
  ["petroleo and petro", "petro", [13]],
  ["petro's plan", "petro", [0]],
  ["colombian colombia", "colombia", [10]],
  ["", "x", []],
  ["rubio, rubio and rubio", "rubio", [0, 7, 17]],
  ["ee.uu. y ee.uu.", "ee.uu.", [0, 9]],
  ["the us-colombia deal", "colombia", [7]],
  ["antidrogas drogas", "drogas", [11]],
  ["state department departments", "department", [6]],
  ["onu", "onu", [0]],
  ["a b", "ab", []],
  ["x", "xy", []],
];

describe("findWholeWord", () => {
  it.each(WHOLE_WORDS)("%j finds %j at %j", (haystack, needle, expected) => {
    expect(findWholeWord(haystack, needle)).toEqual(expected);
  });
});

describe("WordStarts", () => {
  // The alias matcher's index of word starts must find exactly what findWholeWord finds, for every needle that opens a word.
  it.each(WHOLE_WORDS.filter(([, needle]) => wordOpening(needle) !== null))("%j finds %j at %j, as findWholeWord does", (haystack, needle, expected) => {
    expect(new WordStarts(haystack).find(needle, wordOpening(needle) as string)).toEqual(expected);
  });
});

describe("foldKeepCase against fold", () => {
  // A cased alias ("US") is searched for only in texts whose fold has it in lower case, as a whole word (codebook.ts): that holds unit by unit.
  it("folds every unit it copies as printable ASCII to that unit's lower case, and no unit to a letter or digit that it keeps as neither", () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      const cased = foldKeepCase(unit);
      const folded = fold(unit);
      if ((/^[\x20-\x7e]$/.test(cased) && folded !== cased.toLowerCase()) || (isWordChar(folded) && !isWordChar(cased))) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
