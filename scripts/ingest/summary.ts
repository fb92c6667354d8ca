import type { IngestReport } from "./pipeline";

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padLeft = (text: string | number, width: number) => String(text).padStart(width);

/** The report a person reads after `npm run ingest`. */
export function formatSummary(report: IngestReport, run: { dbFile: string; seconds: number; quiet?: boolean }): string {
  const lines: string[] = [];
  const count = (status: string) => report.outcomes.filter((o) => o.status === status).length;
  const failed = report.outcomes.filter((o) => o.status === "failed");
  if (!run.quiet) {
    lines.push(
      `Ingested ${report.outcomes.length} document(s) into ${run.dbFile} in ${run.seconds.toFixed(1)} s: ` +
        `${count("loaded")} loaded, ${count("unchanged")} unchanged, ${failed.length} failed.`,
      "",
    );
    const width = Math.max(8, ...report.outcomes.map((o) => o.file.length));
    lines.push(`  ${pad("document", width)}  ${pad("status", 9)}  tables  stances`);
    for (const o of report.outcomes)
      lines.push(`  ${pad(o.file, width)}  ${pad(o.status, 9)}  ${padLeft(o.tables, 6)}  ${padLeft(o.stances.length, 7)}`);

    const issues = new Map<string, { us: number; co: number }>();
    for (const stance of report.outcomes.flatMap((o) => o.stances)) {
      const row = issues.get(stance.issue.slug) ?? { us: 0, co: 0 };
      row[stance.actor]++;
      issues.set(stance.issue.slug, row);
    }
    if (issues.size > 0) {
      const issueWidth = Math.max(5, ...[...issues.keys()].map((slug) => slug.length));
      lines.push("", "Stances by issue and actor (documents read in this run):");
      lines.push(`  ${pad("issue", issueWidth)}  United States  Colombia`);
      for (const [slug, row] of [...issues.entries()].sort(([a], [b]) => a.localeCompare(b)))
        lines.push(`  ${pad(slug, issueWidth)}  ${padLeft(row.us, 13)}  ${padLeft(row.co, 8)}`);
    }
  }
  if (!run.quiet) {
    const { scored, unscored, overridden } = report.scoring;
    lines.push("", `Positions: ${scored} stance(s) scored, ${unscored} not scored (no cue matched), ${overridden} set by analyst override.`);
  }
  if (report.warnings.length > 0) {
    lines.push("", `Warnings (${report.warnings.length}):`);
    for (const w of report.warnings) lines.push(`  ${w.file}${w.line ? `:${w.line}` : ""}: ${w.message}`);
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
