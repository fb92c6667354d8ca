import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";

/**
 * A corpus that changes on every ingest: each seed text copied `copies` times (a first line makes each
 * copy its own document, never a duplicate of another), and each version's last line differs, so every
 * document is re-read and its rows replaced each time the ingest runs.
 */
export function writeCorpus(seeds: string, folder: string, copies: number, version: number): number {
  const texts = readdirSync(seeds)
    .filter((name) => [".txt", ".md"].includes(extname(name)))
    .sort();
  for (const name of texts) {
    const text = readFileSync(join(seeds, name), "utf8");
    for (let copy = 1; copy <= copies; copy++) {
      const stem = name.slice(0, -extname(name).length);
      writeFileSync(join(folder, `${stem}-copy${copy}${extname(name)}`), `Load test copy ${copy}.\n${text}\nRevision ${version}.\n`);
    }
  }
  return texts.length * copies;
}
