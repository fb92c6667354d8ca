import { describe, expect, it } from "vitest";
import { normalizeBlocks } from "../../scripts/ingest/blocks";
import { parseMarkdown } from "../../scripts/ingest/parse";
import { extractTable } from "../../scripts/ingest/tables";
import { seedCodebook } from "../helpers";

const book = seedCodebook();
const tableOf = (markdown: string) => {
  const table = parseMarkdown(normalizeBlocks(markdown, "md")).tables[0];
  if (!table) throw new Error("no table in fixture");
  return extractTable(table, 1, book);
};
const summary = (markdown: string) =>
  tableOf(markdown).stances.map((s) => [s.issue.slug, s.actor, s.span.text, s.table?.row, s.table?.column]);

describe("extractTable", () => {
  it("reads an issue column and actor columns", () => {
    const table = "| Key Issue | Petro’s Goal | U.S. Concern |\n|---|---|---|\n| Border flows | Open | Closed |";
    expect(tableOf(table).layout).toBe("issue-column");
    expect(summary(table)).toEqual([
      ["migration", "co", "Open", 1, 2],
      ["migration", "us", "Closed", 1, 3],
    ]);
  });

  it("finds the issue column by its header even when it is not first", () => {
    const table = "| Washington | Topic | Bogotá |\n|---|---|---|\n| Pressure | Caracas ties | Dialogue |";
    expect(summary(table)).toEqual([
      ["venezuela", "us", "Pressure", 1, 1],
      ["venezuela", "co", "Dialogue", 1, 3],
    ]);
  });

  it("takes the row's issue from its cells when there is no issue column", () => {
    const table = "| Petro’s Priorities | Trump’s Priorities |\n|---|---|\n| Diplomatic space to engage Venezuela | Reassurances against “appeasing Maduro” |";
    const extracted = tableOf(table);
    expect(extracted.layout).toBe("issue-from-content");
    expect(summary(table)).toEqual([
      ["venezuela", "co", "Diplomatic space to engage Venezuela", 1, 1],
      ["venezuela", "us", "Reassurances against “appeasing Maduro”", 1, 2],
    ]);
  });

  it("stores an unmatched issue label as an 'other' issue and reports it, never forcing it into the four", () => {
    const table = "| Issue | U.S. view | Colombia view |\n|---|---|---|\n| Trade and investment | Open markets | Protect farmers |";
    const extracted = tableOf(table);
    expect(extracted.stances.map((s) => s.issue)).toEqual([
      { slug: "other-trade-and-investment", label: "Trade and investment", kind: "other" },
      { slug: "other-trade-and-investment", label: "Trade and investment", kind: "other" },
    ]);
    expect(extracted.notes[0]?.message).toContain('stored as other issue "Trade and investment"');
  });

  it("keeps a table with no actor columns as a source table without stances, and says why", () => {
    const table = "| Track | Goal | Risk If Absent |\n|---|---|---|\n| Clear Red Lines | Prevent miscalculation | Escalation |";
    const extracted = tableOf(table);
    expect(extracted.layout).toBe("no-actors");
    expect(extracted.stances).toEqual([]);
    expect(extracted.note).toContain("no column header names the United States or Colombia");
  });

  it("reads a transposed table: actors down the first column, issues across the header", () => {
    const table = "| Actor | Migration | Energy |\n|---|---|---|\n| Colombia | Corridors | Transition |\n| United States | Deterrence | Supply |";
    const extracted = tableOf(table);
    expect(extracted.layout).toBe("transposed");
    expect(summary(table)).toEqual([
      ["migration", "co", "Corridors", 1, 2],
      ["energy", "co", "Transition", 1, 3],
      ["migration", "us", "Deterrence", 2, 2],
      ["energy", "us", "Supply", 2, 3],
    ]);
  });

  it("skips empty cells and rows with an empty issue cell", () => {
    const table = "| Issue | U.S. | Colombia |\n|---|---|---|\n| Drugs |  | Substitution |\n|  | x | y |";
    expect(summary(table)).toEqual([["drug-policy", "co", "Substitution", 1, 3]]);
    expect(tableOf(table).notes.map((n) => n.message)).toEqual(["table 1 row 2: empty issue cell; row skipped"]);
  });
});
