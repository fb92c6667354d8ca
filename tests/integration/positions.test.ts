import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeCues, issueExportRows, stanceExportRows } from "../../db/export";
import { listIssuePositions } from "../../db/positions";
import { parseCodebook } from "../../scripts/ingest/codebook";
import { ingest } from "../../scripts/ingest/pipeline";
import { loadSources } from "../../scripts/ingest/read";
import { loadOverrides } from "../../scripts/ingest/rescore";
import { seedCodebook, seededDb, tempDir } from "../helpers";

const sources = loadSources("seeds/sources.json");

// Pinned so that a codebook edit that moves a score shows up in review: the tables and lists of the seeds.
const SEED_SCORES = [
  ["drug-policy", "us", "Limit trafficking and overdose-linked flows", -1, "Limit trafficking (-)"],
  ["drug-policy", "us", "U.S. officials focus on interdiction and law enforcement", -1, "interdiction (-); law enforcement (-)"],
  ["drug-policy", "us", "Seizures, arrests and disruption of networks", -1, "Seizures (-); arrests (-); disruption (-)"],
  ["drug-policy", "us", "Headline progress on curbing trafficking", -1, "curbing trafficking (-)"],
  ["drug-policy", "co", "De‑emphasize militarization and forced eradication", 1, "militarization (+, negated by “De‑emphasize”); forced eradication (+, negated by “De‑emphasize”)"],
  ["drug-policy", "co", "Petro prioritizes structural reforms in the countryside and new approaches to consumption and public health", 1, "public health (+)"],
  ["drug-policy", "co", "Rural reform, substitution and public‑health focus", 1, "Rural reform (+); substitution (+); public‑health (+)"],
  // Autonomy over the tools says nothing about which tools: not scored (it used to read "enforcement" as −1).
  ["drug-policy", "co", "Autonomy on drug policy and enforcement tools", null, ""],
  ["energy", "us", "the U.S. eyes supply stability", -1, "supply stability (-)"],
  ["energy", "us", "Preserve market and supply stability", -1, "market (-); supply stability (-)"],
  ["energy", "us", "Announcements framed as job and security wins in the U.S.", null, ""],
  ["energy", "co", "Petro pushes a post-oil development model", 1, "post-oil (+)"],
  ["energy", "co", "Gradually phase out oil and gas dependence", 1, "oil and gas (+, negated by “phase out”)"],
  ["energy", "co", "Climate, green investment and just energy transition", 1, "Climate (+); green investment (+); just energy transition (+)"],
  ["venezuela", "us", "Ensure credible democratic guarantees", -1, "democratic guarantees (-)"],
  ["venezuela", "us", "the U.S. seeks calibrated pressure tied to verifiable commitments", -1, "pressure (-); tied to (-); verifiable (-)"],
  ["venezuela", "us", "Conditioned pressure on Maduro", -1, "Conditioned (-); pressure (-)"],
  // A scare-quoted word of the other side is not a cue: not scored.
  ["venezuela", "us", "Reassurances against “appeasing Maduro”", null, ""],
  ["venezuela", "co", "Back negotiations and incremental reforms", 1, "negotiations (+)"],
  ["venezuela", "co", "Colombia favors engagement and normalization", 1, "engagement (+); normalization (+)"],
  ["venezuela", "co", "Normalization, dialogue and incremental reforms", 1, "Normalization (+); dialogue (+)"],
  ["venezuela", "co", "Diplomatic space to engage Venezuela", 1, "Diplomatic (+); engage (+)"],
  ["migration", "us", "Washington pushes for immediate deterrence", -1, "deterrence (-)"],
  ["migration", "us", "Immediate deterrence and reduced crossings", -1, "deterrence (-); reduced crossings (-)"],
  ["migration", "co", "Bogotá argues for humanitarian corridors and regional responsibility-sharing", 1, "humanitarian corridors (+); responsibility-sharing (+)"],
  ["migration", "co", "Safe, regulated transit and regional burden‑sharing", 1, "regulated (+); burden‑sharing (+)"],
];

describe("positions on the seeds", () => {
  const { db } = seededDb();

  it("pins every seed stance's score and cues", () => {
    expect([...stanceExportRows({ evidence: "structured" }, db)].map((r) => [r.issue, r.actor, r.stance, r.position, r.position_cues])).toEqual(SEED_SCORES);
  });

  it.each(["structured", "all"] as const)("puts the United States below zero and Colombia above zero on all four issues (%s evidence)", (evidence) => {
    const positions = listIssuePositions({ evidence }, db);
    expect(positions.filter((p) => p.issueKind === "codebook").map((p) => [p.issueSlug, p.actorId, Math.sign(p.position ?? Number.NaN)])).toEqual([
      ["drug-policy", "us", -1],
      ["drug-policy", "co", 1],
      ["energy", "us", -1],
      ["energy", "co", 1],
      ["venezuela", "us", -1],
      ["venezuela", "co", 1],
      ["migration", "us", -1],
      ["migration", "co", 1],
    ]);
  });

  it("computes the logit position from the cue counts, with n and the gap", () => {
    const drug = listIssuePositions({ issues: ["drug-policy"], evidence: "structured" }, db);
    // US: 0 positive, 7 negative cues; Colombia: 6 positive, 0 negative (one stance not scored).
    expect(drug.map((p) => [p.actorId, p.positive, p.negative, p.stances, p.scoredStances])).toEqual([
      ["us", 0, 7, 4, 4],
      ["co", 6, 0, 4, 3],
    ]);
    expect(drug[0]?.position).toBeCloseTo(Math.log(0.5 / 7.5), 12);
    expect(drug[1]?.position).toBeCloseTo(Math.log(6.5 / 0.5), 12);
    expect(drug[0]?.gap).toBeCloseTo(Math.log(6.5 / 0.5) - Math.log(0.5 / 7.5), 12);
  });

  it("exports one row per issue × actor with the contract's columns", () => {
    expect(issueExportRows({ issues: ["energy"], evidence: "structured" }, db)).toEqual([
      { issue: "energy", issue_label: "Energy & climate", actor: "us", actor_label: "United States", position: -1.9459, stances: 3, scored_stances: 2, pole_negative: "Fossil supply & market stability", pole_positive: "Transition away from oil & gas", gap: 4.3438, table_stances: 2, list_stances: 1, prose_stances: 0 },
      { issue: "energy", issue_label: "Energy & climate", actor: "co", actor_label: "Colombia", position: 2.3979, stances: 3, scored_stances: 3, pole_negative: "Fossil supply & market stability", pole_positive: "Transition away from oil & gas", gap: 4.3438, table_stances: 2, list_stances: 1, prose_stances: 0 },
    ]);
  });

  it("describes cues for a cell", () => {
    expect(describeCues([{ cue: "seizure", matched: "Seizures", pole: "negative", negatedBy: null }])).toBe("Seizures (-)");
    expect(
      describeCues([
        { cue: "militarization", matched: "militarization", pole: "positive", negatedBy: "De‑emphasize" },
        { cue: "sanction", matched: "sanctions", pole: "positive", negatedBy: "the United States", byCourse: true },
      ]),
    ).toBe("militarization (+, negated by “De‑emphasize”); sanctions (+, said of “the United States”)");
  });
});

