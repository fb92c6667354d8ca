import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../scripts/ingest/codebook";
import { upsertCodebook } from "../../scripts/ingest/load";
import { ingest } from "../../scripts/ingest/pipeline";
import { loadSources } from "../../scripts/ingest/read";
import { SEED_002, seedCodebook, seededDb, tempDb, tempDir } from "../helpers";

type Row = Record<string, unknown>;
const all = (db: ReturnType<typeof tempDb>["db"], sql: string, ...params: unknown[]) =>
  db.$client.prepare(sql).all(...params) as Row[];

const EXPECTED_002 = [
  [8, "list", "energy", "co", "Petro pushes a post-oil development model"],
  [8, "list", "energy", "us", "the U.S. eyes supply stability"],
  [14, "table", "drug-policy", "co", "De‑emphasize militarization and forced eradication"],
  [14, "table", "drug-policy", "us", "Limit trafficking and overdose-linked flows"],
  [15, "table", "energy", "co", "Gradually phase out oil and gas dependence"],
  [15, "table", "energy", "us", "Preserve market and supply stability"],
  [16, "table", "venezuela", "co", "Back negotiations and incremental reforms"],
  [16, "table", "venezuela", "us", "Ensure credible democratic guarantees"],
  [22, "list", "migration", "us", "Washington pushes for immediate deterrence"],
  [22, "list", "migration", "co", "Bogotá argues for humanitarian corridors and regional responsibility-sharing"],
  [23, "list", "drug-policy", "us", "U.S. officials focus on interdiction and law enforcement"],
  [23, "list", "drug-policy", "co", "Petro prioritizes structural reforms in the countryside and new approaches to consumption and public health"],
  [24, "list", "venezuela", "co", "Colombia favors engagement and normalization"],
  [24, "list", "venezuela", "us", "the U.S. seeks calibrated pressure tied to verifiable commitments"],
  [27, "table", "migration", "us", "Immediate deterrence and reduced crossings"],
  [27, "table", "migration", "co", "Safe, regulated transit and regional burden‑sharing"],
  [28, "table", "drug-policy", "us", "Seizures, arrests and disruption of networks"],
  [28, "table", "drug-policy", "co", "Rural reform, substitution and public‑health focus"],
  [29, "table", "venezuela", "us", "Conditioned pressure on Maduro"],
  [29, "table", "venezuela", "co", "Normalization, dialogue and incremental reforms"],
  [40, "table", "drug-policy", "co", "Autonomy on drug policy and enforcement tools"],
  [40, "table", "drug-policy", "us", "Headline progress on curbing trafficking"],
  [41, "table", "energy", "co", "Climate, green investment and just energy transition"],
  [41, "table", "energy", "us", "Announcements framed as job and security wins in the U.S."],
  [42, "table", "venezuela", "co", "Diplomatic space to engage Venezuela"],
  [42, "table", "venezuela", "us", "Reassurances against “appeasing Maduro”"],
];

const stanceRows = (db: ReturnType<typeof tempDb>["db"]) =>
  all(
    db,
    `SELECT s.line_start, s.kind, s.issue_slug, s.actor_id, s.text, d.slug
       FROM stances s JOIN documents d ON d.id = s.document_id
      ORDER BY d.slug, s.line_start, s.column_start`,
  ).map((r) => [r.line_start, r.kind, r.issue_slug, r.actor_id, r.text, r.slug]);

