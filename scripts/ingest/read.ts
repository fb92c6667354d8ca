import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Root as HastRoot, Element } from "hast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { detectLanguage, LANGUAGES, type Language } from "./language";
import { documentPath } from "./walk";

export type DocumentFormat = "txt" | "md" | "html";

export interface DocumentMetadata {
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  note: string | null;
}

export interface SourceDocument {
  path: string;
  slug: string;
  format: DocumentFormat;
  contentHash: string;
  /** The text line numbers refer to: the file itself, or for HTML its Markdown rendering. */
  text: string;
  /** Text for the block stage: front matter blanked out (so line numbers stay those of the file). */
  body: string;
  metadata: DocumentMetadata;
  /** The language its sentences are read in: front matter `lang`, else detected from the text. */
  lang: Language;
  langSource: "stated" | "detected";
}

export class DocumentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${problem}`);
    this.name = "DocumentError";
  }
}

/** File extensions read as documents, with the format each is read as. */
export const FORMATS: Record<string, DocumentFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
};

export const NO_METADATA: DocumentMetadata = { title: null, outlet: null, published: null, url: null, note: null };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");
const metadataFields = {
  title: z.string().min(1).nullable().optional(),
  outlet: z.string().min(1).nullable().optional(),
  published: isoDate.nullable().optional(),
  url: z.url({ message: "must be an absolute URL" }).nullable().optional(),
  note: z.string().nullable().optional(),
};
const frontMatterSchema = z
  .object({ ...metadataFields, lang: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(", ")}` }).optional() })
  .passthrough();
export const sourcesFileSchema = z
  .object({ $comment: z.string().optional(), documents: z.record(z.string(), z.object(metadataFields).strict()) })
  .strict();
export type SourcesFile = z.infer<typeof sourcesFileSchema>;

function zodProblem(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`).join("; ");
}

function withDefaults(fields: Partial<Record<keyof DocumentMetadata, string | null | undefined>>): DocumentMetadata {
  return {
    title: fields.title ?? null,
    outlet: fields.outlet ?? null,
    published: fields.published ?? null,
    url: fields.url ?? null,
    note: fields.note ?? null,
  };
}

export function loadSources(file: string): SourcesFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { documents: {} };
    throw new DocumentError(file, null, code ? `cannot read (${code})` : `not valid JSON: ${(err as Error).message}`);
  }
  const parsed = sourcesFileSchema.safeParse(raw);
  if (!parsed.success) throw new DocumentError(file, null, `invalid sources file: ${zodProblem(parsed.error)}`);
  return parsed.data;
}

function decodeUtf8(file: string, bytes: Buffer): string {
  if (bytes.includes(0)) throw new DocumentError(file, null, "binary file (contains NUL bytes), not a text document");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    const text = bytes.toString("utf8");
    const line = text.slice(0, text.indexOf("\uFFFD")).split("\n").length;
    throw new DocumentError(file, line, "not valid UTF-8 text (save it as UTF-8)");
  }
}

/** Front matter (`---` … `---` at the top) as metadata; its lines become blank so numbering is kept. */
function splitFrontMatter(file: string, text: string): { body: string; fields: DocumentMetadata | null; lang: Language | null } {
  const lines = text.split("\n");
  if (lines[0]?.trim() !== "---") return { body: text, fields: null, lang: null };
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (close < 0) throw new DocumentError(file, 1, "front matter opened with --- is never closed");
  let raw: unknown;
  try {
    raw = parseYaml(lines.slice(1, close).join("\n")) ?? {};
  } catch (err) {
    throw new DocumentError(file, 2, `front matter is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const normalized =
    raw && typeof raw === "object" && (raw as { published?: unknown }).published instanceof Date
      ? { ...raw, published: ((raw as { published: Date }).published).toISOString().slice(0, 10) }
      : raw;
  const parsed = frontMatterSchema.safeParse(normalized);
  if (!parsed.success) throw new DocumentError(file, 1, `front matter: ${zodProblem(parsed.error)}`);
  return {
    body: [...lines.slice(0, close + 1).map(() => ""), ...lines.slice(close + 1)].join("\n"),
    fields: withDefaults(parsed.data),
    lang: parsed.data.lang ?? null,
  };
}

function attribute(node: Element, name: string): string | null {
  const value = node.properties?.[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(" ") : null;
}

/** What a saved web page states about itself: <title>, og:site_name, article:published_time, canonical URL. */
function htmlMetadata(tree: HastRoot): DocumentMetadata {
  const found: Partial<Record<keyof DocumentMetadata, string>> = {};
  const visit = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "title" && !found.title) {
        const text = child.children.map((c) => (c.type === "text" ? c.value : "")).join("").trim();
        if (text) found.title = text;
      } else if (child.tagName === "meta") {
        const key = attribute(child, "property") ?? attribute(child, "name");
        const content = attribute(child, "content");
        if (!content) continue;
        if (key === "og:title") found.title ??= content;
        if (key === "og:site_name") found.outlet ??= content;
        if (key === "article:published_time" || key === "date") {
          const date = content.slice(0, 10);
          if (/^\d{4}-\d{2}-\d{2}$/.test(date)) found.published ??= date;
        }
        if (key === "og:url") found.url ??= content;
      } else if (child.tagName === "link" && attribute(child, "rel") === "canonical") {
        found.url ??= attribute(child, "href") ?? undefined;
      }
      visit(child);
    }
  };
  visit(tree);
  return withDefaults(found);
}

/** The page's own <html lang>, when it is one of the languages Parallax reads. */
function htmlLanguage(tree: HastRoot): Language | null {
  const html = tree.children.find((node): node is Element => node.type === "element" && node.tagName === "html");
  const value = html ? attribute(html, "lang")?.slice(0, 2).toLowerCase() : undefined;
  return (LANGUAGES as readonly string[]).includes(value ?? "") ? (value as Language) : null;
}

const htmlToMarkdown = unified().use(rehypeParse).use(rehypeRemark).use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, { bullet: "-" });

export function readDocument(file: string, sources: SourcesFile, root = process.cwd()): SourceDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new DocumentError(file, null, `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const name = basename(file);
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) throw new DocumentError(file, null, `unsupported file type "${extname(file)}"`);
  const decoded = decodeUtf8(file, bytes);
  if (decoded.trim() === "") throw new DocumentError(file, null, "empty document");
  const listed = sources.documents[name];
  const slug = name.slice(0, name.length - extname(name).length);
  const contentHash = createHash("sha256").update(bytes).digest("hex");
  const path = documentPath(file, root);

  if (format === "html") {
    const tree = unified().use(rehypeParse).parse(decoded) as HastRoot;
    const text = String(htmlToMarkdown.processSync(decoded));
    if (text.trim() === "") throw new DocumentError(file, null, "the page has no readable text");
    const lang = htmlLanguage(tree);
    return {
      path,
      slug,
      format,
      contentHash,
      text,
      body: text,
      metadata: listed ? withDefaults(listed) : htmlMetadata(tree),
      lang: lang ?? detectLanguage(text),
      langSource: lang ? "stated" : "detected",
    };
  }
  const { body, fields, lang } = format === "md" ? splitFrontMatter(file, decoded) : { body: decoded, fields: null, lang: null };
  return {
    path,
    slug,
    format,
    contentHash,
    text: decoded,
    body,
    metadata: listed ? withDefaults(listed) : (fields ?? NO_METADATA),
    lang: lang ?? detectLanguage(body),
    langSource: lang ? "stated" : "detected",
  };
}
