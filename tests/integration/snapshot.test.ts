import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDownloadDb } from "../../app/api/export/_lib/download";
import { openReadOnlyDatabase, openSnapshot } from "../../db/client";
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
