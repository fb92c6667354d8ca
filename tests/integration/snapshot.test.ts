import { copyFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDownloadDb } from "../../app/api/export/_lib/download";
import { borrowSnapshot, openReadOnlyDatabase, openSnapshot } from "../../db/client";
import { memo } from "../../db/memo";
import { stanceExportRows } from "../../db/export";
import { getCorpusSummary, listDocuments, listIssuePositions, listStances } from "../../db/queries";
import { ingest } from "../../scripts/ingest/pipeline";
import { loadSources } from "../../scripts/ingest/read";
import { seedCodebook, seededDb, tempDir } from "../helpers";

const seeded = seededDb();
const snapshot = openSnapshot(seeded.file);
afterAll(() => {
  snapshot.$client.close();
  seeded.db.$client.close();
});

/** What a page reads: the corpus in numbers, every stance, every position, every document. */
const pageReads = (db = snapshot) => ({
  summary: getCorpusSummary({}, db),
  stances: listStances({}, db).map((s) => s.key),
  positions: listIssuePositions({}, db).map((p) => [p.issueSlug, p.actorId, p.position, p.stances]),
  documents: listDocuments(db).map((d) => [d.slug, d.stances]),
});

describe("a page's reads come from one snapshot", () => {
  it("while an ingest commits a new document between them, every read still sees the corpus as it was", () => {
    const before = pageReads();
    expect(before.summary.documents).toBe(5);
    // The read model's own transactions (stance batches) must not end the request's.
    expect(snapshot.$client.inTransaction).toBe(true);

    const dir = tempDir();
    writeFileSync(
      join(dir, "late.md"),
      "| Issue | United States | Colombia |\n|---|---|---|\n| Energy | More drilling and exports | Halt new exploration |\n",
    );
    ingest(seeded.db, { inputs: [dir], codebook: seedCodebook(), sources: loadSources("seeds/sources.json") });

    expect(pageReads()).toEqual(before);
    const fresh = openReadOnlyDatabase(seeded.file);
    expect(pageReads(fresh).summary.documents).toBe(6);
    expect(pageReads(fresh).stances.length).toBe(before.stances.length + 2);
    fresh.$client.close();
  });
});

describe("a download's reads come from one snapshot", () => {
  it("while an ingest commits between a workbook's sheets, the later sheets still see the corpus as it was", () => {
    const other = seededDb();
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = other.file;
    const download = openDownloadDb();
    try {
      const first = pageReads(download);
      const stancesBefore = [...stanceExportRows({}, download)].length;
      const dir = tempDir();
      writeFileSync(join(dir, "later.md"), "| Issue | United States | Colombia |\n|---|---|---|\n| Energy | More drilling | Halt exploration |\n");
      ingest(other.db, { inputs: [dir], codebook: seedCodebook(), sources: loadSources("seeds/sources.json") });
      expect(pageReads(download)).toEqual(first);
      expect([...stanceExportRows({}, download)].length).toBe(stancesBefore);
    } finally {
      download.$client.close();
      other.db.$client.close();
      process.env.DATABASE_URL = previous;
    }
  });
});

describe("a request's snapshot is borrowed from the connections kept between requests", () => {
  it("serves the next request on the same connection, its memo intact, and in a new snapshot that sees later commits", () => {
    const other = seededDb();
    const first = borrowSnapshot(other.file);
    let computed = 0;
    const count = (db: typeof first.db) => memo(db, "documents", () => ++computed && listDocuments(db).length);
    expect(count(first.db)).toBe(5);
    first.release();
    expect(first.db.$client.inTransaction).toBe(false);

    const second = borrowSnapshot(other.file);
    expect(second.db).toBe(first.db);
    expect(second.db.$client.inTransaction).toBe(true);
    expect(count(second.db)).toBe(5);
    expect(computed).toBe(1);
    second.release();

    const dir = tempDir();
    writeFileSync(join(dir, "pooled.md"), "| Issue | United States | Colombia |\n|---|---|---|\n| Energy | More drilling | Halt exploration |\n");
    ingest(other.db, { inputs: [dir], codebook: seedCodebook(), sources: loadSources("seeds/sources.json") });
    const third = borrowSnapshot(other.file);
    expect(third.db).toBe(first.db);
    expect(count(third.db)).toBe(6);
    expect(computed).toBe(2);
    third.release();
    other.db.$client.close();
  });

  it("never reuses a connection to a file since replaced", () => {
    const other = seededDb();
    const first = borrowSnapshot(other.file);
    first.release();
    const copy = `${other.file}.copy`;
    copyFileSync(other.file, copy);
    renameSync(copy, other.file);
    const second = borrowSnapshot(other.file);
    expect(second.db).not.toBe(first.db);
    expect(first.db.$client.open).toBe(false);
    second.release();
    other.db.$client.close();
  });
});
