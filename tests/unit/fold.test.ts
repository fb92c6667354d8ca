import { describe, expect, it } from "vitest";
import { findWholeWord, fold, foldKeepCase } from "../../scripts/ingest/fold";

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

describe("findWholeWord", () => {
  it.each([
    ["us and the u.s. agree", "u.s.", [11]],
    ["petroleo and petro", "petro", [13]],
    ["petro's plan", "petro", [0]],
    ["colombian colombia", "colombia", [10]],
    ["", "x", []],
  ])("%j finds %j at %j", (haystack, needle, expected) => {
    expect(findWholeWord(haystack, needle)).toEqual(expected);
  });
});
