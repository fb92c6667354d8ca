import { normalizeDate } from "../dates";
import { DocumentError, type FormatReading, type StatedMetadata } from "./document";
import { convertDocx, type DocxConversion } from "./convert";
import { htmlToMarkdown } from "./markdown";

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function coreProperty(core: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(core);
  const value = match?.[1]?.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? "").trim();
  return value || undefined;
}

/** Title, author and creation date from the core properties Word saves with the document. */
function coreMetadata(core: string | null): StatedMetadata {
  if (!core) return {};
  const created = coreProperty(core, "dcterms:created");
  const date = created ? normalizeDate(created) : null;
  return {
    title: coreProperty(core, "dc:title"),
    author: coreProperty(core, "dc:creator"),
    published: date ? { date, evidence: "Word core property “created”" } : undefined,
  };
}

/** A Word file: converted by mammoth to HTML and then to Markdown, so its headings, lists and tables read like Markdown ones. */
export function readDocx(file: string, bytes: Buffer): FormatReading {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new DocumentError(file, null, "not a Word .docx file (not a ZIP package)");
  let conversion: DocxConversion;
  try {
    conversion = convertDocx(file, new Uint8Array(bytes));
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    throw new DocumentError(file, null, `cannot read this Word file (${(err as Error).message})`);
  }
  const markdown = htmlToMarkdown(conversion.html);
  if (markdown.trim() === "") throw new DocumentError(file, null, "the Word file has no text");
  return { text: markdown, body: markdown, stated: coreMetadata(conversion.core), lang: null, pageLines: null, warnings: [] };
}
