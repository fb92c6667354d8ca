import { describe, expect, it } from "vitest";
import { normalizeBlocks } from "../../scripts/ingest/blocks";
import { parseMarkdown } from "../../scripts/ingest/parse";
import { extractTable } from "../../scripts/ingest/tables";
import { seedCodebook } from "../helpers";

const book = seedCodebook();
const tableOf = (markdown: string, format: "md" | "txt" = "md") => {
  const table = parseMarkdown(normalizeBlocks(markdown, format)).tables[0];
  if (!table) throw new Error("no table in fixture");
  return extractTable(table, 1, book);
};
const summary = (markdown: string, format: "md" | "txt" = "md") =>
  tableOf(markdown, format).stances.map((s) => [s.issue.slug, s.actor, s.span.text, s.table?.row, s.table?.column]);
const rows = (...lines: string[]) => lines.join("\n");

describe("extractTable: layouts", () => {
  it("reads an issue column and one column per actor", () => {
    const table = rows("| Topic | Bogotá wants | Washington wants |", "|---|---|---|", "| Asylum and returns | Legal pathways | Faster removals |");
    expect(tableOf(table).layout).toBe("issue-column");
    expect(tableOf(table).stances.map((s) => s.rule)).toEqual(["table:issue-column", "table:issue-column"]);
    expect(summary(table)).toEqual([
      ["migration", "co", "Legal pathways", 1, 2],
      ["migration", "us", "Faster removals", 1, 3],
    ]);
  });

  it("reads 'American' headers as the United States (an \"American position\" column was not an actor column)", () => {
    const table = rows("| Issue | American position | Colombian position |", "|---|---|---|", "| Energy | More LNG | More wind |");
    expect(summary(table)).toEqual([
      ["energy", "us", "More LNG", 1, 2],
      ["energy", "co", "More wind", 1, 3],
    ]);
  });

  it("finds the issue column by its header wherever it stands", () => {
    const table = rows("| White House line | Area | Colombian line |", "|---|---|---|", "| Keep sanctions in place | Maduro | Reopen the consulates |");
    expect(summary(table)).toEqual([
      ["venezuela", "us", "Keep sanctions in place", 1, 1],
      ["venezuela", "co", "Reopen the consulates", 1, 3],
    ]);
  });

  it("reads each row's issue from its cells when no column names issues", () => {
    const table = rows("| Casa de Nariño | Casa Blanca |", "|---|---|", "| Crop substitution before any coca eradication | Aerial spraying of coca fields |");
    const extracted = tableOf(table);
    expect(extracted.layout).toBe("issue-from-content");
    expect(extracted.stances.map((s) => s.confidence)).toEqual([0.9, 0.9]);
    expect(summary(table)).toEqual([
      ["drug-policy", "co", "Crop substitution before any coca eradication", 1, 1],
      ["drug-policy", "us", "Aerial spraying of coca fields", 1, 2],
    ]);
  });

  it("reads a transposed table: actors down the first column, issues across the header", () => {
    const table = rows("| Government | Energía | Migración |", "|---|---|---|", "| Estados Unidos | Más gas natural | Vuelos de deportación |", "| Colombia | Solar y eólica | Regularización |");
    expect(tableOf(table).layout).toBe("transposed");
    expect(summary(table)).toEqual([
      ["energy", "us", "Más gas natural", 1, 2],
      ["migration", "us", "Vuelos de deportación", 1, 3],
      ["energy", "co", "Solar y eólica", 2, 2],
      ["migration", "co", "Regularización", 2, 3],
    ]);
  });

  it("keeps a table that names no actor as a source table without stances, and says why", () => {
    const extracted = tableOf(rows("| Milestone | Owner | Deadline |", "|---|---|---|", "| Joint audit | Ministry | March |"));
    expect(extracted.layout).toBe("no-actors");
    expect(extracted.stances).toEqual([]);
    expect(extracted.note).toBe("no column header names the United States or Colombia (Milestone | Owner | Deadline); stored without stances");
  });

  it("skips empty cells and rows whose issue cell is empty", () => {
    const table = rows("| Issue | Washington | Bogotá |", "|---|---|---|", "| Coca |  | Buy the harvest from growers |", "|  | a | b |");
    expect(summary(table)).toEqual([["drug-policy", "co", "Buy the harvest from growers", 1, 3]]);
    expect(tableOf(table).notes.map((n) => n.message)).toEqual(["table 1 row 2: empty issue cell; row skipped"]);
  });
});

