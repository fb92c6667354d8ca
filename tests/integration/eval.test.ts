import { describe, expect, it } from "vitest";
import { ratio, type Tally } from "../../scripts/eval/metrics";
import { evaluate } from "../../scripts/eval/run";

// A floor under the measured figures (README § Extraction quality), so a rule change that loses ground fails here.
describe("extraction against the hand-labelled gold set", () => {
  const { tallies } = evaluate("tests/fixtures/gold", "seeds/codebook.json");
  const figure = (key: string) => tallies.get(key) as Tally;

  it("locates every gold phrase on its line and scores every document", () => {
    expect(figure("all").gold).toBe(1486);
  });

  it.each([
    ["all", 0.66, 0.77],
    ["issues:four", 0.68, 0.77],
    ["kind:prose", 0.64, 0.76],
    ["lang:es", 0.66, 0.79],
  ])("%s: recall ≥ %d, precision ≥ %d", (key, recall, precision) => {
    const t = figure(key);
    expect(ratio(t.found, t.gold)).toBeGreaterThanOrEqual(recall);
    expect(ratio(t.correct, t.extracted)).toBeGreaterThanOrEqual(precision);
  });

  it("direction: the found stances' positions agree with the labels' signs at least three times in four", () => {
    const t = figure("all");
    expect(ratio(t.directionAgreed, t.directionCompared)).toBeGreaterThanOrEqual(0.79);
  });
});
