import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ParallaxDb } from "../../db/client";
import type { Codebook } from "./codebook";
import { DocumentError } from "./read";
import { scoreStance } from "./score";

const overridesSchema = z
  .object({
    $comment: z.string().optional(),
    overrides: z.array(
      z
        .object({
          stance: z.string().min(1, "must name a stance key (the stance_key column, e.g. from the stance's page)"),
          position: z.number().min(-1, "must be between -1 and 1").max(1, "must be between -1 and 1"),
          note: z.string().trim().min(1, "must say why the position was set by hand"),
          analyst: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.overrides.forEach((o, i) => {
      if (seen.has(o.stance)) ctx.addIssue({ code: "custom", path: ["overrides", i, "stance"], message: `stance "${o.stance}" is overridden twice` });
      seen.add(o.stance);
    });
  });
export type Override = z.infer<typeof overridesSchema>["overrides"][number];

/** Analyst overrides; a missing file means none. Errors name the file and the field. */
export function loadOverrides(file: string): Override[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [];
    throw new DocumentError(file, null, code ? `cannot read (${code})` : `not valid JSON: ${(err as Error).message}`);
  }
  const parsed = overridesSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "")}: ${i.message}`);
    throw new DocumentError(file, null, `invalid overrides file: ${problems.join("; ")}`);
  }
  return parsed.data.overrides;
}

export interface RescoreReport {
  scored: number;
  unscored: number;
  overridden: number;
  unknownOverrides: string[];
}

/**
 * Scores every stored stance on its issue's axis and applies the overrides, in one transaction.
 * Needs no document: after a codebook edit, `npm run ingest -- --rescore` is enough.
 */
export function rescore(db: ParallaxDb, book: Codebook, overrides: Override[]): RescoreReport {
  const axes = new Map(book.issues.map((issue) => [issue.slug, issue.compiledAxis]));
  const byKey = new Map(overrides.map((o) => [o.stance, o]));
  const report: RescoreReport = { scored: 0, unscored: 0, overridden: 0, unknownOverrides: [] };
  const update = db.$client.prepare(
    `UPDATE stances SET score = ?, cue_positive = ?, cue_negative = ?, cues = ?, override_position = ?, override_note = ?
      WHERE id = ?`,
  );
  db.$client.transaction(() => {
    const rows = db.$client.prepare("SELECT id, stance_key AS key, issue_slug AS issue, text FROM stances").all() as {
      id: number;
      key: string;
      issue: string;
      text: string;
    }[];
    for (const row of rows) {
      const axis = axes.get(row.issue);
      const result = axis ? scoreStance(row.text, axis, book.negation) : { score: null, positive: 0, negative: 0, cues: [] };
      const override = byKey.get(row.key);
      byKey.delete(row.key);
      if (override) report.overridden++;
      if (result.score === null) report.unscored++;
      else report.scored++;
      const note = override ? (override.analyst ? `${override.note} (${override.analyst})` : override.note) : null;
      update.run(result.score, result.positive, result.negative, JSON.stringify(result.cues), override?.position ?? null, note, row.id);
    }
  })();
  report.unknownOverrides = [...byKey.keys()];
  return report;
}
