import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { datasetDownload } from "../../app/api/export/_lib/download";
import { openReadOnlyDatabase } from "../../db/client";
import { getCorpusSummary } from "../../db/corpus";
import { listDocumentPositions, listIssuePositions } from "../../db/positions";
import { ingest } from "../../scripts/ingest/pipeline";
import { loadSources } from "../../scripts/ingest/read";
import { seedCodebook, tempDb } from "../helpers";

// One document where only the United States speaks on energy (in a table) and both speak on migration (in a list).
const handle = tempDb();
const file = join(handle.dir, "field-notes.md");
writeFileSync(
  file,
  [
    "| Issue | U.S. | Colombia |",
    "|---|---|---|",
    "| Energy | Expand offshore drilling and gas exports |  |",
    "",
    "- Migration: Washington wants faster deportations; Bogotá asks for asylum protection.",
    "",
  ].join("\n"),
);
ingest(handle.db, { inputs: [file], codebook: seedCodebook(), sources: loadSources("seeds/sources.json") });

const downloadRows = async (path: string) => {
  const url = new URL(path, "http://localhost");
  const response = datasetDownload(url.pathname.split("/").pop() ?? "", url.searchParams, new Date(), () => openReadOnlyDatabase(handle.file));
  return parse(await response.text(), { columns: true }) as Record<string, string>[];
};
const chartRows = (filter: Parameters<typeof listDocumentPositions>[0]) =>
  listDocumentPositions(filter, handle.db).map((p) => ({ document: p.documentSlug, actor: p.actorId, stances: String(p.stances) }));

describe("positions per document: the chart, its table and its download are one dataset (they used to disagree)", () => {
  it.each([
    ["issue=energy", { issues: ["energy"] }, [
      { document: "field-notes", actor: "us", stances: "1" },
      { document: "field-notes", actor: "co", stances: "0" },
    ]],
    ["issue=energy&kind=list", { issues: ["energy"], kinds: ["list" as const] }, []],
    ["issue=migration&kind=list", { issues: ["migration"], kinds: ["list" as const] }, [
      { document: "field-notes", actor: "us", stances: "1" },
      { document: "field-notes", actor: "co", stances: "1" },
    ]],
  ])("?%s", async (query, filter, expected) => {
    expect(chartRows(filter)).toEqual(expected);
    const downloaded = await downloadRows(`/api/export/document-positions.csv?${query}`);
    expect(downloaded.map((r) => ({ document: r.document, actor: r.actor, stances: r.stances }))).toEqual(expected);
  });

  it("the overview's row count is the download's", async () => {
    expect(getCorpusSummary({}, handle.db).documentPositions).toBe((await downloadRows("/api/export/document-positions.csv")).length);
  });
});

describe("the gap is the issue's, whichever actor is listed (issues.csv?actor=us emptied it)", () => {
  it("keeps the gap when filtering by actor", async () => {
    const both = listIssuePositions({ issues: ["migration"] }, handle.db);
    expect(both[0]?.gap).not.toBeNull();
    expect(listIssuePositions({ issues: ["migration"], actors: ["us"] }, handle.db).map((p) => [p.actorId, p.gap])).toEqual([["us", both[0]?.gap]]);
    const rows = await downloadRows("/api/export/issues.csv?issue=migration&actor=us");
    expect(rows.map((r) => [r.actor, r.gap])).toEqual([["us", String(Number(both[0]?.gap?.toFixed(4)))]]);
  });
});
