import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Breakdown } from "./profile";

/** What a figure is held to: its ratio to the baseline, or its value itself; at most `max`, or at least `min` (a score). */
export type Budget = { of: "ratio" | "value"; max: number } | { of: "value"; min: number };

export interface Figure {
  id: string;
  name: string;
  value: number | null;
  unit: string;
  /** Measured in the same run, on the same machine. */
  baseline: { name: string; value: number; unit: string } | null;
  /** value / baseline. */
  ratio: number | null;
  budget: Budget;
  /** null: not measured (`note` says why). */
  met: boolean | null;
  /** Why a budget was missed, or why a figure was not measured, with the measurements. */
  note: string | null;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine slows every figure. */
  loadAverage: number;
}

export interface Run {
  date: string;
  mode: "full" | "quick";
  commit: string | null;
  machine: Machine;
  corpus: { seed: number; documents: number; bytes: number; stances: number; byKind: Record<string, number> };
  figures: Figure[];
  /** Where the time of a stage goes, from the V8 sampling profiler. */
  breakdowns: Record<string, { title: string; breakdown: Breakdown }>;
}

/** A figure with its ratio and verdict worked out; `explain` writes the note when the budget is missed. */
export function figure(
  spec: Omit<Figure, "ratio" | "met" | "note"> & { explain?: (figure: Figure) => string; note?: string | null },
): Figure {
  const { explain, note, ...rest } = spec;
  const ratio = spec.value !== null && spec.baseline && spec.baseline.value > 0 ? spec.value / spec.baseline.value : null;
  const held = spec.budget.of === "ratio" ? ratio : spec.value;
  const met = held === null ? null : "min" in spec.budget ? held >= spec.budget.min : held <= spec.budget.max;
  const result: Figure = { ...rest, ratio, met, note: note ?? null };
  if (met === false && explain) result.note = explain(result);
  return result;
}

const number = (value: number, unit: string) => {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
};

export function formatBudget(figure: Figure): string {
  if ("min" in figure.budget) return `≥ ${number(figure.budget.min, figure.unit)}`;
  return figure.budget.of === "ratio" ? `≤ ${figure.budget.max}×` : `≤ ${number(figure.budget.max, figure.unit)}`;
}

export function formatBreakdown(breakdown: Breakdown, limit = 8): string {
  return breakdown
    .slice(0, limit)
    .map((b) => `${b.category} ${number(b.seconds, "s")} (${Math.round(b.share * 100)}%)`)
    .join(", ");
}

export function renderMarkdown(run: Run): string {
  const m = run.machine;
  const lines = [
    "# Benchmark results",
    "",
    `\`npm run bench${run.mode === "quick" ? " -- --quick" : ""}\` (scripts/bench.ts), ${run.date.replace("T", " ").slice(0, 16)} UTC, commit ${run.commit ?? "unknown"}.`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node} (${m.platform}), load average ${m.loadAverage.toFixed(2)} at the start.`,
    `Corpus: ${run.corpus.documents.toLocaleString("en-US")} generated documents (seed ${run.corpus.seed}; ${Object.entries(run.corpus.byKind)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(", ")}), ${number(run.corpus.bytes / 1024 / 1024, "MB")}, ${run.corpus.stances.toLocaleString("en-US")} stances once ingested.`,
    "",
    "Each figure is compared with a baseline measured in the same run; budgets are on the ratio or, where stated, on the value.",
    "",
    "| figure | value | baseline | ratio | budget | met |",
    "|---|---|---|---|---|---|",
    ...run.figures.map((f) =>
      [
        "",
        f.name,
        f.value === null ? "not measured" : number(f.value, f.unit),
        f.baseline ? `${number(f.baseline.value, f.baseline.unit)} (${f.baseline.name})` : "—",
        f.ratio === null ? "—" : `${f.ratio.toFixed(2)}×`,
        formatBudget(f),
        f.met === null ? "—" : f.met ? "yes" : "**no**",
        "",
      ]
        .join(" | ")
        .trim(),
    ),
  ];
  const notes = run.figures.filter((f) => f.note);
  if (notes.length) lines.push("", "## Notes", "", ...notes.map((f) => `- **${f.name}**${f.met === false ? " (budget missed)" : ""}: ${f.note}`));
  const breakdowns = Object.values(run.breakdowns);
  if (breakdowns.length) {
    lines.push("", "## Where the time goes", "", "From the V8 sampling profiler; each sample is charged to the innermost stage or library on its stack.");
    for (const { title, breakdown } of breakdowns) {
      lines.push("", `### ${title}`, "", "| where | seconds | share |", "|---|---|---|");
      for (const b of breakdown) lines.push(`| ${b.category} | ${b.seconds.toFixed(2)} | ${Math.round(b.share * 100)}% |`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Writes results.json and results.md into `folder`. */
export function writeResults(folder: string, run: Run): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "results.json"), `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(join(folder, "results.md"), renderMarkdown(run));
}