describe("analyst overrides", () => {
  const key = (db: ReturnType<typeof seededDb>["db"], text: string) =>
    db.$client.prepare("SELECT stance_key FROM stances WHERE text = ?").pluck().get(text) as string;

  it("replace a stance's position, are marked as overrides, and move the aggregate", () => {
    const { db } = seededDb();
    const autonomy = key(db, "Autonomy on drug policy and enforcement tools");
    const before = listIssuePositions({ issues: ["drug-policy"], actors: ["co"], evidence: "structured" }, db)[0]?.position;
    ingest(db, {
      inputs: ["seeds/documents"],
      codebook: seedCodebook(),
      sources,
      overrides: [{ stance: autonomy, position: 0.5, note: "Autonomy from US-set enforcement targets", analyst: "MR" }],
    });
    const row = [...stanceExportRows({ issues: ["drug-policy"], actors: ["co"] }, db)].find((r) => String(r.stance).startsWith("Autonomy"));
    expect([row?.position, row?.position_source, row?.position_cues]).toEqual([0.5, "override", ""]);
    expect(db.$client.prepare("SELECT override_note FROM stances WHERE stance_key = ?").pluck().get(autonomy)).toBe("Autonomy from US-set enforcement targets (MR)");
    // Colombia's drug-policy cues: 6 positive + 0.75, 0 negative + 0.25 (the override weighs as one cue).
    const after = listIssuePositions({ issues: ["drug-policy"], actors: ["co"], evidence: "structured" }, db)[0]?.position;
    expect(after).toBeCloseTo(Math.log(7.25 / 0.75), 12);
    // The stance was not scored; at +0.5 it is milder than Colombia's other drug stances, so the aggregate moves towards 0.
    expect(before).toBeCloseTo(Math.log(6.5 / 0.5), 12);
    expect(after).toBeLessThan(before ?? Number.NEGATIVE_INFINITY);
  });

  it("warn about a stance key that does not exist", () => {
    const { db } = seededDb();
    const report = ingest(db, { inputs: [], rescoreOnly: true, codebook: seedCodebook(), sources, overrides: [{ stance: "nope:123", position: 0, note: "x" }], overridesFile: "seeds/overrides.json" });
    expect(report.warnings).toEqual([{ file: "seeds/overrides.json", line: null, message: 'override for stance "nope:123", which no longer exists; ignored' }]);
  });

  it.each([
    [{ overrides: [{ stance: "a", position: 2, note: "x" }] }, "overrides[0].position: must be between -1 and 1"],
    [{ overrides: [{ stance: "a", position: 0 }] }, "overrides[0].note"],
    [{ overrides: [{ stance: "a", position: 0, note: "x" }, { stance: "a", position: 1, note: "y" }] }, 'overrides[1].stance: stance "a" is overridden twice'],
  ])("reject a bad file naming the field: %j", (content, message) => {
    const file = join(tempDir(), "overrides.json");
    writeFileSync(file, JSON.stringify(content));
    expect(() => loadOverrides(file)).toThrowError(message);
  });

  it("the shipped overrides file is valid", () => {
    expect(loadOverrides("seeds/overrides.json")).toEqual([]);
  });
});

describe("re-scoring without re-parsing", () => {
  it("applies a codebook cue change to stored stances and reads no document", () => {
    const { db } = seededDb();
    const raw = JSON.parse(readFileSync("seeds/codebook.json", "utf8"));
    const energy = raw.issues.find((i: { slug: string }) => i.slug === "energy");
    energy.axis.negative.cues.push("job");
    const book = parseCodebook(raw);
    expect(book.hash).toBe(seedCodebook().hash);
    const report = ingest(db, { inputs: ["does-not-exist"], rescoreOnly: true, codebook: book, sources });
    expect(report.outcomes).toEqual([]);
    const row = [...stanceExportRows({ issues: ["energy"], actors: ["us"] }, db)].find((r) => String(r.stance).startsWith("Announcements"));
    expect([row?.position, row?.position_cues]).toEqual([-1, "job (-)"]);
  });
});
