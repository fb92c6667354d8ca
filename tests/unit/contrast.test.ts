import { describe, expect, it } from "vitest";
import { splitByContrast } from "../../scripts/ingest/prose/contrast";
import { axisOf, seedCodebook } from "../helpers";

const book = seedCodebook();
const pieces = (slug: string, text: string) => {
  return splitByContrast(text, { start: 0, end: text.length }, axisOf(book, slug), book.negation).map((r) => text.slice(r.start, r.end));
};

describe("splitByContrast: a unit whose clauses turn between the poles is two stances", () => {
  it.each<[string, string, string[]]>([
    [
      "drug-policy",
      "Colombia está dispuesta a «destruir laboratorios y capturar capos todos los días», pero no a «fumigar a sus campesinos»",
      ["Colombia está dispuesta a «destruir laboratorios y capturar capos todos los días»", "pero no a «fumigar a sus campesinos»"],
    ],
    [
      "energy",
      "Colombia would keep producing oil from its existing fields for years to come, but that its diplomacy is now built around the energy transition",
      ["Colombia would keep producing oil from its existing fields for years to come", "but that its diplomacy is now built around the energy transition"],
    ],
    [
      "energy",
      "aseguró que el gas venezolano llegará por el gasoducto antes de diciembre y que no se firmarán nuevos contratos de exploración",
      ["aseguró que el gas venezolano llegará por el gasoducto antes de diciembre", "no se firmarán nuevos contratos de exploración"],
    ],
    // A turn that keeps the direction, or a new subject after the contrast word, is no cut.
    ["drug-policy", "Colombia will not fumigate, but it will offer voluntary substitution", ["Colombia will not fumigate, but it will offer voluntary substitution"]],
    [
      "energy",
      "it has banned new oil and gas exploration to speed the shift to renewables, yet proven gas reserves have fallen",
      ["it has banned new oil and gas exploration to speed the shift to renewables, yet proven gas reserves have fallen"],
    ],
    [
      "venezuela",
      "pidió una negociación con garantías, mientras que la delegación estadounidense mantuvo su exigencia de elecciones como condición",
      ["pidió una negociación con garantías, mientras que la delegación estadounidense mantuvo su exigencia de elecciones como condición"],
    ],
    // "yet" turns a clause only after a comma: without one it is the adverb.
    [
      "drug-policy",
      "Colombia has stepped up interdiction, yet that does not mean a return to fumigation",
      ["Colombia has stepped up interdiction", "yet that does not mean a return to fumigation"],
    ],
    [
      "drug-policy",
      "Colombia has stepped up interdiction yet that does not mean a return to fumigation",
      ["Colombia has stepped up interdiction yet that does not mean a return to fumigation"],
    ],
    // "not yet" is no contrast; a semicolon is a turn whatever follows.
    ["migration", "The ministry has not yet resumed deportation flights", ["The ministry has not yet resumed deportation flights"]],
    [
      "drug-policy",
      "We will keep seizing cocaine; forced eradication has failed",
      ["We will keep seizing cocaine", "forced eradication has failed"],
    ],
    // In a quotation each sentence is a turn, the stop kept with its sentence.
    [
      "drug-policy",
      "We will keep seizing cocaine in the ports. Forced eradication has failed, and we will not return to it.",
      ["We will keep seizing cocaine in the ports.", "Forced eradication has failed, and we will not return to it."],
    ],
    ["venezuela", "Sanctions relief is tied to an election calendar.", ["Sanctions relief is tied to an election calendar."]],
  ])("%s: %j", (slug, text, expected) => {
    expect(pieces(slug, text)).toEqual(expected);
  });
});
