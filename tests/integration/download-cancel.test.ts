import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { datasetDownload, sourceTableDownload } from "../../app/api/export/_lib/download";
import { openReadOnlyDatabase, type ParallaxDb } from "../../db/client";
import { ingest } from "../../scripts/ingest/pipeline";
import { loadSources } from "../../scripts/ingest/read";
import { seedCodebook, tempDb } from "../helpers";

const STANCES = 50_000;
const handle = tempDb();
const docs = join(handle.dir, "docs");
mkdirSync(docs);
writeFileSync(join(docs, "Petro’s visit.md"), "| Issue | U.S. | Colombia |\n|---|---|---|\n| Drugs | Interdiction at sea | Voluntary crop substitution |\n");
ingest(handle.db, { inputs: [docs], codebook: seedCodebook(), sources: loadSources("seeds/sources.json") });
// Copy the two stances under new keys until the table holds STANCES rows.
handle.db.$client.exec(`
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${STANCES / 2})
  INSERT INTO stances (stance_key, document_id, issue_slug, actor_id, kind, text, issue_evidence, line_start, line_end,
                       column_start, column_end, source_table_id, table_row, table_column, score, cue_positive, cue_negative, cues)
  SELECT stance_key || ':' || n.i, document_id, issue_slug, actor_id, kind, text || ' ' || n.i, issue_evidence, line_start + n.i, line_end + n.i,
         column_start, column_end, source_table_id, table_row, table_column, score, cue_positive, cue_negative, cues
      FROM stances, n WHERE n.i > 1`);

const previous = process.env.DATABASE_URL;
beforeAll(() => {
  process.env.DATABASE_URL = handle.file;
});
afterAll(() => {
  process.env.DATABASE_URL = previous;
});

/** Opens the download's connection as the route would, and keeps it so the test can see it closed. */
function recordingOpener() {
  const opened: ParallaxDb[] = [];
  return {
    opened,
    open: () => {
      const db = openReadOnlyDatabase(handle.file);
      opened.push(db);
      return db;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("a download cancelled mid-stream (the 'connection is busy' crash)", () => {
  it("holds the generated stances", () => {
    expect(handle.db.$client.prepare("SELECT COUNT(*) FROM stances").pluck().get()).toBe(STANCES);
  });

  it.each(["stances.csv", "stances.json"])("%s: ends the rows, closes the connection, logs one line and throws nothing", async (file) => {
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    const uncaught: unknown[] = [];
    const onError = (err: unknown) => uncaught.push(err);
    process.on("uncaughtException", onError);
    process.on("unhandledRejection", onError);
    try {
      const connection = recordingOpener();
      const response = datasetDownload(file, new URLSearchParams(), new Date("2026-11-21T10:00:00Z"), connection.open);
      const reader = response.body?.getReader();
      if (!reader) throw new Error("no body");
      let bytes = 0;
      while (bytes < 200_000) bytes += (await reader.read()).value?.length ?? 0;
      await reader.cancel();
      await settle();
      expect(connection.opened).toHaveLength(1);
      expect(connection.opened[0]?.$client.open).toBe(false);
      expect(uncaught).toEqual([]);
      expect(log.mock.calls).toHaveLength(1);
      expect(String(log.mock.calls[0]?.[0])).toMatch(new RegExp(`^download cancelled: parallax-${file.replace(".", "-2026-11-21.")} after \\d+ rows$`));
    } finally {
      process.off("uncaughtException", onError);
      process.off("unhandledRejection", onError);
      log.mockRestore();
    }
  });

  it("closes the connection and logs nothing when a download runs to its end", async () => {
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    const connection = recordingOpener();
    const response = datasetDownload("stances.csv", new URLSearchParams({ header: "0" }), new Date(), connection.open);
    const lines = (await response.text()).split("\r\n");
    await settle();
    expect(lines).toHaveLength(STANCES + 1);
    expect(connection.opened[0]?.$client.open).toBe(false);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("a table download of a document named with non-ASCII characters (the 500 and leaked connection)", () => {
  it("answers 200 with an ASCII filename and an RFC 5987 filename*", async () => {
    const connection = recordingOpener();
    const response = sourceTableDownload("Petro’s visit-t1.csv", new URLSearchParams(), new Date("2026-11-21T10:00:00Z"), connection.open);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="parallax-table-Petro_s_visit-t1-2026-11-21.csv"; filename*=UTF-8''parallax-table-Petro%E2%80%99s%20visit-t1-2026-11-21.csv`,
    );
    expect(await response.text()).toBe("Issue,U.S.,Colombia\r\nDrugs,Interdiction at sea,Voluntary crop substitution\r\n");
    await settle();
    expect(connection.opened[0]?.$client.open).toBe(false);
  });

  it("closes its connection when the table does not exist", () => {
    const connection = recordingOpener();
    expect(() => sourceTableDownload("Petro’s visit-t9.csv", new URLSearchParams(), new Date(), connection.open)).toThrowError('no source table "Petro’s visit-t9"');
    expect(connection.opened[0]?.$client.open).toBe(false);
  });
});
