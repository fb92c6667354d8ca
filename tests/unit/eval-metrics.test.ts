import { describe, expect, it } from "vitest";
import type { GoldSpan, GoldStance } from "../../scripts/eval/gold";
import { locate } from "../../scripts/eval/gold";
import { type EvalDocument, type EvalStance, emptyTally, scoreDocument, type Tally } from "../../scripts/eval/metrics";

const line = "Petro urged migrants to return home, while Washington pushed for more deportations.";
const span = (phrase: string): GoldSpan => locate("test.json", [line], 1, phrase);
const gold = (actor: "us" | "co", issue: GoldStance["issue"], phrase: string, direction: GoldStance["direction"] = "+") => ({
  line: 1,
  actor,
  issue,
  kind: "prose" as const,
  attribution: "reported" as const,
  phrase,
  direction,
  span: span(phrase),
});
const extracted = (actor: "us" | "co", issue: string, phrase: string, position: number | null = 0.5): EvalStance => {
  const at = span(phrase);
  return {
    actor,
    issue,
    issueKind: issue.startsWith("other-") ? "other" : "codebook",
    kind: "prose",
    rule: "prose:stance-verb",
    confidence: 0.85,
    lineStart: 1,
    lineEnd: 1,
    columnStart: at.columnStart,
    columnEnd: at.columnEnd,
    position,
    text: phrase,
  };
};

function score(doc: Omit<EvalDocument, "name" | "lang" | "split" | "negatives"> & { negatives?: EvalDocument["negatives"] }): Tally {
  const tally = emptyTally();
  scoreDocument({ name: "t", lang: "en", split: "dev", negatives: [], ...doc }, (keys, update) => {
    if (keys.includes("all")) update(tally);
  });
  return tally;
}

describe("eval metrics", () => {
  it("finds a gold stance overlapped with the same actor and issue, and agrees on direction", () => {
    expect(score({ gold: [gold("co", "migration", "Petro urged migrants to return")], stances: [extracted("co", "migration", "Petro urged migrants to return home")] })).toMatchObject({
      gold: 1,
      found: 1,
      extracted: 1,
      correct: 1,
      directionCompared: 1,
      directionAgreed: 1,
    });
  });

  it("counts the wrong government as misfiled, and the stance as not correct", () => {
    expect(score({ gold: [gold("co", "migration", "Petro urged migrants to return")], stances: [extracted("us", "migration", "Petro urged migrants")] })).toMatchObject({
      found: 0,
      misfiledActor: 1,
      correct: 0,
      spurious: 0,
    });
  });

  it("matches any issue outside the four to gold 'other', and counts a stance over no gold as spurious", () => {
    expect(
      score({
        gold: [gold("us", "other", "Washington pushed for more deportations", null)],
        stances: [extracted("us", "other-trade", "Washington pushed for more deportations"), extracted("co", "energy", "Petro urged migrants")],
      }),
    ).toMatchObject({ found: 1, correct: 1, extracted: 2, spurious: 1 });
  });

  it("counts a stance on one of the four issues over a labelled negative", () => {
    expect(
      score({ gold: [], stances: [extracted("co", "migration", "return home")], negatives: [{ span: span("return home"), phrase: "return home", why: "test" }] }),
    ).toMatchObject({ negativeHits: 1, spurious: 1 });
  });

  it("rejects a gold phrase that is not on its line", () => {
    expect(() => locate("gold/x.json", [line], 1, "not there")).toThrow('gold/x.json: phrase not found on line 1: "not there"');
  });
});
