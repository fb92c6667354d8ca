import { parseArgs } from "node:util";
import { DEFAULT_MAX_BYTES, parseBytes } from "./ingest/limits";
import type { IngestReport } from "./ingest/pipeline";

const USAGE = `Usage: npm run ingest -- [paths…] [--db FILE] [--codebook FILE] [--sources FILE] [--overrides FILE] [--max-bytes SIZE] [--rescore] [--quiet]

  paths       documents or folders to read (default: seeds/documents/)
  --db        SQLite file (default: $DATABASE_URL or data/parallax.db)
  --codebook  actors and issues (default: seeds/codebook.json)
  --sources   per-document title/outlet/date/URL (default: seeds/sources.json)
  --overrides analyst positions for stances (default: seeds/overrides.json)
  --max-bytes refuse files larger than this, unread (default 10MB; e.g. 50MB, 500kB, 2048)
  --rescore   re-score stored stances with the current codebook and overrides; read no document
  --quiet     print only warnings and errors`;

const OPTIONS = {
  db: { type: "string" },
  codebook: { type: "string", default: "seeds/codebook.json" },
  sources: { type: "string", default: "seeds/sources.json" },
  overrides: { type: "string", default: "seeds/overrides.json" },
  "max-bytes": { type: "string" },
  rescore: { type: "boolean", default: false },
  quiet: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Args = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

/** The arguments of a run, or the exit code when they ask for none (--help) or are wrong. */
function parseCommand(): { args: Args; maxBytes: number } | number {
  let args: Args;
  try {
    args = parseArgs({ options: OPTIONS, allowPositionals: true });
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
  return { args, maxBytes };
}

async function run({ args, maxBytes }: { args: Args; maxBytes: number }): Promise<number> {
  const started = performance.now();
  // Loaded only for a run: --help and argument errors answer without compiling the pipeline, its parsers and SQLite.
  const [{ databasePath, openDatabase }, { CodebookError, loadCodebook }, { exitCode, ingest }, { DocumentError, loadSources }, rescore, summary] =
    await Promise.all([
      import("../db/client"),
      import("./ingest/codebook"),
      import("./ingest/pipeline"),
      import("./ingest/read"),
      import("./ingest/rescore"),
      import("./ingest/summary"),
    ]);
  try {
    const codebook = loadCodebook(args.values.codebook);
    const sources = loadSources(args.values.sources);
    const overrides = rescore.loadOverrides(args.values.overrides);
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
        onProgress: interactive ? (done, total, file) => summary.progressBar(process.stderr, done, total, file) : undefined,
      });
    } finally {
      db.$client.close();
    }
    process.stdout.write(summary.formatSummary(report, { dbFile, seconds: (performance.now() - started) / 1000, quiet: args.values.quiet }));
    return exitCode(report);
  } catch (err) {
    if (!(err instanceof CodebookError || err instanceof DocumentError)) throw err;
    console.error(`ingest: ${err.message}`);
    return 1;
  }
}

const command = parseCommand();
if (typeof command === "number") process.exitCode = command;
else
  run(command).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error("ingest failed:", err);
      process.exitCode = 1;
    },
  );
