import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { openDatabase, type ParallaxDb } from "../db/client";
import { type Codebook, loadCodebook } from "../scripts/ingest/codebook";
import { type IngestOptions, ingest } from "../scripts/ingest/pipeline";
import { loadSources } from "../scripts/ingest/read";
import type { CompiledAxis } from "../scripts/ingest/score";

export const SEED_DOCUMENTS = "seeds/documents";
export const SEED_002 = "002_cab32d2187f2aa2e";

export function seedCodebook(): Codebook {
  return loadCodebook("seeds/codebook.json");
}

/** A codebook issue's compiled axis, by slug; an unknown slug fails the test that asked. */
export function axisOf(book: Codebook, slug: string): CompiledAxis {
  const issue = book.issues.find((i) => i.slug === slug);
  if (!issue) throw new Error(`no issue ${slug} in the codebook`);
  return issue.compiledAxis;
}

export function tempDir(prefix = "parallax-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A migrated database in a fresh temp folder. */
export function tempDb(): { db: ParallaxDb; file: string; dir: string } {
  const dir = tempDir();
  const file = join(dir, "parallax.db");
  return { db: openDatabase(file), file, dir };
}

/** A migrated temp database with the seed documents ingested. */
export function seededDb(now = () => new Date("2026-11-21T12:00:00Z")) {
  const handle = tempDb();
  const report = ingest(handle.db, {
    inputs: [SEED_DOCUMENTS],
    codebook: seedCodebook(),
    sources: loadSources("seeds/sources.json"),
    now,
  });
  return { ...handle, report };
}

/** A temp project: files written under `root`, a migrated database, and ingest runs with paths relative to root. */
export function project() {
  const root = tempDir();
  const { db, file } = tempDb();
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const run = (inputs: string[], extra: Partial<IngestOptions> = {}) =>
    ingest(db, { inputs: inputs.map((i) => join(root, i)), codebook: seedCodebook(), sources: { documents: {} }, root, ...extra });
  return { root, db, dbFile: file, write, run };
}
