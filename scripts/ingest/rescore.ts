import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ParallaxDb } from "../../db/client";
import type { Codebook } from "./codebook";
import { DocumentError } from "./read";
import { type CueHit, scoreStance } from "./score";

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

/** What is stored with a stance about its position: the dictionary score and cues, and an analyst's override. */
export interface StanceScoring {
  score: number | null;
  cuePositive: number;
  cueNegative: number;
  cues: CueHit[];
  overridePosition: number | null;
  overrideNote: string | null;
}

/** Scores stances with the codebook's axes and the analyst overrides; the same for a new stance and a stored one. */
export function stanceScorer(book: Codebook, overrides: Override[]): (key: string, issueSlug: string, text: string) => StanceScoring {
  const axes = new Map(book.issues.map((issue) => [issue.slug, issue.compiledAxis]));
  const byKey = new Map(overrides.map((o) => [o.stance, o]));
  return (key, issueSlug, text) => {
    const axis = axes.get(issueSlug);
    const result = axis ? scoreStance(text, axis, book.negation) : { score: null, positive: 0, negative: 0, cues: [] };
    const override = byKey.get(key);
    return {
      score: result.score,
      cuePositive: result.positive,
      cueNegative: result.negative,
      cues: result.cues,
      overridePosition: override?.position ?? null,
      overrideNote: override ? (override.analyst ? `${override.note} (${override.analyst})` : override.note) : null,
    };
  };
}

export interface RescoreReport {
  scored: number;
  unscored: number;
  overridden: number;
  /** Stances whose stored score or override changed. */
  changed: number;
  unknownOverrides: string[];
}

/**
 * Scores every stored stance on its issue's axis and applies the overrides, in one transaction,
 * writing only the stances whose score or override changed (so a run that changes nothing writes
 * nothing). Stances of the documents in `scoredNow` were scored as they were written and are only
 * counted. Needs no document: after a cue or override edit, `npm run ingest -- --rescore` is enough.
 */
export function rescore(db: ParallaxDb, book: Codebook, overrides: Override[], scoredNow: ReadonlySet<number> = new Set()): RescoreReport {
  const score = stanceScorer(book, overrides);
  const report: RescoreReport = { scored: 0, unscored: 0, overridden: 0, changed: 0, unknownOverrides: [] };
  const update = db.$client.prepare(
    `UPDATE stances SET score = ?, cue_positive = ?, cue_negative = ?, cues = ?, override_position = ?, override_note = ?
      WHERE id = ?`,
  );
  const keys = new Set<string>();
  db.$client.transaction(() => {
    const rows = db.$client
      .prepare(
        `SELECT id, document_id AS documentId, stance_key AS key, issue_slug AS issue, text, score, cue_positive AS positive, cue_negative AS negative,
                cues, override_position AS overridePosition, override_note AS overrideNote FROM stances`,
      )
      .all() as {
      id: number;
      key: string;
      issue: string;
      text: string;
      score: number | null;
      positive: number;
      negative: number;
      cues: string;
      overridePosition: number | null;
      overrideNote: string | null;
      documentId: number;
    }[];
    for (const row of rows) {
      keys.add(row.key);
      const next = scoredNow.has(row.documentId) ? null : score(row.key, row.issue, row.text);
      if ((next ?? row).overridePosition !== null) report.overridden++;
      if ((next ?? row).score === null) report.unscored++;
      else report.scored++;
      if (!next) continue;
      const cues = JSON.stringify(next.cues);
      const same =
        next.score === row.score &&
        next.cuePositive === row.positive &&
        next.cueNegative === row.negative &&
        cues === row.cues &&
        next.overridePosition === row.overridePosition &&
        next.overrideNote === row.overrideNote;
      if (same) continue;
      report.changed++;
      update.run(next.score, next.cuePositive, next.cueNegative, cues, next.overridePosition, next.overrideNote, row.id);
    }
  })();
  report.unknownOverrides = overrides.map((o) => o.stance).filter((key) => !keys.has(key));
  return report;
}
