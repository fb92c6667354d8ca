import { describe, expect, it } from "vitest";
import { loadCodebook } from "../../scripts/ingest/codebook";
import { extractDocument } from "../../scripts/ingest/extract";
import { readDocument } from "../../scripts/ingest/read";

const book = loadCodebook("seeds/codebook.json");
const stancesOf = (file: string, text: string) =>
  extractDocument(readDocument(file, { documents: {} }, process.cwd(), Buffer.from(text)), book).stances.map((s) => [s.actor, s.issue.slug, s.rule, s.span.text]);

describe("extractDocument: the stages share a passage only where they read different governments", () => {
  it("leaves prose the other government's stance inside a section paragraph's opening sentence ('backed down' backs nothing)", () => {
    const text = [
      "FACTBOX-What is at stake in the talks",
      "",
      "MIGRATION",
      "",
      "Colombia has accepted deportation flights since January 2025, when Petro backed down only after President Donald Trump threatened 25% tariffs.",
      "",
    ].join("\n");
    expect(stancesOf("factbox.txt", text)).toEqual([
      ["co", "migration", "section:paragraph", "Colombia has accepted deportation flights since January 2025, when Petro backed down only after President Donald Trump threatened 25% tariffs"],
      ["us", "other-trade-and-tariffs", "prose:reported-speech", "President Donald Trump threatened 25% tariffs"],
    ]);
  });

  it("reads a Markdown statement title that runs onto the issuer's line as one heading, its issuer named on one line", () => {
    const text = "COMUNICADO DE PRENSA\nMinisterio de Relaciones Exteriores de Colombia\n\nExigimos que cesen los ataques contra embarcaciones en el Caribe.\n";
    const stances = extractDocument(readDocument("comunicado.md", { documents: {} }, process.cwd(), Buffer.from(text)), book).stances;
    expect(stances.map((s) => [s.actor, s.issue.slug, s.rule, s.holder, s.span.text])).toEqual([
      ["co", "drug-policy", "prose:statement", "COMUNICADO DE PRENSA Ministerio de Relaciones Exteriores de Colombia", "Exigimos que cesen los ataques contra embarcaciones en el Caribe"],
    ]);
  });
});
