import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ParallaxDb } from "../../db/client";
import { ExtractionPool } from "../../scripts/ingest/pool";
import { prepare } from "../../scripts/ingest/prepare";
import { project, SEED_DOCUMENTS, seedCodebook } from "../helpers";

type Row = Record<string, unknown>;
const all = (db: ParallaxDb, query: string) => db.$client.prepare(query).all() as Row[];
/** Every stored row but the ingest's time: what a run with workers and one without must both leave. */
const stored = (db: ParallaxDb) => ({
  documents: all(db, "SELECT * FROM documents ORDER BY id").map(({ ingested_at: _at, ...row }) => row),
  stances: all(db, "SELECT * FROM stances ORDER BY id"),
  tables: all(db, "SELECT * FROM source_tables ORDER BY id"),
  tableRows: all(db, "SELECT * FROM source_table_rows ORDER BY table_id, row"),
  passages: all(db, "SELECT * FROM search_passages ORDER BY rowid"),
});

/** Files whose reading fails at each step (a stack overflow among them), and below, a copy of another file. */
const AWKWARD: [string, string | Buffer][] = [
  ["empty.txt", "\n"],
  ["photo.md", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])],
  ["brackets.md", `Intro.\n${"[".repeat(10_000)}x${"]".repeat(10_000)}\n`],
  ["stars.md", `Intro.\n\n${"*".repeat(5000)}word${"*".repeat(5000)}\n`],
  ["deep.html", `<html><body>${"<div>".repeat(10_000)}text${"</div>".repeat(10_000)}</body></html>`],
];

function corpus() {
  const p = project();
  for (const name of readdirSync(SEED_DOCUMENTS)) p.write(`docs/${name}`, readFileSync(join(SEED_DOCUMENTS, name)));
  for (const [name, content] of AWKWARD) p.write(`docs/${name}`, content);
  const first = readdirSync(SEED_DOCUMENTS).sort()[0] as string;
  copyFileSync(join(SEED_DOCUMENTS, first), join(p.root, "docs", `copy-of-${first}`));
  return p;
}

describe("ingest with worker threads", () => {
  it("stores exactly what a run on one thread stores, and reports the same outcomes and errors", () => {
    const one = corpus();
    const pooled = corpus();
    const now = () => new Date("2026-11-22T00:00:00Z");
    const alone = one.run(["docs"], { threads: 0, now });
    const withWorkers = pooled.run(["docs"], { threads: 2, now });
    expect(withWorkers.outcomes).toEqual(alone.outcomes);
    expect(withWorkers.warnings).toEqual(alone.warnings);
    expect(stored(pooled.db)).toEqual(stored(one.db));
    expect(alone.outcomes.filter((o) => o.status === "failed").map((o) => o.file)).toEqual(
      ["docs/brackets.md", "docs/deep.html", "docs/empty.txt", "docs/photo.md", "docs/stars.md"],
    );
  });

  it("a second run on the workers loads nothing again", () => {
    const p = corpus();
    p.run(["docs"], { threads: 2 });
    const again = p.run(["docs"], { threads: 2 });
    expect(again.outcomes.filter((o) => o.status === "loaded")).toEqual([]);
  });
});

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("ExtractionPool", () => {
  const book = seedCodebook();
  const files = readdirSync(SEED_DOCUMENTS)
    .sort()
    .map((name) => join(SEED_DOCUMENTS, name));

  it("answers each file with what reading and extracting it on this thread gives, errors as data", async () => {
    const pool = new ExtractionPool(2, book, { documents: {} }, ".");
    try {
      for (const file of files) pool.submit(file, readFileSync(file), sha(readFileSync(file)));
      expect(pool.inFlight).toBe(files.length);
      // Time for the workers to start and read the five seeds; a file no worker has started is not waited for.
      await sleep(5000);
      for (const file of [...files].reverse()) {
        const bytes = readFileSync(file);
        expect(pool.take(file)).toEqual(prepare(file, bytes, sha(bytes), { documents: {} }, ".", book));
      }
      expect(pool.inFlight).toBe(0);
      expect(pool.take(files[0] as string)).toBeNull();
    } finally {
      pool.close();
    }
  });

  it("does not wait for a file no worker has started: the loading thread reads it, and the worker skips it", async () => {
    const [first, second] = files as [string, string];
    const pool = new ExtractionPool(1, book, { documents: {} }, ".");
    try {
      // Taken at once, before the worker has even started.
      pool.submit(first, readFileSync(first), "a");
      expect(pool.take(first)).toBeNull();
      pool.submit(second, readFileSync(second), "b");
      await sleep(5000);
      expect(pool.take(second)?.contentHash).toBe("b");
      expect(pool.inFlight).toBe(0);
    } finally {
      pool.close();
    }
  });

  it("lets go of a file it is told to forget, started or not", async () => {
    const [first, second, third] = files as [string, string, string];
    const pool = new ExtractionPool(1, book, { documents: {} }, ".");
    try {
      pool.submit(first, readFileSync(first), "a");
      pool.forget(first);
      pool.submit(second, readFileSync(second), "b");
      await sleep(5000);
      pool.forget(second);
      pool.submit(third, readFileSync(third), "c");
      await sleep(2000);
      expect(pool.take(third)?.contentHash).toBe("c");
      expect(pool.take(first)).toBeNull();
      expect(pool.take(second)).toBeNull();
      expect(pool.inFlight).toBe(0);
    } finally {
      pool.close();
    }
  });
});
