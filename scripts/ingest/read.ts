import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { z } from "zod";
import { detectLanguage } from "./language";
import { decodeText } from "./read/decode";
import { DocumentError, type DocumentFormat, type FormatReading, type SourceDocument } from "./read/document";
import { readDocx } from "./read/docx";
import { readHtml } from "./read/html";
import { resolveMetadata } from "./read/metadata";
import { readPdf } from "./read/pdf";
import { readText } from "./read/text";
import { documentPath } from "./walk";

export { DocumentError, type DocumentFormat, type DocumentMetadata, type SourceDocument } from "./read/document";

/** File extensions read as documents, with the format each is read as. */
export const FORMATS: Record<string, DocumentFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};
/** The accepted extensions, for messages: ".txt, .text, .md, …". */
export const DOCUMENT_EXTENSIONS = Object.keys(FORMATS).join(", ");

const sourceEntrySchema = z
  .object({
    title: z.string().min(1).nullable().optional(),
    outlet: z.string().min(1).nullable().optional(),
    author: z.string().min(1).nullable().optional(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD").nullable().optional(),
    url: z.string().nullable().optional(),
    note: z.string().nullable().optional(),
  })
  .strict();
export const sourcesFileSchema = z
  .object({ $comment: z.string().optional(), documents: z.record(z.string(), sourceEntrySchema) })
  .strict();
export type SourcesFile = z.infer<typeof sourcesFileSchema>;

function zodProblem(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`).join("; ");
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

function readFormat(file: string, format: DocumentFormat, bytes: Buffer): FormatReading {
  if (format === "pdf") return readPdf(file, bytes);
  if (format === "docx") return readDocx(file, bytes);
  const { text, warnings } = decodeText(file, bytes);
  const reading = format === "html" ? readHtml(file, text) : readText(file, text, format);
  return { ...reading, warnings: [...warnings, ...reading.warnings] };
}

/** A file as it is known before it is read: its stored path, its name (the slug) and its format. */
export function documentFile(file: string, root = process.cwd()): { path: string; name: string; slug: string; format: DocumentFormat } {
  const name = basename(file);
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) throw new DocumentError(file, null, `unsupported file type "${extname(file)}": use ${DOCUMENT_EXTENSIONS}`);
  return { path: documentPath(file, root), name, slug: name.slice(0, name.length - extname(name).length), format };
}

/** A document file's bytes, unread as text. */
export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new DocumentError(file, null, `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/**
 * One document file → its text, metadata and language. Text is NFC-normalised (decomposed accents
 * would not match the codebook), so line and column offsets refer to the stored text.
 */
export function readDocument(file: string, sources: SourcesFile, root = process.cwd(), bytes = readBytes(file)): SourceDocument {
  const { path, name, slug, format } = documentFile(file, root);
  if (bytes.length === 0) throw new DocumentError(file, null, "empty file");
  const reading = readFormat(file, format, bytes);
  const text = reading.text.normalize("NFC");
  const body = reading.body.normalize("NFC");
  const { metadata, warnings } = resolveMetadata(reading.stated, sources.documents[name], body);
  return {
    path,
    slug,
    format,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
    text,
    body,
    metadata,
    lang: reading.lang ?? detectLanguage(body),
    langSource: reading.lang ? "stated" : "detected",
    pageLines: reading.pageLines,
    warnings: [...reading.warnings, ...warnings],
  };
}