describe("ingesting the seed documents", () => {
  const { db, report } = seededDb();

  it("stores the codebook's Spanish labels for the other issues the seeds reach", () => {
    expect(all(db, "SELECT slug, label, label_es FROM issues WHERE kind = 'other' ORDER BY slug")).toEqual([
      { slug: "other-accusations-against-leaders", label: "Accusations against leaders", label_es: "Acusaciones contra líderes" },
      { slug: "other-sanctions-on-individuals", label: "Sanctions on individuals", label_es: "Sanciones personales" },
      { slug: "other-security-and-armed-groups", label: "Security and armed groups", label_es: "Seguridad y grupos armados" },
      { slug: "other-sovereignty-and-the-bilateral-relationship", label: "Sovereignty and the bilateral relationship", label_es: "Soberanía y relación bilateral" },
      { slug: "other-trade-and-tariffs", label: "Trade and tariffs", label_es: "Comercio y aranceles" },
    ]);
  });

  it("gives an other issue stored before its Spanish label existed the codebook's label when the codebook is loaded again", () => {
    const { db: fresh } = tempDb();
    fresh.$client.prepare("INSERT INTO issues (slug, kind, label, sort_order) VALUES ('other-trade-and-tariffs', 'other', 'Trade and tariffs', 1000)").run();
    upsertCodebook(fresh, seedCodebook());
    expect(all(fresh, "SELECT label, label_es FROM issues WHERE slug = 'other-trade-and-tariffs'")).toEqual([
      { label: "Trade and tariffs", label_es: "Comercio y aranceles" },
    ]);
  });

  it("reads all five documents without failures", () => {
    expect(report.outcomes.map((o) => [o.slug, o.status])).toEqual([
      ["000_4a2f62b616ad6501", "loaded"],
      ["001_63e30f287987dff8", "loaded"],
      [SEED_002, "loaded"],
      ["003_6556b0f21289c777", "loaded"],
      ["004_d66f24aaf17ecab7", "loaded"],
    ]);
  });

  it("yields exactly the 26 structured stances of seed 002, texts as in the document", () => {
    expect(stanceRows(db).filter((row) => row[5] === SEED_002 && row[1] !== "prose")).toEqual(EXPECTED_002.map((row) => [...row, SEED_002]));
  });

  it("reads seed 004's plain-text heading “Venezuela and Regional Tensions” as an issue section", () => {
    expect(all(db, "SELECT s.line_start, s.kind, s.issue_slug, s.actor_id, s.text FROM stances s WHERE s.rule LIKE 'section:%'")).toEqual([
      {
        line_start: 9,
        kind: "prose",
        issue_slug: "venezuela",
        actor_id: "us",
        text: "Trump, meanwhile, has defended a hardline approach toward Venezuela and has issued public warnings to leaders he views as obstructing U.S. regional objectives",
      },
    ]);
  });

  // The prose-evidence issue's examples: each is found with its government and issue (the stance's words contain the phrase).
  it.each([
    ["000", "co", "energy", "called for a halt to global hydrocarbon use"],
    ["000", "co", "energy", "I’m going to propose the alliance you want, but on the basis of clean energy"],
    ["000", "co", "venezuela", "aggression against the sovereignty of Venezuela and Latin America"],
    ["000", "co", "migration", "Petro prohibited the aircraft from landing in Colombia"],
    ["000", "us", "migration", "the U.S. deported Colombian nationals in shackles on military planes"],
    ["000", "co", "drug-policy", "You don’t have a better warrior in Colombia against drug trafficking than me"],
    ["001", "co", "drug-policy", "from an approach that prioritizes life and peace in our territories"],
    ["001", "co", "migration", "Colombia also abruptly agreed on Friday to accept US deportation flights"],
    ["001", "us", "drug-policy", "talking about drugs, because tremendous amounts of drugs come out of his country"],
    ["003", "co", "drug-policy", "strikes on alleged drug boats amount to war crimes"],
    ["003", "co", "venezuela", 'deposing Venezuelan leader Nicolas Maduro as a "kidnapping."'],
    ["003", "co", "migration", "Petro urged Colombian migrants to return"],
    ["004", "co", "migration", "saying returns must be dignified and not militarized"],
    ["004", "us", "venezuela", "Trump, meanwhile, has defended a hardline approach toward Venezuela"],
  ])("seed %s: %s on %s, “%s”", (document, actor, issue, phrase) => {
    const found = all(
      db,
      `SELECT s.text FROM stances s JOIN documents d ON d.id = s.document_id
        WHERE d.slug LIKE ? AND s.actor_id = ? AND s.issue_slug = ? AND instr(s.text, ?) > 0`,
      `${document}_%`,
      actor,
      issue,
      phrase,
    );
    expect(found.length).toBeGreaterThan(0);
  });

  // …and never a stance on one of the four issues: a fact with no holder, a third party, a conditional, an attack on a person.
  it.each([
    "But under Petro, coca production and cocaine exports have surged.",
    "Colombia is the world's top producer of coca",
    "it could go smoothly if Petro stuck to discussing counternarcotics",
    "Mexican President Claudia Sheinbaum has also disagreed with the US rhetoric on immigration",
    "accused him of being an “illegal drug leader,” and placed sanctions on him",
  ])("no stance on the four issues from “%s”", (phrase) => {
    const overlapping = all(db, "SELECT s.text, i.kind FROM stances s JOIN issues i ON i.slug = s.issue_slug WHERE i.kind = 'codebook'").filter(
      (s) => (s.text as string).includes(phrase) || phrase.includes(s.text as string),
    );
    expect(overlapping).toEqual([]);
  });

  it("keeps seed 002's structured stances apart from its prose: no prose stance repeats a table or list passage", () => {
    const rows = all(
      db,
      `SELECT s.kind, s.line_start, s.column_start, s.column_end FROM stances s JOIN documents d ON d.id = s.document_id WHERE d.slug = ?`,
      SEED_002,
    );
    const structured = rows.filter((r) => r.kind !== "prose");
    for (const prose of rows.filter((r) => r.kind === "prose"))
      for (const other of structured)
        if (prose.line_start === other.line_start)
          expect((prose.column_end as number) <= (other.column_start as number) || (other.column_end as number) <= (prose.column_start as number)).toBe(true);
  });

  it("stores each stance's text exactly at its line and columns in the document", () => {
    for (const s of all(db, "SELECT s.text, s.line_start, s.column_start, s.column_end, d.slug FROM stances s JOIN documents d ON d.id = s.document_id")) {
      const lines = readFileSync(`seeds/documents/${s.slug}.txt`, "utf8").split("\n");
      expect(lines[(s.line_start as number) - 1]?.slice(s.column_start as number, s.column_end as number)).toBe(s.text);
    }
  });

  it("stores all four tables as source tables, the Track table without stances", () => {
    expect(
      all(db, "SELECT ordinal, line_start, line_end, header, layout, (SELECT COUNT(*) FROM stances s WHERE s.source_table_id = t.id) AS n FROM source_tables t ORDER BY ordinal").map(
        (t) => [t.ordinal, t.line_start, t.line_end, JSON.parse(t.header as string), t.layout, t.n],
      ),
    ).toEqual([
      [1, 12, 16, ["Key Issue", "Petro’s Goal", "U.S. Concern"], "issue-column", 6],
      [2, 25, 29, ["Issue", "U.S. Priority", "Petro’s Stance"], "issue-column", 6],
      [3, 38, 42, ["Petro’s Priorities", "Trump’s Priorities"], "issue-from-content", 6],
      [4, 52, 56, ["Track", "Goal", "Risk If Absent"], "no-actors", 0],
    ]);
    const track = all(db, "SELECT cells, line, note FROM source_tables t JOIN source_table_rows r ON r.table_id = t.id WHERE ordinal = 4 AND row = 2")[0];
    expect(track?.line).toBe(55);
    expect(JSON.parse(track?.cells as string)).toEqual(["Anti‑Narcotics Agenda", "Cut cartel revenues and violence", "Persistent cross‑border crime and instability"]);
    expect(track?.note).toContain("no column header names the United States or Colombia");
  });

  it("records table row and column for table stances", () => {
    expect(all(db, "SELECT table_row, table_column FROM stances WHERE text = 'Conditioned pressure on Maduro'")).toEqual([
      { table_row: 3, table_column: 2 },
    ]);
  });

  it("stores document metadata only where the document states it", () => {
    expect(all(db, "SELECT slug, title, outlet, published, url FROM documents ORDER BY slug").map((d) => [d.slug, d.outlet, d.published])).toEqual([
      ["000_4a2f62b616ad6501", null, null],
      ["001_63e30f287987dff8", "AFP", null],
      [SEED_002, null, null],
      ["003_6556b0f21289c777", null, "2026-02-04"],
      ["004_d66f24aaf17ecab7", "Presence News", null],
    ]);
  });

  it("reports the skipped bullets and the actor-less table with file and line", () => {
    expect(report.warnings.map((w) => `${w.file}:${w.line}`)).toEqual([
      `seeds/documents/${SEED_002}.txt:36`,
      `seeds/documents/${SEED_002}.txt:37`,
      `seeds/documents/${SEED_002}.txt:52`,
    ]);
  });

  it("logs the run with its counts", () => {
    expect(all(db, "SELECT documents_seen, documents_changed, documents_failed, tables, stances FROM ingest_runs")).toEqual([
      { documents_seen: 5, documents_changed: 5, documents_failed: 0, tables: 4, stances: 114 },
    ]);
  });
});

