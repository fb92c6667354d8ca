import { describe, expect, it } from "vitest";
import { logitPosition } from "../../db/positions";
import { compileNegation, compileTerm, scoreStance } from "../../scripts/ingest/score";
import { seedCodebook } from "../helpers";

const book = seedCodebook();
const axisOf = (slug: string) => {
  const issue = book.issues.find((i) => i.slug === slug);
  if (!issue) throw new Error(slug);
  return issue.compiledAxis;
};
const score = (slug: string, text: string) => scoreStance(text, axisOf(slug), book.negation);
const cueList = (slug: string, text: string) =>
  score(slug, text).cues.map((c) => `${c.matched}${c.negatedBy ? ` ¬${c.negatedBy}` : ""} ${c.pole === "positive" ? "+" : "-"}`);

describe("compileTerm: simple inflection", () => {
  it.each([
    ["seizure", "Seizures were up", true],
    ["arrest", "more arrests", true],
    ["curb", "curbing trafficking", true],
    ["militarize", "militarizing the border", true],
    ["policy", "drug policies", true],
    ["negociación", "las negociaciones", true],
    ["militari*", "militarization", true],
    ["public health", "public‑health focus", true],
    ["public health", "public healthy", false],
    ["oil", "soil erosion", false],
    ["gas", "gasoline", false],
  ])("%j in %j → %s", (term, text, expected) => {
    const compiled = compileTerm(term);
    expect(compiled.pattern.test(text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[-\u2011]/g, " "))).toBe(expected);
  });
});

describe("scoreStance", () => {
  it.each([
    ["drug-policy", "Seizures, arrests and disruption of networks", -1, ["Seizures -", "arrests -", "disruption -"]],
    ["drug-policy", "Rural reform, substitution and public‑health focus", 1, ["Rural reform +", "substitution +", "public‑health +"]],
    ["drug-policy", "Interdiction but also public health and prevention", 1 / 3, ["Interdiction -", "public health +", "prevention +"]],
    ["drug-policy", "Seizures and arrests, with some crop substitution", -1 / 3, ["Seizures -", "arrests -", "crop substitution +"]],
    ["energy", "Preserve market and supply stability", -1, ["market -", "supply stability -"]],
    ["venezuela", "Diálogo y negociaciones con Caracas", 1, ["Diálogo +", "negociaciones +"]],
    ["migration", "Disuasión y deportaciones", -1, ["Disuasión -", "deportaciones -"]],
  ])("%s: %j scores %d", (slug, text, expected, cues) => {
    expect(score(slug, text).score).toBeCloseTo(expected, 10);
    expect(cueList(slug, text)).toEqual(cues);
  });

  it("returns null, not 0, when no cue matches", () => {
    expect(score("energy", "Announcements framed as job and security wins in the U.S.")).toEqual({ score: null, positive: 0, negative: 0, cues: [] });
  });

  it("scores an exact balance as 0, which is different from not scored", () => {
    expect(score("drug-policy", "Interdiction and public health").score).toBe(0);
  });
});

describe("negation and reversal flip a cue", () => {
  it.each([
    ["drug-policy", "De‑emphasize militarization and forced eradication", ["militarization ¬De‑emphasize +", "forced eradication ¬De‑emphasize +"]],
    ["drug-policy", "Development without forced eradication", ["Development +", "forced eradication ¬without +"]],
    ["drug-policy", "Public health rather than militarization", ["Public health +", "militarization ¬rather than +"]],
    ["migration", "Returns must be dignified and not militarized", ["dignified +", "militarized ¬not +"]],
    ["venezuela", "Reassurances against “appeasing Maduro”", ["appeasing ¬against -"]],
    ["energy", "A shift away from oil", ["oil ¬away from +"]],
    ["energy", "Gradually phase out oil and gas dependence", ["oil and gas ¬phase out +"]],
    ["drug-policy", "Desarrollo rural sin erradicación forzosa", ["Desarrollo rural +", "erradicación forzosa ¬sin +"]],
    ["migration", "No a las deportaciones", ["deportaciones ¬No +"]],
    ["drug-policy", "Publicly questioning aerial fumigation", ["aerial fumigation ¬questioning +"]],
  ])("%s: %j", (slug, text, cues) => {
    expect(cueList(slug, text)).toEqual(cues);
  });

  it("a naive count would put Colombia on the enforcement side; negation puts it on development", () => {
    expect(score("drug-policy", "De‑emphasize militarization and forced eradication").score).toBe(1);
  });

  it("stops the negation at punctuation, a contrast word, or after the scope", () => {
    expect(cueList("drug-policy", "No militarization, but more seizures")).toEqual(["militarization ¬No +", "seizures -"]);
    expect(cueList("drug-policy", "Not militarization but seizures")).toEqual(["militarization ¬Not +", "seizures -"]);
    expect(cueList("drug-policy", "Without a single one of the many seizures")).toEqual(["seizures -"]);
  });

  it("treats a negator inside a cue as part of the cue", () => {
    expect(cueList("drug-policy", "the fight against drug trafficking")).toEqual(["fight against -", "trafficking -"]);
  });

  it("two negators cancel", () => {
    const negation = compileNegation(["not", "without"], 6, []);
    expect(scoreStance("not without seizures", axisOf("drug-policy"), negation).cues[0]?.pole).toBe("negative");
  });
});

describe("logitPosition", () => {
  it.each([
    [0, 0, null],
    [3, 0, Math.log(3.5 / 0.5)],
    [0, 3, Math.log(0.5 / 3.5)],
    [2, 2, 0],
    [1.75, 0.25, Math.log(2.25 / 0.75)],
  ])("pos %d, neg %d → %s", (pos, neg, expected) => {
    const value = logitPosition(pos, neg);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });
});
