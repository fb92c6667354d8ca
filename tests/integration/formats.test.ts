import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stanceExportRows } from "../../db/export";
import { ingest } from "../../scripts/ingest/pipeline";
import { seedCodebook, tempDb } from "../helpers";

// Fixtures: tests/fixtures/formats/ (made by tests/fixtures/formats-source/make.sh; wire.html by hand).
const FIXTURES = "tests/fixtures/formats";

/** Ingests one fixture into a fresh database: its report, its stances (with citations) and its stored document. */
function ingestFixture(name: string) {
  const { db } = tempDb();
  const report = ingest(db, { inputs: [`${FIXTURES}/${name}`], codebook: seedCodebook(), sources: { documents: {} } });
  const stances = [...stanceExportRows({}, db)].map((r) => [r.issue, r.actor, r.kind, r.rule, r.stance, r.citation]);
  const document = db.$client
    .prepare("SELECT format, title, outlet, author, published, published_basis, published_evidence, url, page_lines, lang, text FROM documents")
    .get() as Record<string, string | null> | undefined;
  return { report, stances, document };
}

describe("a two-page PDF report", () => {
  const { report, stances, document } = ingestFixture("report.pdf");
  const cite = (where: string) => `“Quarterly brief: Bogotá and Washington”, outlet not stated, 2026-03-31, ${where}`;

  it("reads the stance table on page 2 and the issue section on page 1, cited by page and line", () => {
    expect(report.outcomes.map((o) => o.status)).toEqual(["loaded"]);
    expect(stances).toEqual([
      ["drug-policy", "us", "table", "table:issue-column", "Bring back aerial spraying of coca fields and raise the number of extraditions", cite("table 1 row 1, page 2, line 7")],
      ["drug-policy", "co", "table", "table:issue-column", "Pay growers to switch from coca to legal crops and fund rural roads", cite("table 1 row 1, page 2, line 7")],
      ["energy", "us", "list", "section:bullet", "Washington wants Colombian crude to keep flowing to Gulf Coast refineries\n  and warns against a sudden cut in supply", cite("bullet list, page 1, lines 18–19")],
      ["energy", "co", "list", "section:bullet", "Colombia wants to stop signing new oil exploration contracts and to hold\n  larger auctions for solar and wind projects", cite("bullet list, page 1, lines 16–17")],
      ["venezuela", "us", "table", "table:issue-column", "Keep sanctions in place until a free election is held", cite("table 1 row 3, page 2, line 9")],
      ["venezuela", "co", "table", "table:issue-column", "Reopen border trade and keep talking with Caracas", cite("table 1 row 3, page 2, line 9")],
      ["migration", "us", "table", "table:issue-column", "Faster removal of people without legal status", cite("table 1 row 2, page 2, line 8")],
      ["migration", "co", "table", "table:issue-column", "Return flights on civilian aircraft that respect the dignity of migrants", cite("table 1 row 2, page 2, line 8")],
    ]);
  });

  it("stores the text it cites: hard-wrapped lines kept, one paragraph each, and the page starts", () => {
    const lines = document?.text?.split("\n") ?? [];
    expect(lines.slice(4, 9)).toEqual([
      "This brief sets out where the two governments stood at the end of the first quarter.",
      "It draws on public statements, budget documents and interviews with officials in",
      "both capitals, and it is revised every three months so that readers can follow how",
      "each side moves over time.",
      "",
    ]);
    expect(lines[22]).toBe("## Positions at a glance");
    expect(document?.page_lines).toBe("[1,23]");
  });

  it("takes title, author and a stated date from the PDF's metadata", () => {
    expect(document).toMatchObject({
      format: "pdf",
      title: "Quarterly brief: Bogotá and Washington",
      author: "Andean Policy Monitor",
      published: "2026-03-31",
      published_basis: "stated",
      published_evidence: "PDF metadata CreationDate",
    });
  });
});

describe("a scanned PDF", () => {
  it("is reported as having no text layer and is not stored", () => {
    const { report, document } = ingestFixture("scanned.pdf");
    expect(report.outcomes.map((o) => [o.status, o.error?.replace(/^.*scanned\.pdf/, "scanned.pdf")])).toEqual([
      ["failed", "scanned.pdf: no text layer (scanned?) — run OCR first"],
    ]);
    expect(document).toBeUndefined();
  });
});

describe("a Word briefing note", () => {
  const { stances, document } = ingestFixture("briefing.docx");
  const cite = (where: string) => `“Briefing note: after the Cartagena round”, outlet not stated, 2026-03-31, ${where}`;

  it("reads its table, its issue-section list (with a while-pair) and an issue-section paragraph", () => {
    expect(stances).toEqual([
      ["drug-policy", "us", "prose", "section:paragraph", "Washington wants Bogotá to meet a new coca eradication target before the annual certification review", cite("text, line 12")],
      ["energy", "us", "table", "table:issue-column", "Guaranteed crude supply for Gulf Coast refiners", cite("table 1 row 1, line 20")],
      ["energy", "co", "table", "table:issue-column", "No new oil exploration licences", cite("table 1 row 1, line 20")],
      ["venezuela", "us", "table", "table:issue-column", "Sanctions stay until a credible vote", cite("table 1 row 2, line 21")],
      ["venezuela", "co", "table", "table:issue-column", "Restored consular and trade ties with Caracas", cite("table 1 row 2, line 21")],
      ["migration", "us", "list", "section:bullet", "wants weekly removal flights to resume", cite("bullet list, line 8")],
      ["migration", "co", "list", "section:bullet", "asks that returnees travel on civilian planes and be met by consular staff on arrival", cite("bullet list, line 7")],
      ["migration", "co", "list", "section:bullet", "Colombia asks for a monthly cap on their number", cite("bullet list, line 8")],
    ]);
  });

  it("takes title, author and date from Word's core properties", () => {
    expect(document).toMatchObject({
      format: "docx",
      title: "Briefing note: after the Cartagena round",
      author: "Desk research",
      published: "2026-03-31",
      published_basis: "stated",
      published_evidence: "Word core property “created”",
    });
  });
});

