import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { LANGUAGES, type Language } from "../language";
import { DocumentError, type FormatReading, type StatedMetadata } from "./document";

const frontMatterSchema = z
  .object({
    title: z.string().min(1).nullable().optional(),
    outlet: z.string().min(1).nullable().optional(),
    author: z.string().min(1).nullable().optional(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD").nullable().optional(),
    url: z.string().nullable().optional(),
    note: z.string().nullable().optional(),
    lang: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(", ")}` }).optional(),
  })
  .passthrough();

/** "By Ana Ruiz and Tomás Gil" / "Por Ana Ruiz" alone on one of the first lines. */
const BYLINE = /^\s*(?:By|Por)\s+(\p{Lu}[\p{L}.'’-]*(?:(?:\s+|,\s*|\s+(?:and|y|&)\s+)\p{Lu}[\p{L}.'’-]*){0,11})\s*$/u;
const BYLINE_LINES = 6;

function zodProblem(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`).join("; ");
}

/** The author named in a byline among the first lines of a plain-text article. */
function findByline(text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
  for (const line of lines.slice(0, BYLINE_LINES)) {
    const match = BYLINE.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** Front matter (`---` … `---` at the top) as metadata; its lines become blank so numbering is kept. */
function splitFrontMatter(file: string, text: string): { body: string; stated: StatedMetadata; lang: Language | null } {
  const lines = text.split("\n");
  if (lines[0]?.trim() !== "---") return { body: text, stated: {}, lang: null };
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (close < 0) throw new DocumentError(file, 1, "front matter opened with --- is never closed");
  let raw: unknown;
  try {
    raw = parseYaml(lines.slice(1, close).join("\n")) ?? {};
  } catch (err) {
    throw new DocumentError(file, 2, `front matter is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  // YAML reads an unquoted 2026-02-05 as a date, and an unquoted address as a string.
  const normalized =
    raw && typeof raw === "object" && (raw as { published?: unknown }).published instanceof Date
      ? { ...raw, published: (raw as { published: Date }).published.toISOString().slice(0, 10) }
      : raw;
  const parsed = frontMatterSchema.safeParse(normalized);
  if (!parsed.success) throw new DocumentError(file, 1, `front matter: ${zodProblem(parsed.error)}`);
  const fields = parsed.data;
  const stated: StatedMetadata = {
    title: fields.title ?? undefined,
    outlet: fields.outlet ?? undefined,
    author: fields.author ?? undefined,
    published: fields.published ? { date: fields.published, evidence: "front matter “published”" } : undefined,
    url: fields.url ? { value: fields.url, evidence: "front matter “url”" } : undefined,
  };
  return {
    body: [...lines.slice(0, close + 1).map(() => ""), ...lines.slice(close + 1)].join("\n"),
    stated,
    lang: fields.lang ?? null,
  };
}

/** A plain-text article or Markdown notes: the file's own text, line for line. */
export function readText(file: string, text: string, format: "txt" | "md"): FormatReading {
  const { body, stated, lang } = format === "md" ? splitFrontMatter(file, text) : { body: text, stated: {}, lang: null };
  const author = stated.author ?? findByline(body);
  return { text, body, stated: { ...stated, author }, lang, pageLines: null, warnings: [] };
}
