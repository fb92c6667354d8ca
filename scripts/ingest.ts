import { parseArgs } from "node:util";
import { databasePath, openDatabase } from "../db/client";
import { CodebookError, loadCodebook } from "./ingest/codebook";
import { DEFAULT_MAX_BYTES, parseBytes } from "./ingest/limits";
import { exitCode, type IngestReport, ingest } from "./ingest/pipeline";
import { DocumentError, loadSources } from "./ingest/read";
import { loadOverrides } from "./ingest/rescore";
import { formatSummary, progressBar } from "./ingest/summary";

const USAGE = `Usage: npm run ingest -- [paths…] [--db FILE] [--codebook FILE] [--sources FILE] [--overrides FILE] [--max-bytes SIZE] [--rescore] [--quiet]

  paths       documents or folders to read (default: seeds/documents/)
  --db        SQLite file (default: $DATABASE_URL or data/parallax.db)
  --codebook  actors and issues (default: seeds/codebook.json)
  --sources   per-document title/outlet/date/URL (default: seeds/sources.json)
  --overrides analyst positions for stances (default: seeds/overrides.json)
  --max-bytes refuse files larger than this, unread (default 10MB; e.g. 50MB, 500kB, 2048)
  --rescore   re-score stored stances with the current codebook and overrides; read no document
  --quiet     print only warnings and errors`;

function main(): number {
  let args: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  const options = {
    db: { type: "string" },
    codebook: { type: "string", default: "seeds/codebook.json" },
    sources: { type: "string", default: "seeds/sources.json" },
    overrides: { type: "string", default: "seeds/overrides.json" },
    "max-bytes": { type: "string" },
    rescore: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  } as const;
  try {
    args = parseArgs({ options, allowPositionals: true });
  } catch (err) {
    console.error(`ingest: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const maxBytes = args.values["max-bytes"] === undefined ? DEFAULT_MAX_BYTES : parseBytes(args.values["max-bytes"]);
  if (maxBytes === null) {
    console.error(`ingest: --max-bytes: "${args.values["max-bytes"]}" is not a size (write e.g. 50MB, 500kB or 2048)\n\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const codebook = loadCodebook(args.values.codebook);
  const sources = loadSources(args.values.sources);
  const overrides = loadOverrides(args.values.overrides);
  const dbFile = databasePath(args.values.db ?? process.env.DATABASE_URL);
  const db = openDatabase(dbFile);
  const interactive = process.stderr.isTTY && !args.values.quiet;
  let report: IngestReport;
  try {
    report = ingest(db, {
      inputs: args.positionals.length ? args.positionals : ["seeds/documents"],
      codebook,
      sources,
      overrides,
      overridesFile: args.values.overrides,
      rescoreOnly: args.values.rescore,
      maxBytes,
      onProgress: interactive ? (done, total, file) => progressBar(process.stderr, done, total, file) : undefined,
    });
  } finally {
    db.$client.close();
  }
  const summary = formatSummary(report, { dbFile, seconds: (performance.now() - started) / 1000, quiet: args.values.quiet });
  process.stdout.write(summary);
  return exitCode(report);
}

try {
  process.exitCode = main();
} catch (err) {
  if (err instanceof CodebookError || err instanceof DocumentError) console.error(`ingest: ${err.message}`);
  else console.error("ingest failed:", err);
  process.exitCode = 1;
}
