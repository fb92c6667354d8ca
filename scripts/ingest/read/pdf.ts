import { normalizeDate } from "../dates";
import type { IngestNote } from "../stance";
import { DocumentError, type FormatReading, type StatedMetadata } from "./document";
import { convertPdf, type PdfConversion, type PdfTextItem } from "./convert";
import { layoutTable, type TableRegion } from "./pdf-table";

/** One visual line of a page: items on one baseline, left to right. */
export interface PdfLine {
  items: PdfTextItem[];
  y: number;
  x0: number;
  x1: number;
  size: number;
  /** Runs of items separated by a gap wider than a word space: the cells of a table row. */
  segments: { text: string; x0: number; x1: number }[];
}

const BULLET = /^[•◦▪▫‣●○■□·∙–-]\s*/;
const DASH = /^[–-]\s/;
const BULLET_GLYPH = /^\s*[•◦▪▫‣●○■□·∙–-]\s*$/;
const ORDERED = /^\d{1,3}[.)]\s+/;
/** A Markdown block marker at the start of a wrapped line would split its paragraph: such lines are indented past it. */
const BLOCK_MARKER = /^(?:[-+*>#|]|\d{1,9}[.)])(?:\s|$)/;
const PAGE_NUMBER = /^(?:(?:page|página|pág\.?)\s*)?\d{1,4}(?:\s*(?:of|de|\/)\s*\d{1,4})?$/i;

function joinItems(items: PdfTextItem[]): string {
  let out = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const gap = item.x - end;
    if (out && gap > item.fontSize * 0.15 && !/\s$/.test(out) && !/^\s/.test(item.str)) out += " ";
    out += item.str;
    end = item.x + item.width;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** Items grouped into lines by baseline (top of the page first), each split into segments at wide gaps. */
export function pageLines(items: PdfTextItem[]): PdfLine[] {
  const visible = items.filter((item) => item.str.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of visible) {
    const group = groups[groups.length - 1];
    const first = group?.[0];
    if (group && first && Math.abs(first.y - item.y) <= Math.max(first.fontSize, item.fontSize) * 0.35) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const sorted = [...group].sort((a, b) => a.x - b.x);
    const size = Math.max(...sorted.map((item) => item.fontSize));
    const segments: PdfLine["segments"] = [];
    let run: PdfTextItem[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const last = run[run.length - 1] as PdfTextItem;
      segments.push({ text: joinItems(run), x0: (run[0] as PdfTextItem).x, x1: last.x + last.width });
      run = [];
    };
    for (const item of sorted) {
      const previous = run[run.length - 1];
      // A bullet glyph sits apart from its text, but it is not a table cell.
      const afterBullet = run.length === 1 && BULLET_GLYPH.test(previous?.str ?? "");
      if (previous && !afterBullet && item.x - (previous.x + previous.width) > size * 0.8) flush();
      run.push(item);
    }
    flush();
    return {
      items: sorted,
      y: (sorted[0] as PdfTextItem).y,
      x0: segments[0]?.x0 ?? 0,
      x1: segments[segments.length - 1]?.x1 ?? 0,
      size,
      segments,
    };
  });
}

const mode = (values: number[], fallback: number): number => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount || (n === bestCount && v < best)) [best, bestCount] = [v, n];
  return best;
};
const round = (n: number) => Math.round(n * 2) / 2;

interface Layout {
  bodySize: number;
  leading: number;
  left: number;
  right: number;
  headingSizes: number[];
}

/** The body text's size, line spacing and margins, and the larger sizes that mark headings. */
function measure(pages: PdfLine[][]): Layout {
  const lines = pages.flat();
  const sizes = lines.flatMap((line) => line.items.flatMap((item) => Array(item.str.length).fill(round(item.fontSize)) as number[]));
  const bodySize = mode(sizes, 12);
  const body = pages.map((page) => page.filter((line) => Math.abs(line.size - bodySize) < 0.6));
  const gaps = body.flatMap((page) => page.slice(1).map((line, i) => round((page[i] as PdfLine).y - line.y)).filter((g) => g > 0));
  const leading = mode(gaps.filter((g) => g >= bodySize * 0.9 && g <= bodySize * 2), bodySize * 1.2);
  const bodyLines = body.flat();
  const left = mode(bodyLines.map((line) => round(line.x0)), 0);
  const right = Math.max(0, ...bodyLines.map((line) => line.x1));
  const headingSizes = [...new Set(lines.map((line) => round(line.size)).filter((s) => s >= bodySize * 1.15))].sort((a, b) => b - a);
  return { bodySize, leading, left, right, headingSizes };
}