describe("a saved web page", () => {
  const { stances, document } = ingestFixture("wire.html");
  const cite = (where: string) => `“Bogotá and Washington split over coca and crude”, Andes Wire, 2026-03-02, ${where}`;

  it("reads the article's issue section and table, cells as the reader sees them", () => {
    expect(stances).toEqual([
      ["drug-policy", "us", "list", "section:bullet", "wants aerial spraying restored and more extraditions of traffickers", cite("bullet list, line 5")],
      ["drug-policy", "co", "list", "section:bullet", "proposes paying farmers to replace coca with cacao and coffee", cite("bullet list, line 6")],
      ["energy", "us", "table", "table:issue-column", "Keep *and* expand crude imports", cite("table 1 row 1, line 12")],
      ["energy", "co", "table", "table:issue-column", "Phase out new drilling permits", cite("table 1 row 1, line 12")],
    ]);
  });

  it("never turns page chrome into text or stances: navigation, cookie banner, script, related links, footer", () => {
    const page = readFileSync(`${FIXTURES}/wire.html`, "utf8");
    const chrome = ["all our coverage", "the U.S. wants walls", "accepts every cookie", "dataLayer", "Washington demands extraditions", "new sanctions on Caracas", "read Andes Wire"];
    for (const phrase of chrome) {
      expect(page).toContain(phrase);
      expect(document?.text).not.toContain(phrase);
    }
    for (const [, , , , text] of stances) for (const phrase of chrome) expect(text).not.toContain(phrase);
  });

  it("takes title, site name, author, date and canonical URL from the page's metadata", () => {
    expect(document).toMatchObject({
      format: "html",
      title: "Bogotá and Washington split over coca and crude",
      outlet: "Andes Wire",
      author: "Lucía Ortega",
      published: "2026-03-02",
      published_basis: "stated",
      published_evidence: "<meta article:published_time>",
      url: "https://andeswire.example/2026/03/coca-crude",
      lang: "en",
    });
  });
});

describe("a Windows-1252 text file", () => {
  const { report, stances, document } = ingestFixture("notas-1252.txt");

  it("is decoded with a warning naming the file, accents and quotes intact", () => {
    expect(report.warnings).toEqual([
      { file: `${FIXTURES}/notas-1252.txt`, line: null, message: "not UTF-8: decoded as Windows-1252 (Latin-1); save it as UTF-8 to be sure" },
    ]);
    expect(document?.text).toContain("la prensa habló de un “encuentro franco” – sin acuerdos firmados.");
    expect(document).toMatchObject({ lang: "es", published: "2026-03-05", published_basis: "stated", published_evidence: "dateline on line 2: “Fecha: 5 de marzo de 2026”" });
  });

  it("yields its labelled bullets' stances", () => {
    const cite = (line: number) => `“notas-1252 (untitled)”, outlet not stated, 2026-03-05, bullet list, line ${line}`;
    expect(stances).toEqual([
      ["energy", "us", "list", "list:labelled", "Washington pide estabilidad en el suministro de petróleo", cite(5)],
      ["energy", "co", "list", "list:labelled", "Petro propone acelerar la transición", cite(5)],
      ["migration", "us", "list", "list:labelled", "Estados Unidos exige más deportaciones", cite(4)],
      ["migration", "co", "list", "list:labelled", "Colombia pide vuelos de retorno con garantías", cite(4)],
    ]);
  });
});

describe("a Markdown file saved in decomposed Unicode (NFD)", () => {
  const { stances, document } = ingestFixture("notas-nfd.md");

  it("matches “Migración” as the migration issue, in the section heading and in a bullet label", () => {
    const cite = (line: number) => `“Notas de campo”, outlet not stated, undated, bullet list, line ${line}`;
    expect(stances).toEqual([
      ["migration", "us", "list", "section:bullet", "quiere más vuelos de deportación cada semana", cite(7)],
      ["migration", "us", "list", "list:labelled", "Washington prefiere aviones militares", cite(9)],
      ["migration", "co", "list", "section:bullet", "pide un trato digno para los deportados y vuelos civiles", cite(6)],
      ["migration", "co", "list", "list:labelled", "Bogotá ofrece aviones civiles", cite(9)],
    ]);
  });

  it("stores composed text, so every stance is found at its own line and columns", () => {
    const { db } = tempDb();
    ingest(db, { inputs: [`${FIXTURES}/notas-nfd.md`], codebook: seedCodebook(), sources: { documents: {} } });
    const text = document?.text ?? "";
    expect(text).toBe(text.normalize("NFC"));
    const lines = text.split("\n");
    const stored = db.$client.prepare("SELECT text, line_start, column_start, column_end FROM stances").all() as {
      text: string;
      line_start: number;
      column_start: number;
      column_end: number;
    }[];
    for (const s of stored) expect(lines[s.line_start - 1]?.slice(s.column_start, s.column_end)).toBe(s.text);
  });
});
