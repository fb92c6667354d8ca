import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../db/client";
import { STANCE_WEB_COLUMNS, stanceCsvChunks } from "../../db/export";
import { normalizeBlocks } from "../ingest/blocks";
import { loadCodebook } from "../ingest/codebook";
import { parseMarkdown } from "../ingest/parse";
import { ingest, workerThreads } from "../ingest/pipeline";
import { readDocument } from "../ingest/read";
import { type Category, profile } from "./profile";

/**
 * One measurement in a process of its own, so each starts cold and its peak memory is its own:
 * `node --import tsx scripts/bench/child.ts <task> '<json arguments>'` prints one line of JSON.
 */

const SOURCES = { documents: {} };
const CODEBOOK = "seeds/codebook.json";

const seconds = (from: number) => (performance.now() - from) / 1000;
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const files = (folder: string) =>
  readdirSync(folder)
    .sort()
    .map((name) => join(folder, name));

/** SQLite's statements run in native code: their frames have no file, only the method's name. */
const SQLITE: Category = { name: "SQLite (better-sqlite3)", file: /^$|better-sqlite3/, fn: /^(?:all|get|run|iterate|next|prepare|exec|transaction)$/ };

/** Where ingest time goes, by pipeline stage and by the libraries stages lean on. */
const INGEST_STAGES: Category[] = [
  SQLITE,
  { name: "read (formats, metadata)", file: /scripts\/ingest\/read(?:\.ts|\/)|linkedom|@mozilla\/readability|rehype|hast-util|chardet|iconv-lite|chrono-node/ },
  { name: "blocks + Markdown parse", file: /scripts\/ingest\/(?:blocks|parse)\.ts|micromark|mdast-util|remark-|unified|unist-util|vfile|decode-named/ },
  { name: "tables, sections, lists", file: /scripts\/ingest\/(?:tables|sections|lists)\.ts/ },
  { name: "prose", file: /scripts\/ingest\/prose\// },
  { name: "scoring", file: /scripts\/ingest\/(?:score|rescore)\.ts/ },
  { name: "load (keys, statements)", file: /scripts\/ingest\/load\.ts|drizzle-orm/ },
];

/** Where export time goes: reading rows, turning them into download rows, encoding CSV. */
const EXPORT_STAGES: Category[] = [
  SQLITE,
  { name: "row mapping (drizzle)", file: /drizzle-orm/ },
  { name: "stance reads (db/stances.ts)", file: /db\/stances\.ts/ },
  { name: "download rows (cues, citation)", file: /db\/(?:citation|positions)\.ts/ },
  { name: "download rows (cues, citation)", file: /db\/export\.ts/, fn: /toStanceExportRow|describeCues|roundPosition|stanceExportRows/ },
  { name: "CSV encoding", file: /db\/export\.ts/ },
];

/** A task's named arguments; a missing one is an error in the caller. */
type Args = (name: string) => string;
type Task = (arg: Args, optional: (name: string) => string | undefined) => Record<string, unknown>;

const TASKS: Record<string, Task> = {
  /** The whole pipeline over a folder into a database; `threads` sets its worker threads (0: one thread). */
  ingest: (arg, optional) => {
    const [docs, db] = [arg("docs"), arg("db")];
    const handle = openDatabase(db);
    const codebook = loadCodebook(CODEBOOK);
    const started = performance.now();
    const asked = optional("threads");
    const threads = workerThreads(files(docs).length, asked === undefined ? undefined : Number(asked));
    // Paths are stored relative to the root: a folder inside it is ingested beside what is already stored.
    ingest(handle, { inputs: [docs], codebook, sources: SOURCES, root: optional("root") ?? docs, threads });
    const took = seconds(started);
    const count = (table: string) => handle.$client.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    const result = { seconds: took, documents: count("documents"), stances: count("stances"), peakRssMb: peakRssMb(), threads };
    handle.$client.close();
    return result;
  },

  /** The same pipeline over a folder, on one thread under the sampling profiler: where the time goes. */
  "ingest-profile": (arg) => {
    const [docs, db] = [arg("docs"), arg("db")];
    const handle = openDatabase(db);
    const codebook = loadCodebook(CODEBOOK);
    // On one thread: the profiler samples this thread only, and worker threads would take the stages it is to see.
    const { breakdown } = profile(INGEST_STAGES, () => ingest(handle, { inputs: [docs], codebook, sources: SOURCES, root: docs, threads: 0 }));
    handle.$client.close();
    return { breakdown };
  },

  /** The parser alone: every document read, split into blocks and parsed to Markdown, nothing extracted. */
  parse: (arg) => {
    const docs = arg("docs");
    const started = performance.now();
    let blocks = 0;
    for (const file of files(docs)) {
      const document = readDocument(file, SOURCES, docs);
      blocks += parseMarkdown(normalizeBlocks(document.body, document.format === "txt" ? "txt" : "md")).blocks.length;
    }
    return { seconds: seconds(started), blocks, peakRssMb: peakRssMb() };
  },

  /** Raw prepared inserts of every row of `from` into the empty, migrated `to`, in one transaction. */
  insert: (arg) => {
    const [from, to] = [arg("from"), arg("to")];
    const source = openDatabase(from).$client;
    const target = openDatabase(to).$client;
    // search_passages too: ingest writes them (and its triggers index them) beside the rows they copy.
    const tables = ["actors", "issues", "documents", "source_tables", "source_table_rows", "stances", "search_passages"];
    const rows = new Map(tables.map((table) => [table, source.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][]]));
    const statements = tables.map((table) => {
      const columns = source.prepare(`SELECT * FROM ${table} LIMIT 0`).columns();
      return { table, insert: target.prepare(`INSERT INTO ${table} VALUES (${columns.map(() => "?").join(", ")})`) };
    });
    const started = performance.now();
    target.transaction(() => {
      for (const { table, insert } of statements) for (const row of rows.get(table) ?? []) insert.run(row);
    })();
    const took = seconds(started);
    source.close();
    target.close();
    return { seconds: took, rows: [...rows.values()].reduce((n, r) => n + r.length, 0) };
  },

  /** What telling an unchanged corpus from a changed one needs at least: every file read and hashed. */
  hash: (arg) => {
    const docs = arg("docs");
    const started = performance.now();
    for (const file of files(docs)) createHash("sha256").update(readFileSync(file)).digest("hex");
    return { seconds: seconds(started) };
  },

  /** Every stance as the download's CSV, in this process, under the profiler: where export time goes. */
  "export-profile": (arg) => {
    const db = arg("db");
    const handle = openDatabase(db);
    let bytes = 0;
    const { breakdown } = profile(EXPORT_STAGES, () => {
      for (const chunk of stanceCsvChunks(STANCE_WEB_COLUMNS, {}, handle)) bytes += Buffer.byteLength(chunk);
    });
    handle.$client.close();
    return { bytes, breakdown };
  },
};

function main() {
  const [name, json] = process.argv.slice(2);
  const task = name ? TASKS[name] : undefined;
  if (!task) throw new Error(`unknown task "${name}"; tasks: ${Object.keys(TASKS).join(", ")}`);
  const args = JSON.parse(json ?? "{}") as Record<string, string>;
  const arg = (key: string) => {
    const value = args[key];
    if (value === undefined) throw new Error(`task ${name} needs "${key}"`);
    return value;
  };
  console.log(JSON.stringify(task(arg, (key) => args[key])));
}

try {
  main();
} catch (err) {
  console.error("bench child failed:", err);
  process.exit(1);
}
