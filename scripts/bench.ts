import { appendFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { openDatabase } from "../db/client";
import { csvStream, STANCE_WEB_COLUMNS, stanceExportRows } from "../db/export";
import { loadCodebook } from "./ingest/codebook";
import { ingest } from "./ingest/pipeline";
import { loadSources } from "./ingest/read";

/**
 * Speed and memory of the two heavy paths, with targets:
 * - ingest: a 10,000-row stance table (20,000 stances) is read, scored and loaded;
 * - export: 100,000 stances stream out as CSV with flat memory (peak RSS growth well under the file size).
 * Appends a line to bench/results.md; exits 1 when a target is missed.
 */
const TARGETS = { ingestStancesPerSecond: 2_000, exportRowsPerSecond: 20_000, exportPeakRssGrowthMb: 64 };
const EXPORT_ROWS = 100_000;

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "parallax-bench-"));
  const db = openDatabase(join(dir, "bench.db"));
  const codebook = loadCodebook("seeds/codebook.json");
  const sources = loadSources("seeds/sources.json");

  const issues = ["Drug policy", "Energy Transition", "Caracas ties", "Border flows"];
  const cells = ["Seizures, arrests and interdiction", "Rural reform and public health", "Phase out oil and gas", "Humanitarian corridors"];
  const rows = Array.from({ length: 10_000 }, (_, i) => `| ${issues[i % 4]} | ${cells[i % 4]} ${i} | ${cells[(i + 1) % 4]} ${i} |`);
  const docs = join(dir, "docs");
  const big = join(docs, "big-table.md");
  await import("node:fs").then((fs) => fs.mkdirSync(docs));
  writeFileSync(big, `# Benchmark\n\n| Issue | U.S. Priority | Petro’s Stance |\n|---|---|---|\n${rows.join("\n")}\n`);
  let started = performance.now();
  const report = ingest(db, { inputs: [docs], codebook, sources });
  const ingestSeconds = (performance.now() - started) / 1000;
  const ingested = report.outcomes[0]?.stances ?? 0;

  // Grow the stance table to EXPORT_ROWS by copying rows under new keys.
  const have = db.$client.prepare("SELECT COUNT(*) FROM stances").pluck().get() as number;
  db.$client.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${Math.ceil(EXPORT_ROWS / have)})
    INSERT INTO stances (stance_key, document_id, issue_slug, actor_id, kind, text, issue_evidence, line_start, line_end,
                         column_start, column_end, source_table_id, table_row, table_column, score, cue_positive, cue_negative, cues)
    SELECT stance_key || ':' || n.i, document_id, issue_slug, actor_id, kind, text, issue_evidence, line_start, line_end,
           column_start, column_end, source_table_id, table_row, table_column, score, cue_positive, cue_negative, cues
      FROM stances, n WHERE n.i > 1;
    DELETE FROM stances WHERE id > (SELECT MIN(id) FROM stances) + ${EXPORT_ROWS - 1};`);
  const exportRows = db.$client.prepare("SELECT COUNT(*) FROM stances").pluck().get() as number;

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  let bytes = 0;
  started = performance.now();
  await pipeline(
    csvStream(STANCE_WEB_COLUMNS, stanceExportRows({}, db)),
    new Writable({
      write(chunk, _encoding, done) {
        bytes += chunk.length;
        peak = Math.max(peak, process.memoryUsage().rss);
        done();
      },
    }),
  );
  clearInterval(sampler);
  const exportSeconds = (performance.now() - started) / 1000;
  db.$client.close();

  const result = {
    ingestStancesPerSecond: Math.round(ingested / ingestSeconds),
    exportRowsPerSecond: Math.round(exportRows / exportSeconds),
    exportPeakRssGrowthMb: mb(peak - baseline),
  };
  const missed = [
    result.ingestStancesPerSecond < TARGETS.ingestStancesPerSecond ? "ingest speed" : null,
    result.exportRowsPerSecond < TARGETS.exportRowsPerSecond ? "export speed" : null,
    result.exportPeakRssGrowthMb > TARGETS.exportPeakRssGrowthMb ? "export memory" : null,
  ].filter(Boolean);
  const line = `| ${new Date().toISOString().slice(0, 16).replace("T", " ")} | ${ingested} stances in ${ingestSeconds.toFixed(2)} s (${result.ingestStancesPerSecond}/s) | ${exportRows} rows, ${mb(bytes)} MB in ${exportSeconds.toFixed(2)} s (${result.exportRowsPerSecond}/s) | +${result.exportPeakRssGrowthMb} MB | ${process.version} | ${missed.length ? `missed: ${missed.join(", ")}` : "all met"} |`;
  const file = "bench/results.md";
  if (!existsSync(file))
    writeFileSync(
      file,
      `# Benchmark results\n\n\`npm run bench\` (scripts/bench.ts). Targets: ingest ≥ ${TARGETS.ingestStancesPerSecond} stances/s; export ≥ ${TARGETS.exportRowsPerSecond} rows/s with peak RSS growth ≤ ${TARGETS.exportPeakRssGrowthMb} MB for ${EXPORT_ROWS} rows.\n\n| when (UTC) | ingest | CSV export | peak RSS growth | node | targets |\n|---|---|---|---|---|---|\n`,
    );
  appendFileSync(file, `${line}\n`);
  console.log(line);
  return missed.length ? 1 : 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    console.error("bench failed:", err);
    process.exitCode = 1;
  });
