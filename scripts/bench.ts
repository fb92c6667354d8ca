import { spawnSync } from "node:child_process";
import { mkdtempSync, openSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeCorpus } from "./bench/corpus";
import { ingestFigures } from "./bench/ingest";
import { parseParts } from "./bench/parts";
import type { Breakdown } from "./bench/profile";
import { type Figure, figure, formatBreakdown, type Run, writeResults } from "./bench/results";
import { download, ensureBuild, startServer } from "./bench/server";
import { WEB_PLAN, webFigures } from "./bench/web";

const USAGE = `Usage: npm run bench -- [--quick] [--only PARTS] [--out FOLDER] [--keep]

Generates a corpus, ingests it, exports it over HTTP, times every page, weighs their JavaScript, runs Lighthouse
and writes results.md and results.json
(default folder: bench/). Every figure is a ratio to a baseline measured in the same run.
  --quick   a small corpus and one repetition: checks that the benchmark runs (CI), measures nothing
  --only    measure only these parts, comma separated: ingest, export, web (the corpus is ingested for each);
            the results of a partial run go to a new temporary folder unless --out is given
  --out     where to write the results
  --keep    keep the generated corpus and databases (their folder is printed)`;

const SEED = 20_261_121;
const PLAN = {
  full: { documents: 10_000, longBytes: 10_000_000, profiled: 500, repeats: 3, childTimeout: 900 },
  quick: { documents: 60, longBytes: 300_000, profiled: 60, repeats: 1, childTimeout: 300 },
};
const BUDGET = { exportRatio: 1.5, exportGrowthMb: 64 };

/** The download's rows as one join, as `sqlite3 -csv` prints them: the baseline of the CSV export. */
const EXPORT_QUERY = `
SELECT s.issue_slug, i.label, s.actor_id, a.label, s.text, s.kind, s.score, s.override_position, s.cues, d.slug, d.title,
       d.published, s.line_start, s.line_end, t.ordinal, s.confidence, s.rule, s.holder, s.attribution, s.attribution_cue,
       d.published_basis, d.url, d.outlet, d.page_lines
  FROM stances s
  JOIN issues i ON i.slug = s.issue_slug
  JOIN actors a ON a.id = s.actor_id
  JOIN documents d ON d.id = s.document_id
  LEFT JOIN source_tables t ON t.id = s.source_table_id
 ORDER BY i.kind, i.sort_order, i.slug, a.sort_order, a.id, d.slug, s.line_start, s.column_start, s.id;`;

type ChildResult = Record<string, unknown> & { timedOut?: true };

