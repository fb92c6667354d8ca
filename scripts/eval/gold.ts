import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** A hand-labelled stance: the exact words on a line that carry a government's position. */
const goldStance = z
  .object({
    line: z.number().int().min(1),
    actor: z.enum(["us", "co"]),
    issue: z.enum(["drug-policy", "energy", "venezuela", "migration", "other"]),
    kind: z.enum(["prose", "list", "table"]),
    attribution: z.enum(["quote", "reported", "action"]).nullable(),
    phrase: z.string().min(1),
    direction: z.enum(["+", "-", "0"]).nullable(),
    holder: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

const goldNegative = z.object({ line: z.number().int().min(1), phrase: z.string().min(1), why: z.string() }).strict();

const goldFile = z
  .object({
    document: z.string().min(1),
    lang: z.enum(["en", "es"]),
    split: z.enum(["dev", "heldout"]),
    stances: z.array(goldStance),
    negatives: z.array(goldNegative),
  })
  .strict();

export type GoldStance = z.infer<typeof goldStance>;
export type GoldFile = z.infer<typeof goldFile> & { file: string };

/** Where a phrase sits: 1-based line, 0-based columns of its first and last character + 1. */
export interface GoldSpan {
  line: number;
  columnStart: number;
  columnEnd: number;
}

export class GoldError extends Error {}

/** The phrase's position on its line; a phrase that is not on its line is an error in the gold file. */
export function locate(file: string, lines: string[], line: number, phrase: string): GoldSpan {
  const column = lines[line - 1]?.indexOf(phrase) ?? -1;
  if (column < 0) throw new GoldError(`${file}: phrase not found on line ${line}: "${phrase}"`);
  return { line, columnStart: column, columnEnd: column + phrase.length };
}

/** Every gold file in a folder, validated; errors name the file and the field. */
export function loadGold(folder: string): GoldFile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const file = join(folder, name);
      const parsed = goldFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (!parsed.success)
        throw new GoldError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return { ...parsed.data, file };
    });
}
