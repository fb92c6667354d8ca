import { parseArgs } from "node:util";
import { GoldError } from "./eval/gold";
import { ratio, type Tally } from "./eval/metrics";
import { evaluate } from "./eval/run";

const USAGE = `Usage: npm run eval -- [--gold FOLDER] [--codebook FILE] [--details] [--show-heldout] [--json | --markdown]

Scores stance extraction against hand-labelled gold files (tests/fixtures/gold/*.json):
recall, precision, misfiled stances and direction agreement, overall and per kind, language,
split, issue group and rule. --details lists every missed and every wrong stance of the
development documents (--show-heldout adds the held-out ones).`;

function main(): number {
  const { values } = parseArgs({
    options: {
      gold: { type: "string", default: "tests/fixtures/gold" },
      codebook: { type: "string", default: "seeds/codebook.json" },
      details: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      markdown: { type: "boolean", default: false },
      "show-heldout": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const { tallies, details } = evaluate(values.gold, values.codebook);
  const rows = [...tallies.entries()].sort(([a], [b]) => (a === "all" ? -1 : b === "all" ? 1 : a.localeCompare(b)));
  if (values.markdown) {
    // The table the README's "Extraction quality" section shows.
    const cell = (value: number | null) => (value === null ? "—" : value.toFixed(2));
    console.log("| group | gold | found | recall | extracted | correct | precision | misfiled US↔CO | misfiled issue | on a negative | direction |");
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    for (const [key, t] of rows.filter(([key]) => !key.startsWith("rule:"))) {
      const s = summary(t);
      console.log(`| ${key} | ${t.gold} | ${t.found} | ${cell(s.recall)} | ${t.extracted} | ${t.correct} | ${cell(s.precision)} | ${t.misfiledActor} | ${t.misfiledIssue} | ${t.negativeHits} | ${cell(s.direction)} |`);
    }
    return 0;
  }
  if (values.json) {
    console.log(JSON.stringify(Object.fromEntries(rows.map(([key, t]) => [key, { ...t, ...summary(t) }])), null, 2));
    return 0;
  }
  const pct = (value: number | null) => (value === null ? "   —" : value.toFixed(2).padStart(4));
  console.log(`${"group".padEnd(34)} gold found  recall  extr correct  prec  mis-actor mis-issue  neg  dir`);
  for (const [key, t] of rows) {
    const s = summary(t);
    console.log(
      `${key.padEnd(34)} ${String(t.gold).padStart(4)} ${String(t.found).padStart(5)}  ${pct(s.recall)}  ${String(t.extracted).padStart(4)} ${String(t.correct).padStart(7)}  ${pct(s.precision)}  ${String(t.misfiledActor).padStart(9)} ${String(t.misfiledIssue).padStart(9)} ${String(t.negativeHits).padStart(4)}  ${pct(s.direction)}`,
    );
  }
  if (values.details) {
    // The held-out documents are for measuring, not for tuning rules: their details stay hidden unless asked for.
    for (const { name, result } of details.filter((d) => d.split === "dev" || values["show-heldout"])) {
      console.log(`\n== ${name}`);
      for (const g of result.missed) console.log(`  MISS  ${g.line}\t${g.actor} ${g.issue}\t(${g.reason})\t${g.phrase}`);
      for (const d of result.direction) console.log(`  DIR   ${d.line}\t${d.actor} ${d.issue} gold ${d.direction}, scored ${d.position.toFixed(2)}\t${d.text.slice(0, 140)}`);
      for (const s of result.wrong)
        console.log(`  WRONG ${s.lineStart}\t${s.actor} ${s.issue}\t(${s.reason}${s.note ? `: ${s.note}` : ""})\t${s.rule}\t${s.text.slice(0, 140)}`);
    }
  }
  return 0;
}

function summary(t: Tally) {
  return { recall: ratio(t.found, t.gold), precision: ratio(t.correct, t.extracted), direction: ratio(t.directionAgreed, t.directionCompared) };
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(err instanceof GoldError ? `eval: ${err.message}` : err);
  process.exitCode = 1;
}
