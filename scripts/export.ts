import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { databasePath, NoDatabaseError, openReadOnlyDatabase, type ParallaxDb } from "../db/client";
import { csvStream, ISSUE_COLUMNS, issueExportRows, STANCE_COLUMNS, stanceExportRows } from "../db/export";
import { FilterError, type StanceFilter, validateStanceFilter } from "../db/filters";

const USAGE = `Usage: npm run export -- <stances|issues> [--db FILE] [--issue SLUG]… [--actor us|co]… [--kind table|list|prose]… [--evidence all|structured]

Writes CSV (RFC 4180, UTF-8, CRLF) to standard output.
  stances   one row per stance: ${STANCE_COLUMNS.join(",")}
  issues    one row per issue × actor: ${ISSUE_COLUMNS.join(",")}
  --issue   only these issues (repeatable)
  --actor   only this actor (repeatable)
  --kind    only stances of this kind (repeatable)
  --evidence  all (default): tables, lists and prose; structured: tables and lists only
  --db      SQLite file (default: $DATABASE_URL or data/parallax.db)`;

const DATASETS = {
  stances: (filter: StanceFilter, db: ParallaxDb) => csvStream(STANCE_COLUMNS, stanceExportRows(filter, db)),
  issues: (filter: StanceFilter, db: ParallaxDb) => csvStream(ISSUE_COLUMNS, issueExportRows(filter, db)),
};

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  const options = {
    db: { type: "string" },
    issue: { type: "string", multiple: true },
    actor: { type: "string", multiple: true },
    kind: { type: "string", multiple: true },
    evidence: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  } as const;
  try {
    parsed = parseArgs({ options, allowPositionals: true });
  } catch (err) {
    console.error(`export: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [dataset, ...extra] = positionals;
  if (!(dataset === "stances" || dataset === "issues") || extra.length > 0) {
    console.error(`export: ${dataset ? `unknown dataset "${positionals.join(" ")}"` : "name a dataset"}\n\n${USAGE}`);
    return 2;
  }
  const db = openReadOnlyDatabase(databasePath(values.db ?? process.env.DATABASE_URL));
  try {
    const filter = validateStanceFilter(db, {
      issues: values.issue,
      actors: values.actor,
      kinds: values.kind,
      evidence: values.evidence,
    });
    await pipeline(DATASETS[dataset](filter, db), process.stdout);
  } finally {
    db.$client.close();
  }
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    if (err instanceof FilterError) console.error(`export: --${err.parameter}: ${err.message}`);
    else if (err instanceof NoDatabaseError) console.error(`export: ${err.message}`);
    else console.error("export failed:", err);
    process.exitCode = 1;
  });