/** Runs one task of scripts/bench/child.ts in a fresh process; a task that outlives the limit is ended and reported. */
function child(task: string, args: Record<string, string>, timeoutSeconds: number): ChildResult {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/child.ts", task, JSON.stringify(args)], {
    encoding: "utf8",
    timeout: timeoutSeconds * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error && (run.error as NodeJS.ErrnoException).code === "ETIMEDOUT") return { timedOut: true };
  if (run.status !== 0) throw new Error(`bench task ${task} failed (exit ${run.status ?? run.signal}):\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}");
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const mb = (bytes: number) => bytes / 1024 / 1024;

function machine(): Run["machine"] {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg()[0] ?? 0,
  };
}

function commit(): string | null {
  const rev = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  return rev.status === 0 ? rev.stdout.trim() : null;
}

/** Seconds for `sqlite3 -csv` to print the export join to /dev/null, or null when the sqlite3 shell is not installed. */
function sqliteCsv(databaseFile: string): { seconds: number; rows: number } | null {
  const counted = spawnSync("sqlite3", ["-csv", databaseFile, EXPORT_QUERY], { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  if (counted.error) return null;
  const rows = counted.stdout.split("\n").length - 1;
  const started = performance.now();
  const timed = spawnSync("sqlite3", ["-csv", databaseFile, EXPORT_QUERY], { stdio: ["ignore", openSync("/dev/null", "w"), "pipe"] });
  if (timed.status !== 0) throw new Error(`sqlite3 failed: ${timed.stderr}`);
  return { seconds: (performance.now() - started) / 1000, rows };
}

function notMeasured(spec: Omit<Figure, "ratio" | "met" | "note" | "value" | "baseline">, why: string): Figure {
  return figure({ ...spec, value: null, baseline: null, note: why });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      out: { type: "string" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const parts = parseParts(values.only);
  // A partial run never overwrites the last full run's results.
  const out = values.out ?? (values.only === undefined ? "bench" : mkdtempSync(join(tmpdir(), "parallax-bench-results-")));
  const mode = values.quick ? "quick" : "full";
  const plan = PLAN[mode];
  const started = new Date();
  const host = machine();
  const work = mkdtempSync(join(tmpdir(), "parallax-bench-"));
  const step = (message: string) => console.log(`[${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const figures: Figure[] = [];
  const breakdowns: Run["breakdowns"] = {};

  const docs = join(work, "docs");
  step(`generating ${plan.documents} documents in ${docs}`);
  const bytes = writeCorpus(docs, plan.documents, SEED);
  const byKind: Record<string, number> = {};
  for (const name of readdirSync(docs)) byKind[name.split("-")[0] as string] = (byKind[name.split("-")[0] as string] ?? 0) + 1;

  const db = join(work, "corpus.db");
  step("ingesting the corpus");
  const ingested = child("ingest", { docs, db }, plan.childTimeout);
  const stances = ingested.timedOut ? 0 : (ingested.stances as number);
  if (parts.has("ingest")) {
    const ingest = ingestFigures({ plan, seed: SEED, work, docs, db, ingested, child, step });
    figures.push(...ingest.figures);
    breakdowns.ingest = ingest.breakdown;
  }

  const built = parts.has("export") || parts.has("web") ? ensureBuild() : false;
  if (parts.has("export")) {
    // CSV export of every stance over HTTP against sqlite3 printing the same join.
    step("CSV export: starting the production server on the ingested corpus");
    const exportProfile = child("export-profile", { db }, plan.childTimeout);
    breakdowns.export = { title: `CSV export of all ${stances.toLocaleString("en-US")} stances, in process (no HTTP)`, breakdown: exportProfile.breakdown as Breakdown };
    const server = await startServer(db);
    try {
      const firstDocument = readdirSync(docs).sort()[0]?.replace(/\.[^.]+$/, "") ?? "";
      await download(server, `/api/export/stances.csv?document=${encodeURIComponent(firstDocument)}`);
      const before = server.rss();
      const runs: Awaited<ReturnType<typeof download>>[] = [];
      for (let i = 0; i < plan.repeats; i++) runs.push(await download(server, "/api/export/stances.csv"));
      const sqlite = Array.from({ length: plan.repeats }, () => sqliteCsv(db));
      const http = median(runs.map((r) => r.seconds));
      const growth = mb(Math.max(...runs.map((r) => r.peakRss)) - before);
      const rows = runs[0]?.rows ?? 0;
      const name = `CSV export of all ${rows.toLocaleString("en-US")} stances over HTTP`;
      const base = sqlite.every((s) => s !== null) ? median(sqlite.map((s) => s?.seconds ?? 0)) : null;
      figures.push(
        base === null
          ? notMeasured({ id: "export", name, unit: "s", budget: { of: "ratio", max: BUDGET.exportRatio } }, "no baseline: the sqlite3 shell is not installed (apt-get install sqlite3)")
          : figure({
              id: "export",
              name,
              value: http,
              unit: "s",
              baseline: { name: "`sqlite3 -csv` printing the same join from the same file", value: base, unit: "s" },
              budget: { of: "ratio", max: BUDGET.exportRatio },
              note: sqlite[0]?.rows === rows ? null : `the download had ${rows} rows, sqlite3 printed ${sqlite[0]?.rows}: they should be the same join`,
              explain: (f) =>
                `the download took ${f.value?.toFixed(2)} s (${mb(runs[0]?.bytes ?? 0).toFixed(1)} MB); the same rows as CSV in one process take ${formatBreakdown(exportProfile.breakdown as Breakdown, 20)}; the rest is the server and HTTP.`,
            }),
        figure({
          id: "export-memory",
          name: "CSV export: server memory growth during the download",
          value: growth,
          unit: "MB",
          baseline: { name: "the download's size", value: mb(runs[0]?.bytes ?? 0), unit: "MB" },
          budget: { of: "value", max: BUDGET.exportGrowthMb },
          explain: (f) => `the server's resident memory rose by ${f.value?.toFixed(0)} MB while it sent ${mb(runs[0]?.bytes ?? 0).toFixed(0)} MB.`,
        }),
      );
    } finally {
      server.stop();
    }
  }

  if (parts.has("web"))
    figures.push(
      ...(await webFigures({
        work,
        docs,
        db,
        plan: WEB_PLAN[mode],
        step,
        ingest: (folder, root, database) => {
          const added = child("ingest", { docs: folder, root, db: database }, plan.childTimeout);
          if (added.timedOut) throw new Error(`ingesting ${folder} did not finish within ${plan.childTimeout} s`);
        },
      })),
    );

  const run: Run = {
    date: started.toISOString(),
    mode,
    commit: commit(),
    machine: host,
    corpus: { seed: SEED, documents: plan.documents, bytes, stances, byKind },
    figures,
    breakdowns,
  };
  writeResults(out, run);
  for (const f of figures)
    step(`${f.met === null ? "—  " : f.met ? "ok " : "MISSED"} ${f.name}: ${f.value === null ? "not measured" : f.value.toFixed(2)} ${f.unit}${f.ratio === null ? "" : ` (${f.ratio.toFixed(2)}× baseline)`}`);
  step(`results in ${join(out, "results.md")}${built ? " (built the app first)" : ""}`);
  if (values.keep) step(`corpus and databases kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    console.error("bench failed:", err);
    process.exitCode = 1;
  });