const snapshot = (db: ReturnType<typeof tempDb>["db"]) => ({
  documents: all(db, "SELECT * FROM documents ORDER BY id"),
  tables: all(db, "SELECT * FROM source_tables ORDER BY id"),
  tableRows: all(db, "SELECT * FROM source_table_rows ORDER BY table_id, row"),
  stances: all(db, "SELECT * FROM stances ORDER BY id"),
  issues: all(db, "SELECT * FROM issues ORDER BY slug"),
});

describe("re-ingesting", () => {
  const sources = loadSources("seeds/sources.json");

  it("changes nothing when the documents and codebook are unchanged", () => {
    const { db } = seededDb();
    const before = snapshot(db);
    const second = ingest(db, { inputs: ["seeds/documents"], codebook: seedCodebook(), sources, now: () => new Date("2030-01-01T00:00:00Z") });
    expect(second.outcomes.every((o) => o.status === "unchanged")).toBe(true);
    expect(snapshot(db)).toEqual(before);
  });

  it("replaces a changed document's rows and keeps stance keys stable for unchanged stances", () => {
    const dir = tempDir();
    const file = join(dir, "note.md");
    writeFileSync(file, "| Issue | U.S. | Colombia |\n|---|---|---|\n| Drugs | Seizures | Substitution |\n| Trade | Tariffs | Exports |\n");
    const { db } = tempDb();
    ingest(db, { inputs: [file], codebook: seedCodebook(), sources });
    const keyBefore = all(db, "SELECT stance_key FROM stances WHERE text = 'Seizures'")[0]?.stance_key;
    expect(all(db, "SELECT slug FROM issues WHERE kind = 'other'")).toEqual([{ slug: "other-trade" }]);

    writeFileSync(file, "Intro line.\n\n| Issue | U.S. | Colombia |\n|---|---|---|\n| Drugs | Seizures | Substitution |\n");
    const report = ingest(db, { inputs: [file], codebook: seedCodebook(), sources });
    expect(report.outcomes[0]?.status).toBe("loaded");
    expect(all(db, "SELECT text, line_start FROM stances ORDER BY id")).toEqual([
      { text: "Seizures", line_start: 5 },
      { text: "Substitution", line_start: 5 },
    ]);
    expect(all(db, "SELECT stance_key FROM stances WHERE text = 'Seizures'")[0]?.stance_key).toBe(keyBefore);
    expect(all(db, "SELECT COUNT(*) AS n FROM source_tables")).toEqual([{ n: 1 }]);
    expect(all(db, "SELECT slug FROM issues WHERE kind = 'other'")).toEqual([]);
  });

  it("re-reads every document when the codebook changes", () => {
    const { db } = seededDb();
    const raw = JSON.parse(readFileSync("seeds/codebook.json", "utf8"));
    raw.issues[0].aliases.push("Coca leaf");
    const report = ingest(db, { inputs: ["seeds/documents"], codebook: parseCodebook(raw), sources });
    expect(report.outcomes.every((o) => o.status === "loaded")).toBe(true);
  });

  it("keeps what was stored when a document becomes unreadable, and reports the file", () => {
    const dir = tempDir();
    const file = join(dir, `${SEED_002}.txt`);
    copyFileSync(`seeds/documents/${SEED_002}.txt`, file);
    const { db } = tempDb();
    ingest(db, { inputs: [dir], codebook: seedCodebook(), sources });
    const before = snapshot(db);
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const report = ingest(db, { inputs: [dir], codebook: seedCodebook(), sources });
    expect(report.outcomes[0]?.status).toBe("failed");
    expect(report.outcomes[0]?.error).toBe(`${file}: binary file (contains NUL bytes), not a text document`);
    expect(snapshot(db)).toEqual(before);
  });
});
