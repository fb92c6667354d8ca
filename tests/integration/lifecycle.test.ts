import { chmodSync, copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ParallaxDb } from "../../db/client";
import { extractDocument } from "../../scripts/ingest/extract";
import { contentFingerprint, extractionHash } from "../../scripts/ingest/identity";
import { loadDocument, stanceKeys, upsertCodebook } from "../../scripts/ingest/load";
import type { IngestReport } from "../../scripts/ingest/pipeline";
import { readDocument, type SourcesFile } from "../../scripts/ingest/read";
import { stanceScorer } from "../../scripts/ingest/rescore";
import { project, SEED_002, SEED_DOCUMENTS, seedCodebook } from "../helpers";

/** Two documents written for these tests: a table and a labelled list, each naming both governments. */
const TABLE = [
  "# Talks in March",
  "",
  "| Topic | Washington wants | Bogotá wants |",
  "|---|---|---|",
  "| Drugs | More interdiction at sea | Crop substitution for growers |",
  "| Migration | Faster deportation flights | Safe pathways for families |",
  "",
].join("\n");
const LIST = ["Notes from the energy round.", "", "- Energy: the U.S. asks for steady oil supply; Colombia backs a just transition", ""].join("\n");

type Row = Record<string, unknown>;
const all = (db: ParallaxDb, query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as Row[];
const documentsIn = (db: ParallaxDb) => all(db, "SELECT slug, path, duplicate_paths AS copies FROM documents ORDER BY slug");
const stanceCount = (db: ParallaxDb) => (all(db, "SELECT COUNT(*) AS n FROM stances")[0]?.n as number) ?? 0;
const snapshotOf = (db: ParallaxDb, slug: string) => ({
  document: all(db, "SELECT * FROM documents WHERE slug = ?", slug),
  stances: all(db, "SELECT s.* FROM stances s JOIN documents d ON d.id = s.document_id WHERE d.slug = ? ORDER BY s.id", slug),
  tables: all(db, "SELECT t.* FROM source_tables t JOIN documents d ON d.id = t.document_id WHERE d.slug = ? ORDER BY t.id", slug),
  tableRows: all(
    db,
    "SELECT r.* FROM source_table_rows r JOIN source_tables t ON t.id = r.table_id JOIN documents d ON d.id = t.document_id WHERE d.slug = ? ORDER BY r.table_id, r.row",
    slug,
  ),
});

const statuses = (report: IngestReport) => report.outcomes.map((o) => [o.file, o.status]);

describe("files removed or renamed", () => {
  it("removes a document whose file is gone from a folder that is read, and reports it", () => {
    const p = project();
    p.write("docs/talks.md", TABLE);
    p.write("docs/energy.md", LIST);
    p.run(["docs"]);
    expect(stanceCount(p.db)).toBe(6);
    rmSync(join(p.root, "docs/energy.md"));
    const report = p.run(["docs"]);
    expect(report.removed).toEqual([{ file: "docs/energy.md", slug: "energy", copies: [] }]);
    expect(documentsIn(p.db).map((d) => d.slug)).toEqual(["talks"]);
    expect(stanceCount(p.db)).toBe(4);
  });

  it("counts a renamed document once: the old name is removed, the new one loaded", () => {
    const p = project();
    p.write("docs/talks.md", TABLE);
    p.run(["docs"]);
    renameSync(join(p.root, "docs/talks.md"), join(p.root, "docs/march-talks.md"));
    const report = p.run(["docs"]);
    expect(statuses(report)).toEqual([["docs/march-talks.md", "loaded"]]);
    expect(report.removed.map((r) => r.file)).toEqual(["docs/talks.md"]);
    expect(documentsIn(p.db).map((d) => d.slug)).toEqual(["march-talks"]);
    expect(stanceCount(p.db)).toBe(4);
  });

  it("renaming seed 002 leaves its stances counted once", () => {
    const p = project();
    mkdirSync(join(p.root, "seeds"));
    for (const name of readdirSync(SEED_DOCUMENTS)) copyFileSync(join(SEED_DOCUMENTS, name), join(p.root, "seeds", name));
    p.run(["seeds"]);
    const stored = stanceCount(p.db);
    renameSync(join(p.root, `seeds/${SEED_002}.txt`), join(p.root, "seeds/petro-in-washington.txt"));
    const report = p.run(["seeds"]);
    expect(report.removed.map((r) => r.file)).toEqual([`seeds/${SEED_002}.txt`]);
    expect(stanceCount(p.db)).toBe(stored);
  });

  // Permissions do not apply to root, which is who runs CI here.
  it.skipIf(process.getuid?.() === 0)("keeps the documents of a folder it may no longer read", () => {
    const p = project();
    p.write("docs/locked/talks.md", TABLE);
    p.run(["docs"]);
    chmodSync(join(p.root, "docs/locked"), 0o000);
    try {
      const report = p.run(["docs"]);
      expect(report.removed).toEqual([]);
      expect(report.skipped.map((s) => s.file)).toEqual(["docs/locked"]);
    } finally {
      chmodSync(join(p.root, "docs/locked"), 0o755);
    }
    expect(documentsIn(p.db).map((d) => d.slug)).toEqual(["talks"]);
  });

  it("keeps documents from folders that were not read, and from files named one by one", () => {
    const p = project();
    p.write("a/talks.md", TABLE);
    p.write("b/energy.md", LIST);
    p.run(["a", "b"]);
    rmSync(join(p.root, "b/energy.md"));
    expect(p.run(["a"]).removed).toEqual([]);
    expect(p.run(["a/talks.md"]).removed).toEqual([]);
    expect(documentsIn(p.db).map((d) => d.slug)).toEqual(["energy", "talks"]);
  });
});

describe("what decides that a document is unchanged", () => {
  it("re-reads a document whose sources.json entry changed, though its bytes did not", () => {
    const p = project();
    p.write("docs/notes.txt", LIST);
    const sources = (title: string): SourcesFile => ({ documents: { "notes.txt": { title, published: "2026-03-02" } } });
    p.run(["docs"], { sources: sources("Energy round") });
    expect(statuses(p.run(["docs"], { sources: sources("Energy round") }))).toEqual([["docs/notes.txt", "unchanged"]]);
    expect(statuses(p.run(["docs"], { sources: sources("Energy round, revised") }))).toEqual([["docs/notes.txt", "loaded"]]);
    expect(all(p.db, "SELECT title FROM documents")).toEqual([{ title: "Energy round, revised" }]);
  });

  it("re-reads a document stored by another extraction version", () => {
    const p = project();
    p.write("docs/talks.md", TABLE);
    p.run(["docs"]);
    p.db.$client.prepare("UPDATE documents SET extraction_hash = 'stored by an older pipeline'").run();
    expect(statuses(p.run(["docs"]))).toEqual([["docs/talks.md", "loaded"]]);
    expect(statuses(p.run(["docs"]))).toEqual([["docs/talks.md", "unchanged"]]);
  });

  it("tells an unchanged file by its bytes without decoding it, and reports what reading it warned about again", () => {
    const p = project();
    p.write("docs/notes.md", `---\nurl: ftp://example.org/notes\n---\n\n${LIST}`);
    const warned = { file: "docs/notes.md", line: null, message: 'address "ftp://example.org/notes" (front matter “url”) is not an http(s) URL; dropped' };
    expect(p.run(["docs"]).warnings).toContainEqual(warned);
    expect(p.run(["docs"]).warnings).toContainEqual(warned);
    // The warnings come from the stored row, not from reading the file again.
    p.db.$client.prepare(`UPDATE documents SET read_warnings = '[{"line":2,"message":"stored, not re-read"}]'`).run();
    const again = p.run(["docs"]);
    expect(statuses(again)).toEqual([["docs/notes.md", "unchanged"]]);
    expect(again.warnings).toEqual([{ file: "docs/notes.md", line: 2, message: "stored, not re-read" }]);
  });

  it("hashes the bytes, the sources.json entry, the path and the format into the extraction hash, and only the normalised text into the content hash", () => {
    const p = project();
    p.write("a.md", "Colombia and the “U.S.” met.\n");
    p.write("b.md", "Colombia  and the \"U.S.\"\r\nmet.");
    const a = readDocument(join(p.root, "a.md"), { documents: {} }, p.root);
    const b = readDocument(join(p.root, "b.md"), { documents: {} }, p.root);
    expect(contentFingerprint(a.text)).toBe(contentFingerprint(b.text));
    expect(extractionHash(a)).not.toBe(extractionHash(a, { title: "Retitled" }));
    expect(extractionHash(a, { title: "Retitled" })).not.toBe(extractionHash(a, { title: "Retitled", published: "2026-03-02" }));
    expect(extractionHash(a)).not.toBe(extractionHash({ ...a, contentHash: b.contentHash }));
    expect(extractionHash(a)).not.toBe(extractionHash({ ...a, path: "archive/a.md" }));
    expect(extractionHash(a)).not.toBe(extractionHash({ ...a, format: "txt" }));
    expect(extractionHash(a)).toBe(extractionHash({ ...a }, undefined));
  });

  it("fingerprints a long text a slice at a time exactly as the whole text", () => {
    const paragraph = "Bogotá’s  envoy said “no”\u00a0to the plan.\r\n\tThe U.S. disagreed. Ame\u0301rica ";
    const text = paragraph.repeat(40_000);
    const whole = text
      .normalize("NFC")
      .replace(/[’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\s+/g, " ")
      .trim();
    expect(contentFingerprint(text)).toBe(createHash("sha256").update(whole).digest("hex"));
  });
});

describe("the same content under two names", () => {
  it("stores it once, lists the other name and names both files in the report", () => {
    const p = project();
    p.write("docs/talks.md", TABLE);
    p.write("docs/copy-of-talks.md", TABLE);
    const report = p.run(["docs"]);
    expect(report.outcomes.map((o) => [o.file, o.status, o.stances, o.duplicateOf])).toEqual([
      ["docs/copy-of-talks.md", "loaded", 4, null],
      ["docs/talks.md", "duplicate", 0, "docs/copy-of-talks.md"],
    ]);
    expect(report.warnings).toContainEqual({ file: "docs/talks.md", line: null, message: "same content as docs/copy-of-talks.md; stored once, as docs/copy-of-talks.md" });
    expect(documentsIn(p.db)).toEqual([{ slug: "copy-of-talks", path: "docs/copy-of-talks.md", copies: '["docs/talks.md"]' }]);
    expect(stanceCount(p.db)).toBe(4);
    expect(report.stancesByIssue).toEqual([
      { issue: "drug-policy", us: 1, co: 1 },
      { issue: "migration", us: 1, co: 1 },
    ]);
  });

  it("finds a copy that differs only in white space and quotes, and a copy added later in another folder", () => {
    const p = project();
    p.write("a/talks.md", `Petro called the plan “a reset” and Bogotá’s envoy agreed.\n\n${TABLE}`);
    p.run(["a"]);
    p.write("b/talks-reflowed.md", `Petro called the plan "a reset"\r\nand  Bogotá's envoy agreed.\r\n\r\n${TABLE.replace(/\n/g, "\r\n")}`);
    const report = p.run(["b"]);
    expect(statuses(report)).toEqual([["b/talks-reflowed.md", "duplicate"]]);
    expect(documentsIn(p.db)).toEqual([{ slug: "talks", path: "a/talks.md", copies: '["b/talks-reflowed.md"]' }]);
  });

  it("keeps the stored document as the original when its copy sorts first, and a re-run writes nothing", () => {
    const p = project();
    p.write("docs/talks.md", TABLE);
    p.run(["docs"]);
    p.write("docs/a-copy.md", TABLE);
    expect(statuses(p.run(["docs"]))).toEqual([
      ["docs/a-copy.md", "duplicate"],
      ["docs/talks.md", "unchanged"],
    ]);
    const before = snapshotOf(p.db, "talks");
    expect(statuses(p.run(["docs"]))).toEqual([
      ["docs/a-copy.md", "duplicate"],
      ["docs/talks.md", "unchanged"],
    ]);
    expect(snapshotOf(p.db, "talks")).toEqual(before);
  });

  it("stores a former copy on its own once the original's text changes, and drops it from the list", () => {
    const p = project();
    p.write("docs/talks.md", TABLE);
    p.write("docs/z-copy.md", TABLE);
    p.run(["docs"]);
    p.write("docs/talks.md", `${TABLE}\nA paragraph added later.\n`);
    expect(statuses(p.run(["docs"]))).toEqual([
      ["docs/talks.md", "loaded"],
      ["docs/z-copy.md", "loaded"],
    ]);
    expect(documentsIn(p.db)).toEqual([
      { slug: "talks", path: "docs/talks.md", copies: "[]" },
      { slug: "z-copy", path: "docs/z-copy.md", copies: "[]" },
    ]);
  });

  it("when the original is deleted, its copy becomes the document", () => {
    const p = project();
    p.write("docs/talks.md", TABLE);
    p.write("docs/z-copy.md", TABLE);
    p.run(["docs"]);
    rmSync(join(p.root, "docs/talks.md"));
    const report = p.run(["docs"]);
    expect(statuses(report)).toEqual([["docs/z-copy.md", "loaded"]]);
    expect(documentsIn(p.db)).toEqual([{ slug: "z-copy", path: "docs/z-copy.md", copies: "[]" }]);
    expect(stanceCount(p.db)).toBe(4);
  });
});

describe("two files with the same name", () => {
  it("refuses a different file whose name is taken by a stored document, naming both, and keeps the stored one", () => {
    const p = project();
    p.write("2026/talks.md", TABLE);
    p.run(["2026"]);
    const before = snapshotOf(p.db, "talks");
    p.write("2025/talks.md", LIST);
    const report = p.run(["2025"]);
    expect(report.outcomes.map((o) => [o.file, o.status, o.error])).toEqual([
      [
        "2025/talks.md",
        "failed",
        '2025/talks.md: a different document, 2026/talks.md, is already stored under the name "talks": documents are named after their file (without extension), so rename one of them',
      ],
    ]);
    expect(snapshotOf(p.db, "talks")).toEqual(before);
  });

  it("refuses the second of two same-named files read in one run", () => {
    const p = project();
    p.write("notes/energy.md", LIST);
    p.write("notes/energy.txt", TABLE);
    const report = p.run(["notes"]);
    expect(report.outcomes.map((o) => [o.file, o.status, o.error])).toEqual([
      ["notes/energy.md", "loaded", null],
      ["notes/energy.txt", "failed", "notes/energy.txt: same name as notes/energy.md: documents are named after their file (without extension), so rename one of them"],
    ]);
  });

  it("lets a moved file take the place of the stored one when the old path is gone", () => {
    const p = project();
    p.write("inbox/talks.md", TABLE);
    p.run(["inbox/talks.md"]);
    mkdirSync(join(p.root, "archive"));
    renameSync(join(p.root, "inbox/talks.md"), join(p.root, "archive/talks.md"));
    const report = p.run(["archive"]);
    expect(statuses(report)).toEqual([["archive/talks.md", "loaded"]]);
    expect(report.warnings).toContainEqual({ file: "archive/talks.md", line: null, message: "takes the place of inbox/talks.md (same content; that file is gone)" });
    expect(documentsIn(p.db)).toEqual([{ slug: "talks", path: "archive/talks.md", copies: "[]" }]);
  });
});

describe("scoring", () => {
  const book = seedCodebook();
  const readTalks = () => {
    const p = project();
    p.write("talks.md", TABLE);
    const document = readDocument(join(p.root, "talks.md"), { documents: {} }, p.root);
    const extraction = extractDocument(document, book);
    return { p, document, extraction, keys: stanceKeys(document.slug, extraction.stances) };
  };

  it("writes each stance already scored, with its override, in the transaction that loads it", () => {
    const { p, document, extraction, keys } = readTalks();
    const score = stanceScorer(book, [{ stance: keys[3] as string, position: 0.25, note: "pathways read as regulated, not open", analyst: "QA" }]);
    upsertCodebook(p.db, book);
    const load = { document, contentHash: contentFingerprint(document.text), extractionHash: extractionHash(document), duplicatePaths: [], replaces: [] };
    loadDocument(p.db, load, extraction, book, score, "2026-03-01T00:00:00Z");
    expect(all(p.db, "SELECT actor_id, text, score, override_position, override_note FROM stances ORDER BY line_start, column_start")).toEqual([
      { actor_id: "us", text: "More interdiction at sea", score: -1, override_position: null, override_note: null },
      { actor_id: "co", text: "Crop substitution for growers", score: 1, override_position: null, override_note: null },
      { actor_id: "us", text: "Faster deportation flights", score: -1, override_position: null, override_note: null },
      { actor_id: "co", text: "Safe pathways for families", score: 1, override_position: 0.25, override_note: "pathways read as regulated, not open (QA)" },
    ]);
  });

  it("needs no end-of-run pass for what it wrote, and reports overrides whose stance is gone", () => {
    const { p, keys } = readTalks();
    const report = p.run([join("talks.md")], {
      overrides: [
        { stance: keys[3] as string, position: 0.5, note: "pathways read as regulated, not open" },
        { stance: "talks:ffffffffffff", position: 0, note: "a stance that no longer exists" },
      ],
      overridesFile: "overrides.json",
    });
    expect(report.scoring).toEqual({ scored: 4, unscored: 0, overridden: 1, changed: 0, unknownOverrides: ["talks:ffffffffffff"] });
    expect(report.warnings).toContainEqual({ file: "overrides.json", line: null, message: 'override for stance "talks:ffffffffffff", which no longer exists; ignored' });
  });

  it("re-scores only documents scored otherwise: an unchanged run reads no stored stance, an override edit reads them all", () => {
    const { p, keys } = readTalks();
    p.run(["talks.md"]);
    // A score no scorer would write: left alone while nothing that scoring depends on changes.
    p.db.$client.prepare("UPDATE stances SET score = 0.125").run();
    expect(p.run(["talks.md"]).scoring.changed).toBe(0);
    expect(all(p.db, "SELECT DISTINCT score FROM stances")).toEqual([{ score: 0.125 }]);
    const edited = p.run(["talks.md"], { overrides: [{ stance: keys[0] as string, position: 0, note: "neutral on reflection" }] });
    expect(edited.scoring.changed).toBe(4);
    expect(all(p.db, "SELECT score FROM stances ORDER BY line_start, column_start")).toEqual([{ score: -1 }, { score: 1 }, { score: -1 }, { score: 1 }]);
    expect(new Set(all(p.db, "SELECT scoring_hash FROM documents").map((r) => r.scoring_hash)).size).toBe(1);
  });

  it("re-scores stored stances after an override edit, writing only those that changed", () => {
    const { p, keys } = readTalks();
    p.run(["talks.md"]);
    const report = p.run(["talks.md"], { overrides: [{ stance: keys[0] as string, position: 0, note: "neutral on reflection" }] });
    expect(statuses(report)).toEqual([["talks.md", "unchanged"]]);
    expect(report.scoring.changed).toBe(1);
    expect(all(p.db, "SELECT text FROM stances WHERE override_position IS NOT NULL")).toEqual([{ text: "More interdiction at sea" }]);
  });
});
