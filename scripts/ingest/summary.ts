import type { IngestReport } from "./pipeline";

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padLeft = (text: string | number, width: number) => String(text).padStart(width);

/** The report a person reads after `npm run ingest`. */
export function formatSummary(report: IngestReport, run: { dbFile: string; seconds: number; quiet?: boolean }): string {
  const lines: string[] = [];
  const count = (status: string) => report.outcomes.filter((o) => o.status === status).length;
  const failed = report.outcomes.filter((o) => o.status === "failed");
  if (!run.quiet) {
    const duplicates = count("duplicate") ? `, ${count("duplicate")} duplicate` : "";
    const removed = report.removed.length ? `, ${report.removed.length} removed` : "";
    lines.push(
      `Ingested ${report.outcomes.length} document(s) into ${run.dbFile} in ${run.seconds.toFixed(1)} s: ` +
        `${count("loaded")} loaded, ${count("unchanged")} unchanged${duplicates}, ${failed.length} failed${removed}.`,
      "",
    );
    const width = Math.max(8, ...report.outcomes.map((o) => o.file.length));
    lines.push(`  ${pad("document", width)}  ${pad("status", 9)}  tables  stances`);
    for (const o of report.outcomes) {
      const copy = o.duplicateOf ? `  copy of ${o.duplicateOf}` : "";
      lines.push(`  ${pad(o.file, width)}  ${pad(o.status, 9)}  ${padLeft(o.tables, 6)}  ${padLeft(o.stances, 7)}${copy}`);
    }

    if (report.stancesByIssue.length > 0) {
      const issueWidth = Math.max(5, ...report.stancesByIssue.map((row) => row.issue.length));
      lines.push("", "Stances by issue and actor (documents of this run, as stored):");
      lines.push(`  ${pad("issue", issueWidth)}  United States  Colombia`);
      for (const row of report.stancesByIssue) lines.push(`  ${pad(row.issue, issueWidth)}  ${padLeft(row.us, 13)}  ${padLeft(row.co, 8)}`);
    }
    const { scored, unscored, overridden } = report.scoring;
    lines.push("", `Positions: ${scored} stance(s) scored, ${unscored} not scored (no cue matched), ${overridden} set by analyst override.`);
  }
  if (report.removed.length > 0) {
    lines.push("", `Removed (${report.removed.length}) — their files are gone from the folders read, so they and their stances were removed:`);
    for (const r of report.removed) {
      const copies = r.copies.length ? ` (a copy still exists: ${r.copies.join(", ")}; ingest it to store the document again)` : "";
      lines.push(`  ${r.file}${copies}`);
    }
  }
  if (report.warnings.length > 0) {
    lines.push("", `Warnings (${report.warnings.length}):`);
    for (const w of report.warnings) lines.push(`  ${w.file}${w.line ? `:${w.line}` : ""}: ${w.message}`);
  }
  if (report.skipped.length > 0) {
    lines.push("", `Not read (${report.skipped.length}) — skipped; the rest of each folder was read:`);
    for (const s of report.skipped) lines.push(`  ${s.file}: ${s.message}`);
  }
  if (failed.length > 0) {
    lines.push("", `Errors (${failed.length}) — these documents were not loaded; what was stored for them is unchanged:`);
    for (const o of failed) lines.push(`  ${o.error}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A one-line progress bar, redrawn in place; only drawn on a terminal and for runs worth watching. */
export function progressBar(stream: NodeJS.WriteStream, done: number, total: number, file: string): void {
  if (total < 10) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const label = file.length > 40 ? `…${file.slice(-39)}` : file;
  stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label}`.padEnd(100));
  if (done === total) stream.write(`${"\r".padEnd(101)}\r`);
}
