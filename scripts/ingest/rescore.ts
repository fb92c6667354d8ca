import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ParallaxDb } from "../../db/client";
import type { StanceKind } from "../../db/schema";
import type { ActorId, Codebook } from "./codebook";
import { otherCourse } from "./course";
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

/**
 * Bump when a change to scoring (score.ts, how overrides apply) should reach stances already stored:
 * the next ingest then re-scores every stored stance, as it does after a cue or override edit.
 */
export const SCORING_VERSION = 6;

/** Scores one stance; `hash` names everything the scores depend on, stored with each document as scoring_hash. */
export type StanceScorer = ((key: string, stance: ScoredStance) => StanceScoring) & { hash: string };

/** What a stance's score depends on: its text, its issue's axis and, in prose, who holds it (course.ts). */
export interface ScoredStance {
  issueSlug: string;
  actor: ActorId;
  kind: StanceKind;
  text: string;
}

/** Scores stances with the codebook's axes and the analyst overrides; the same for a new stance and a stored one. */
export function stanceScorer(book: Codebook, overrides: Override[]): StanceScorer {
  const axes = new Map(book.issues.map((issue) => [issue.slug, issue.compiledAxis]));
  const byKey = new Map(overrides.map((o) => [o.stance, o]));
  const score = (key: string, { issueSlug, actor, kind, text }: ScoredStance): StanceScoring => {
    const axis = axes.get(issueSlug);
    // Only prose tells a course in clauses; a table cell or list item "Colombia to resume fumigation" is a demand.
    const course = axis && kind === "prose" ? otherCourse(text, actor, book) : null;
    const result = axis ? scoreStance(text, axis, book.negation, course) : { score: null, positive: 0, negative: 0, cues: [] };
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
  const { negation } = book;
  const hash = createHash("sha256")
    .update(
      JSON.stringify({
        version: SCORING_VERSION,
        axes: book.issues.map((issue) => [issue.slug, issue.axis.negative.cues, issue.axis.positive.cues]),
        negation: [negation.terms.map((t) => t.term), negation.scopeWords, negation.breakers.source],
        overrides,
      }),
    )
    .digest("hex");
  return Object.assign(score, { hash });
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
 * Scores the stored stances of every document scored with another codebook axis, negation or
 * overrides (documents.scoring_hash) and applies the overrides, in one transaction, writing only
 * the stances whose score or override changed; documents written with the current scoring are
 * skipped, so a run after which nothing affecting scores changed reads no stance. Needs no
 * document: after a cue or override edit, `npm run ingest -- --rescore` is enough.
 */
export function rescore(db: ParallaxDb, book: Codebook, overrides: Override[]): RescoreReport {
  const score = stanceScorer(book, overrides);
  const client = db.$client;
  const report: RescoreReport = { scored: 0, unscored: 0, overridden: 0, changed: 0, unknownOverrides: [] };
  const update = client.prepare(
    `UPDATE stances SET score = ?, cue_positive = ?, cue_negative = ?, cues = ?, override_position = ?, override_note = ?
      WHERE id = ?`,
  );
  client.transaction(() => {
    const rows = client
      .prepare(
        `SELECT id, stance_key AS key, issue_slug AS issueSlug, actor_id AS actor, kind, text, score, cue_positive AS positive, cue_negative AS negative,
                cues, override_position AS overridePosition, override_note AS overrideNote
           FROM stances WHERE document_id IN (SELECT id FROM documents WHERE scoring_hash <> ?)`,
      )
      .all(score.hash) as {
      id: number;
      key: string;
      issueSlug: string;
      actor: ActorId;
      kind: StanceKind;
      text: string;
      score: number | null;
      positive: number;
      negative: number;
      cues: string;
      overridePosition: number | null;
      overrideNote: string | null;
    }[];
    for (const row of rows) {
      const next = score(row.key, row);
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
    client.prepare("UPDATE documents SET scoring_hash = ? WHERE scoring_hash <> ?").run(score.hash, score.hash);
  })();
  const counts = client
    .prepare(
      `SELECT count(score) AS scored, count(*) - count(score) AS unscored, count(override_position) AS overridden FROM stances`,
    )
    .get() as { scored: number; unscored: number; overridden: number };
  const exists = client.prepare("SELECT 1 FROM stances WHERE stance_key = ?").pluck();
  return {
    ...report,
    ...counts,
    unknownOverrides: overrides.map((o) => o.stance).filter((key) => exists.get(key) === undefined),
  };
}
