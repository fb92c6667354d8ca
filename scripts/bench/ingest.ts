import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { longDocument } from "./corpus";
import type { Breakdown } from "./profile";
import { type Figure, figure, formatBreakdown } from "./results";

/**
 * The ingest figures of `npm run bench`: the corpus against the parser alone plus raw inserts,
 * re-ingest of the unchanged corpus, one long document's time and memory, and the CLI's start-up.
 */

export const INGEST_BUDGET = { ingestRatio: 2, reingestSeconds: 2, longSeconds: 10, longPeakMb: 500, linearity: 1.5, startupSeconds: 1 };

export type ChildResult = Record<string, unknown> & { timedOut?: true };
export type RunChild = (task: string, args: Record<string, string>, timeoutSeconds: number) => ChildResult;

export interface IngestPlan {
  documents: number;
  longBytes: number;
  profiled: number;
  repeats: number;
  childTimeout: number;
}

const num = (result: ChildResult, key: string) => result[key] as number;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const mb = (bytes: number) => bytes / 1024 / 1024;

function notMeasured(spec: Omit<Figure, "ratio" | "met" | "note" | "value" | "baseline">, why: string): Figure {
  return figure({ ...spec, value: null, baseline: null, note: why });
}

/** Seconds for a fresh `node --import tsx` process to run `args` and exit. */
function processSeconds(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", ...args], { stdio: "ignore" });
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited with ${run.status ?? run.signal}`);
  return (performance.now() - started) / 1000;
}

/** The ingest of the corpus in `docs` into `db` (`ingested`, made by the caller for every part), then everything else an ingest costs. */
export function ingestFigures(options: {
  plan: IngestPlan;
  seed: number;
  work: string;
  docs: string;
  db: string;
  ingested: ChildResult;
  child: RunChild;
  step: (message: string) => void;
}): { figures: Figure[]; breakdown: { title: string; breakdown: Breakdown } } {
  const { plan, seed, work, docs, db, ingested, child, step } = options;
  const figures: Figure[] = [];

  // Ingest against the parser alone plus raw inserts of the same rows.
  step("baseline: the parser alone, then raw inserts of the same rows");
  const parsed = child("parse", { docs }, plan.childTimeout);
  const inserted = child("insert", { from: db, to: join(work, "raw-inserts.db") }, plan.childTimeout);
  step("the same ingest on one thread");
  const oneThread = child("ingest", { docs, db: join(work, "one-thread.db"), threads: "0" }, plan.childTimeout);
  step(`profiling the ingest of ${plan.profiled} documents`);
  const sample = join(work, "sample");
  mkdirSync(sample);
  for (const name of readdirSync(docs).sort().slice(0, plan.profiled)) copyFileSync(join(docs, name), join(sample, name));
  const ingestProfile = child("ingest-profile", { docs: sample, db: join(work, "profile.db") }, plan.childTimeout).breakdown as Breakdown;
  const breakdown = { title: `Ingest (${Math.min(plan.profiled, plan.documents)} documents of the corpus, on one thread)`, breakdown: ingestProfile };
  const baseline = num(parsed, "seconds") + num(inserted, "seconds");
  const workers = num(ingested, "threads");
  // Said whether or not the budget is met: the figure is not comparable to a one-thread baseline without it.
  const threadsNote = oneThread.timedOut
    ? `Ingest used ${workers + 1} threads (${workers} reading and extracting ahead, and the loading thread, which reads what no worker has started); on one thread it did not finish within ${plan.childTimeout} s.`
    : `Ingest used ${workers + 1} threads (${workers} reading and extracting ahead, and the loading thread, which reads what no worker has started) where the baseline uses one; on one thread it took ${num(oneThread, "seconds").toFixed(1)} s (${(num(oneThread, "seconds") / baseline).toFixed(2)}× the baseline).`;
  figures.push(
    ingested.timedOut
      ? notMeasured(
          { id: "ingest", name: "Ingest of the corpus", unit: "s", budget: { of: "ratio", max: INGEST_BUDGET.ingestRatio } },
          `did not finish within ${plan.childTimeout} s`,
        )
      : figure({
          id: "ingest",
          name: `Ingest of the corpus (${plan.documents.toLocaleString("en-US")} documents)`,
          value: num(ingested, "seconds"),
          unit: "s",
          baseline: { name: "read + blocks + parse, then raw prepared inserts of the same rows in one transaction", value: baseline, unit: "s" },
          budget: { of: "ratio", max: INGEST_BUDGET.ingestRatio },
          note: threadsNote,
          explain: (f) =>
            `${threadsNote} Ingest took ${f.value?.toFixed(1)} s; parsing alone ${num(parsed, "seconds").toFixed(1)} s and inserting its ${num(inserted, "rows").toLocaleString("en-US")} rows ${num(inserted, "seconds").toFixed(2)} s. What ingest adds to the parser is extraction (prose above all) and scoring, which the baseline does not do. In a profile of ${Math.min(plan.profiled, plan.documents)} documents on one thread the time goes to: ${formatBreakdown(ingestProfile)}.`,
        }),
  );

  step("re-ingesting the unchanged corpus");
  const reingested = child("ingest", { docs, db }, plan.childTimeout);
  const hashed = child("hash", { docs }, plan.childTimeout);
  figures.push(
    reingested.timedOut
      ? notMeasured({ id: "reingest", name: "Re-ingest, nothing changed", unit: "s", budget: { of: "value", max: INGEST_BUDGET.reingestSeconds } }, `did not finish within ${plan.childTimeout} s`)
      : figure({
          id: "reingest",
          name: "Re-ingest of the unchanged corpus",
          value: num(reingested, "seconds"),
          unit: "s",
          baseline: { name: "read and hash every file", value: num(hashed, "seconds"), unit: "s" },
          budget: { of: "value", max: INGEST_BUDGET.reingestSeconds },
          explain: (f) =>
            `re-ingest took ${f.value?.toFixed(1)} s where reading and hashing every file takes ${num(hashed, "seconds").toFixed(2)} s; an unchanged file is only hashed and looked up, so the rest is the lookups, the walk and the machine's load.`,
        }),
  );

  // One long document, and one a tenth of its size: the cost per byte should not grow with length.
  const long = join(work, "long");
  const tenth = join(work, "tenth");
  mkdirSync(long);
  mkdirSync(tenth);
  writeFileSync(join(long, "long-briefing.md"), longDocument(seed, plan.longBytes));
  writeFileSync(join(tenth, "tenth-briefing.md"), longDocument(seed, plan.longBytes / 10));
  step(`ingesting one ${mb(plan.longBytes).toFixed(1)} MB document, and one a tenth of its size`);
  const longRun = child("ingest", { docs: long, db: join(work, "long.db") }, plan.childTimeout);
  const tenthRun = child("ingest", { docs: tenth, db: join(work, "tenth.db") }, plan.childTimeout);
  const longParsed = child("parse", { docs: long }, plan.childTimeout);
  const longName = `One ${mb(plan.longBytes).toFixed(1)} MB document`;
  if (longRun.timedOut) {
    figures.push(
      notMeasured({ id: "long-seconds", name: `${longName}: ingest`, unit: "s", budget: { of: "value", max: INGEST_BUDGET.longSeconds } }, `did not finish within ${plan.childTimeout} s`),
    );
  } else {
    const perMb = (run: ChildResult, size: number) => num(run, "seconds") / mb(size);
    figures.push(
      figure({
        id: "long-seconds",
        name: `${longName}: ingest`,
        value: num(longRun, "seconds"),
        unit: "s",
        baseline: { name: "read + blocks + parse of the same document", value: num(longParsed, "seconds"), unit: "s" },
        budget: { of: "value", max: INGEST_BUDGET.longSeconds },
        explain: (f) =>
          `${f.value?.toFixed(1)} s for ${num(longRun, "stances").toLocaleString("en-US")} stances, against ${num(longParsed, "seconds").toFixed(1)} s to parse it: the rest is extraction (prose above all), scoring and loading its stances.`,
      }),
      figure({
        id: "long-memory",
        name: `${longName}: peak memory of the ingest process`,
        value: num(longRun, "peakRssMb"),
        unit: "MB",
        baseline: { name: "peak memory of parsing the same document alone", value: num(longParsed, "peakRssMb"), unit: "MB" },
        budget: { of: "value", max: INGEST_BUDGET.longPeakMb },
        explain: (f) =>
          `the ingest process peaked at ${f.value} MB resident, parsing alone at ${num(longParsed, "peakRssMb")} MB: what prose and loading allocate for its ${num(longRun, "stances").toLocaleString("en-US")} stances is collected late by V8, so garbage adds to the peak.`,
      }),
      figure({
        id: "long-linearity",
        name: `${longName}: seconds per MB, against a document a tenth of its size`,
        value: perMb(longRun, plan.longBytes),
        unit: "s/MB",
        baseline: tenthRun.timedOut ? null : { name: `the same for ${mb(plan.longBytes / 10).toFixed(1)} MB`, value: perMb(tenthRun, plan.longBytes / 10), unit: "s/MB" },
        budget: { of: "ratio", max: INGEST_BUDGET.linearity },
        explain: (f) => `each MB costs ${f.ratio?.toFixed(1)}× as much in the long document: something grows faster than the text.`,
      }),
    );
  }

  // The CLI's start-up: what `npm run ingest` costs before it reads anything.
  step("timing the ingest CLI's start-up");
  const startup = median(Array.from({ length: Math.max(3, plan.repeats) }, () => processSeconds(["scripts/ingest.ts", "--help"])));
  const bare = median(Array.from({ length: Math.max(3, plan.repeats) }, () => processSeconds(["--eval", ""])));
  figures.push(
    figure({
      id: "ingest-startup",
      name: "Ingest CLI start-up (`npm run ingest -- --help`)",
      value: startup,
      unit: "s",
      baseline: { name: "node with tsx running nothing", value: bare, unit: "s" },
      budget: { of: "value", max: INGEST_BUDGET.startupSeconds },
      explain: (f) =>
        `${f.value?.toFixed(2)} s against ${bare.toFixed(2)} s for node and tsx alone: --help loads only the CLI and its size parser (scripts/ingest.ts, scripts/ingest/limits.ts); the pipeline is imported once a run is asked for, so the rest is tsx compiling those two and the machine's load.`,
    }),
  );
  return { figures, breakdown };
}