/** One page as Markdown-ish lines: headings, paragraphs (blank line between, none inside), lists and pipe tables. */
function renderPage(lines: PdfLine[], layout: Layout, tables: TableRegion[]): string[] {
  const out: string[] = [];
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };
  type Previous = { line: PdfLine; kind: "heading" | "text" | "list"; listIndent: number };
  let previous = null as Previous | null;
  for (let i = 0; i < lines.length; i++) {
    const table = tables.find((t) => t.start === i);
    if (table) {
      blank();
      out.push(...table.markdown);
      out.push("");
      previous = null;
      i = table.end - 1;
      continue;
    }
    const line = lines[i] as PdfLine;
    const text = line.segments.map((s) => s.text).join(" ");
    const headingLevel = layout.headingSizes.indexOf(round(line.size));
    if (headingLevel >= 0) {
      const continues = previous?.kind === "heading" && round(previous.line.size) === round(line.size) && previous.line.y - line.y <= line.size * 1.6;
      if (continues) out[out.length - 1] += ` ${text}`;
      else {
        blank();
        out.push(`${"#".repeat(Math.min(headingLevel + 1, 3))} ${text}`);
      }
      previous = { line, kind: "heading", listIndent: 0 };
      continue;
    }
    const gap = previous ? previous.line.y - line.y : 0;
    // A dash opening a line that continues an unfinished sentence is punctuation, not a bullet.
    const continuesSentence =
      previous?.kind === "text" && gap <= layout.leading * 1.4 && !/[.!?:;]["”’)]*$/.test(previous.line.segments.map((s) => s.text).join(" "));
    const bullet = continuesSentence && DASH.test(text) ? null : BULLET.exec(text);
    const ordered = ORDERED.exec(text);
    if (bullet || ordered) {
      if (previous?.kind !== "list" || gap > layout.leading * 1.4) blank();
      out.push(bullet ? `- ${text.slice(bullet[0].length)}` : text);
      const textStart = line.items.find((item, k) => k > 0 || !BULLET.test(item.str.trim()))?.x ?? line.x0;
      previous = { line, kind: "list", listIndent: textStart };
      continue;
    }
    const before = previous;
    const previousText = before?.line.segments.map((s) => s.text).join(" ") ?? "";
    const wrapsList = before?.kind === "list" && Math.abs(line.x0 - before.listIndent) < layout.bodySize && gap <= layout.leading * 1.4;
    const newParagraph =
      !before ||
      before.kind === "heading" ||
      (before.kind === "list" && !wrapsList) ||
      gap > layout.leading * 1.4 ||
      Math.abs(line.size - before.line.size) > 0.6 ||
      line.x0 - layout.left > layout.bodySize * 1.5 ||
      (/[.!?:"”»]$/.test(previousText) && before.line.x1 < layout.left + (layout.right - layout.left) * 0.75);
    if (newParagraph && !wrapsList) blank();
    const indent = wrapsList ? "  " : !newParagraph && BLOCK_MARKER.test(text) ? "    " : "";
    out.push(indent + text);
    previous = { line, kind: wrapsList ? "list" : "text", listIndent: before?.listIndent ?? 0 };
  }
  while (out[out.length - 1] === "") out.pop();
  return out;
}

/** Running page numbers at the top or bottom of a page: not part of the text. */
function dropPageNumbers(lines: PdfLine[]): PdfLine[] {
  return lines.filter((line, i) => !((i === 0 || i === lines.length - 1) && PAGE_NUMBER.test(line.segments.map((s) => s.text).join(" "))));
}

/** Title, author and creation date from the PDF's information dictionary. */
function pdfMetadata(info: PdfConversion["info"]): StatedMetadata {
  const title = info.Title?.trim();
  const date = info.CreationDate ? normalizeDate(info.CreationDate) : null;
  return {
    // Word and other tools write the file name as the title ("Microsoft Word - brief.docx").
    title: title && !/\.(?:docx?|odt|pdf|rtf|txt)$/i.test(title) && !/^untitled$/i.test(title) ? title : undefined,
    author: info.Author?.trim() || undefined,
    published: date ? { date, evidence: "PDF metadata CreationDate" } : undefined,
  };
}

/**
 * A PDF as text: each page's lines in reading order, paragraphs re-joined (a blank line between
 * paragraphs, none inside one), headings from larger type, bullets as Markdown list items, and
 * tables rebuilt from text positions as pipe tables. `pageLines` says where each page starts.
 */
export function readPdf(file: string, bytes: Buffer): FormatReading {
  if (bytes.subarray(0, 1024).indexOf("%PDF-") < 0) throw new DocumentError(file, null, "not a PDF file (no %PDF- header)");
  let conversion: PdfConversion;
  try {
    conversion = convertPdf(file, new Uint8Array(bytes));
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    const { name, message } = err as Error;
    if (name === "PasswordException") throw new DocumentError(file, null, "password-protected PDF: save an unprotected copy");
    throw new DocumentError(file, null, `cannot read this PDF (${message})`);
  }
  const rendered = pdfText(conversion.pages);
  if (!rendered) throw new DocumentError(file, null, "no text layer (scanned?) — run OCR first");
  return { ...rendered, body: rendered.text, stated: pdfMetadata(conversion.info), lang: null };
}

/** Pure: a PDF's text items per page → its text, the line each page starts on, and pages without text; null when no page has text. */
export function pdfText(items: PdfTextItem[][]): { text: string; pageLines: number[]; warnings: IngestNote[] } | null {
  const pages = items.map((page) => dropPageNumbers(pageLines(page)));
  if (pages.every((lines) => lines.length === 0)) return null;
  const layout = measure(pages);
  const warnings: IngestNote[] = [];
  const text: string[] = [];
  const starts: number[] = [];
  pages.forEach((lines, p) => {
    if (text.length > 0) text.push("");
    starts.push(text.length + 1);
    if (lines.length === 0) {
      warnings.push({ line: text.length + 1, message: `page ${p + 1} has no text layer (scanned?); its text is missing — run OCR first` });
      text.push("");
      return;
    }
    const tables = layoutTable(lines, layout.bodySize);
    text.push(...renderPage(lines, layout, tables));
  });
  return { text: `${text.join("\n")}\n`, pageLines: starts, warnings };
}
