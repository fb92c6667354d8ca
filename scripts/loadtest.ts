import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { writeCorpus } from "./loadtest/corpus";
import { ensureBuild, startServer } from "./bench/server";

/**
 * The production server under load while an ingest rewrites the database it serves: autocannon against
 * the overview, an issue page and a CSV download (the connections split between them), for a bounded
 * time, on loopback only, while the ingest CLI re-reads a changed corpus in a loop against the same
 * file. Target: no errors, no timeouts, no answer other than 2xx. Appends a line to the results file
 * and exits 1 when the target is missed.
 */
const USAGE = "npm run loadtest -- [--duration SECONDS] [--connections N] [--copies N] [--out FILE]";
const LIMITS = { duration: [1, 300], connections: [1, 200], copies: [1, 100] } as const;
const TARGETS = [
  { name: "overview", path: "/en" },
  { name: "issue page", path: "/en/issues/drug-policy" },
  { name: "CSV download", path: "/api/export/stances.csv?issue=drug-policy" },
];

function bounded(name: keyof typeof LIMITS, value: string): number {
  const number = Number(value);
  const [low, high] = LIMITS[name];
  if (!Number.isInteger(number) || number < low || number > high) throw new Error(`--${name} must be a whole number from ${low} to ${high}; ${USAGE}`);
  return number;
}

interface IngestLoop {
  runs: number;
  failures: string[];
  stop: () => Promise<void>;
}

/** Runs the ingest CLI on the corpus again and again, each time on a new version of every document. */
function ingestLoop(seeds: string, corpus: string, copies: number, databaseFile: string, firstVersion: number): IngestLoop {
  const loop: IngestLoop = { runs: 0, failures: [], stop: async () => {} };
  let stopping = false;
  let version = firstVersion;
  const once = () =>
    new Promise<void>((resolve) => {
      writeCorpus(seeds, corpus, copies, ++version);
      let output = "";
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", corpus, "--db", databaseFile, "--quiet"]);
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      child.on("close", (code) => {
        loop.runs++;
        if (code !== 0) loop.failures.push(`run ${loop.runs} exited ${code}: ${output.trim().split("\n").slice(-3).join(" | ")}`);
        resolve();
      });
    });
  const running = (async () => {
    while (!stopping) await once();
  })();
  loop.stop = async () => {
    stopping = true;
    await running;
  };
  return loop;
}

const ms = (value: number) => `${Math.round(value)} ms`;

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "30" },
      connections: { type: "string", default: "50" },
      copies: { type: "string", default: "1" },
      out: { type: "string", default: "bench/loadtest.md" },
    },
  });
  const duration = bounded("duration", values.duration);
  const connections = bounded("connections", values.connections);
  const copies = bounded("copies", values.copies);
  if (connections < TARGETS.length) throw new Error(`--connections must be at least ${TARGETS.length}, one per target`);

  ensureBuild();
  const dir = mkdtempSync(join(tmpdir(), "parallax-loadtest-"));
  const corpus = join(dir, "corpus");
  mkdirSync(corpus);
  const databaseFile = join(dir, "parallax.db");
  const documents = writeCorpus("seeds/documents", corpus, copies, 0);
  const first = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", corpus, "--db", databaseFile, "--quiet"], { encoding: "utf8" });
  if (first.status !== 0) throw new Error(`the first ingest failed:\n${first.stdout}${first.stderr}`);

  const server = await startServer(databaseFile, join(dir, "server.log"));
  if (new URL(server.url).hostname !== "127.0.0.1") throw new Error(`refusing to load anything but loopback: ${server.url}`);
  console.log(`${documents} documents; ${connections} connections for ${duration} s against ${server.url} while the ingest rewrites them`);
  // Warm up first: Next loads each route's code on its first request, which is start-up, not load.
  for (const target of TARGETS) for (let i = 0; i < 3; i++) await (await fetch(server.url + target.path)).arrayBuffer();
  const ingest = ingestLoop("seeds/documents", corpus, copies, databaseFile, 0);
  const shares = TARGETS.map((_, i) => Math.floor(connections / TARGETS.length) + (i < connections % TARGETS.length ? 1 : 0));
  let results: autocannon.Result[];
  try {
    results = await Promise.all(
      // Each target in its own worker thread: on one event loop, parsing the pages' responses delayed the
      // downloads' and their latency measured the client, not the server (p99 6 s, not 0.4 s).
      TARGETS.map((target, i) => autocannon({ url: server.url + target.path, connections: shares[i], duration, timeout: 10, title: target.name, workers: 1 })),
    );
  } finally {
    await ingest.stop();
    server.stop();
  }

  const rows = TARGETS.map((target, i) => {
    const r = results[i] as autocannon.Result;
    return { ...target, connections: shares[i] ?? 0, requests: r.requests.total, rate: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx };
  });
  const failed = rows.some((r) => r.errors || r.timeouts || r.non2xx || r.requests === 0) || ingest.failures.length > 0;
  for (const r of rows)
    console.log(
      `${r.name.padEnd(13)} ${r.path.padEnd(44)} ${String(r.requests).padStart(6)} requests  ${r.rate.toFixed(1).padStart(6)}/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  errors ${r.errors}  timeouts ${r.timeouts}  non-2xx ${r.non2xx}`,
    );
  console.log(`ingest runs during the load: ${ingest.runs}, failed: ${ingest.failures.length}`);
  for (const failure of ingest.failures) console.error(`  ${failure}`);

  if (!existsSync(values.out)) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(
      values.out,
      `# Load test results\n\n\`npm run loadtest\` (scripts/loadtest.ts): \`next start\` on loopback, autocannon against each path (the connections split between them) while the ingest CLI re-reads a changed corpus against the same database in a loop. Target: 0 errors, 0 timeouts, 0 non-2xx.\n\n| when (UTC) | documents | connections × seconds | path | requests | req/s | p50 | p99 | errors | timeouts | non-2xx | ingest runs (failed) | cores | node | target |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n`,
    );
  }
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  for (const r of rows)
    appendFileSync(
      values.out,
      `| ${when} | ${documents} | ${r.connections} × ${duration} | ${r.path} | ${r.requests} | ${r.rate.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} | ${r.timeouts} | ${r.non2xx} | ${ingest.runs} (${ingest.failures.length}) | ${availableParallelism()} | ${process.version} | ${failed ? "missed" : "met"} |\n`,
    );
  console.log(`${failed ? "Target missed" : "Target met"}; results appended to ${values.out}`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