describe("extractTable: issue labels", () => {
  it("stores a label outside the codebook as an 'other' issue and reports it, never forcing it into the four", () => {
    const extracted = tableOf(rows("| Issue | U.S. | Colombia |", "|---|---|---|", "| Tariffs on flowers | Raise them | Lift them |"));
    expect(extracted.stances.map((s) => s.issue.slug)).toEqual(["other-tariffs-on-flowers", "other-tariffs-on-flowers"]);
    expect(extracted.notes.map((n) => n.message)).toEqual(['issue "Tariffs on flowers" matches none of the codebook issues; stored as other issue "Tariffs on flowers"']);
  });

  it("reports a label naming two issues instead of guessing one (\"Drugs and migration\" went to migration)", () => {
    const extracted = tableOf(rows("| Issue | U.S. | Colombia |", "|---|---|---|", "| Drugs and migration | Close the routes | Open the routes |"));
    expect(extracted.stances.map((s) => s.issue.slug)).toEqual(["other-drugs-and-migration", "other-drugs-and-migration"]);
    expect(extracted.notes.map((n) => n.message)).toEqual([
      'issue "Drugs and migration" names more than one issue (Drug policy, Migration); stored as other issue "Drugs and migration"',
    ]);
  });

  it("does not file human trafficking under drug policy (the bare alias \"Trafficking\")", () => {
    expect(summary(rows("| Issue | U.S. | Colombia |", "|---|---|---|", "| Human trafficking | Prosecute | Protect victims |"))[0]?.[0]).toBe("other-human-trafficking");
  });

  it("reports a row whose cells name two issues equally often", () => {
    const extracted = tableOf(rows("| Petro | Trump |", "|---|---|", "| Talk to Caracas about coca | Talk about timing |"));
    expect(extracted.stances.map((s) => s.issue.slug)).toEqual(["other-unclassified", "other-unclassified"]);
    expect(extracted.notes.map((n) => n.message)).toEqual(['table 1 row 1: its cells name Venezuela and Drug policy equally often; stored as other issue "Unclassified"']);
  });
});

describe("extractTable: Spanish headers and dates (\"Ámbito\" was missed, \"Fecha\" became the issue column)", () => {
  it.each(["Ámbito", "Cuestión", "Tema", "Asunto", "ÁREA"])("recognises %j as the issue column", (header) => {
    const table = rows(`| Postura de EE. UU. | ${header} | Postura de Colombia |`, "|---|---|---|", "| Más extradiciones | Narcotráfico | Sustitución voluntaria |");
    expect(tableOf(table).layout).toBe("issue-column");
    expect(summary(table).map((s) => s[0])).toEqual(["drug-policy", "drug-policy"]);
  });

  it.each([
    ["a date header", "| Fecha | Estados Unidos | Colombia |", "| 3 de febrero | Deportaciones masivas | Acogida humanitaria |"],
    ["ISO dates in an unnamed column", "| Día D | Estados Unidos | Colombia |", "| 2026-02-03 | Deportaciones masivas | Acogida humanitaria |"],
    ["English dates", "| When | U.S. | Colombia |", "| Feb 3, 2026 | Mass deportations | Humanitarian reception |"],
  ])("never takes a date column as the issue column: %s", (_, header, row) => {
    const extracted = tableOf(rows(header, "|---|---|---|", row));
    expect(extracted.layout).toBe("issue-from-content");
    expect(extracted.stances.map((s) => s.issue.slug)).toEqual(["migration", "migration"]);
    expect(extracted.notes[0]?.message).toMatch(/names no actor and is not the issue column/);
  });
});

describe("tables in plain text without leading pipes (they were missed)", () => {
  it("reads a pipe table whose rows do not start with a pipe", () => {
    const text = rows("Officials compared notes.", "Issue | Washington | Bogotá", "--- | --- | ---", "Energy | More LNG exports | Wind and solar auctions", "Back to the story.");
    expect(summary(text, "txt")).toEqual([
      ["energy", "us", "More LNG exports", 1, 2],
      ["energy", "co", "Wind and solar auctions", 1, 3],
    ]);
    expect(tableOf(text, "txt").table.rowLines).toEqual([4]);
  });

  it("leaves a line with a pipe but no delimiter row as text", () => {
    expect(parseMarkdown(normalizeBlocks("Petro | Trump\nThey met twice.", "txt")).tables).toEqual([]);
  });
});
