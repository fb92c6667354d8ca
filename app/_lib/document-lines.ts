/**
 * How a document's lines read: Markdown blocks (front matter, headings, bullets, quotes, rules) and, in
 * Markdown files, bold and italic spans. The source view draws each line as its reader knows it while the
 * line keeps its number and every stance keeps its columns, which count the line's raw characters.
 */

export type LineBlock =
  | { kind: "text" }
  | { kind: "heading"; level: number; start: number; end: number }
  | { kind: "bullet"; marker: string; start: number }
  | { kind: "quote"; start: number }
  | { kind: "rule" };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const CLOSING_HASHES = /[ \t]+#+[ \t]*$|[ \t]+$/;
const BULLET = /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+(?=\S)/;
const QUOTE = /^ {0,3}> ?/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The block a line opens, by CommonMark's line rules (ATX headings, list markers, block quotes, thematic breaks). */
export function lineBlock(text: string): LineBlock {
  const heading = HEADING.exec(text);
  if (heading) {
    const start = heading[0].length;
    const closing = CLOSING_HASHES.exec(text.slice(start));
    return { kind: "heading", level: heading[1]?.length ?? 1, start, end: closing ? start + closing.index : text.length };
  }
  if (RULE.test(text)) return { kind: "rule" };
  const bullet = BULLET.exec(text);
  if (bullet) {
    const marker = bullet[1] ?? "-";
    return { kind: "bullet", marker: /^\d/.test(marker) ? marker : "•", start: bullet[0].length };
  }
  const quote = QUOTE.exec(text);
  if (quote) return { kind: "quote", start: quote[0].length };
  return { kind: "text" };
}

/** The number of lines a Markdown file's front matter takes (its two `---` fences included); 0 when it has none. */
export function frontMatterLength(lines: readonly string[]): number {
  if (lines[0]?.trim() !== "---") return 0;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i] ?? "")) return i + 1;
  return 0;
}

/** A front matter line as a name and its value ("title", "Petro in Washington"); a continuation line has no name. */
export function frontMatterField(text: string): { name: string | null; value: string } {
  const field = /^([A-Za-z_][\w-]*):\s?(.*)$/.exec(text);
  if (!field) return { name: null, value: text.trim() };
  const value = (field[2] ?? "").trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return { name: field[1] ?? "", value: quoted ? (quoted[2] ?? "") : value };
}

/** Heading levels as the page's own: the document's distinct levels become h2, h3, … in order, with no level skipped. */
export function headingLevels(levels: Iterable<number>): Map<number, number> {
  const distinct = [...new Set(levels)].sort((a, b) => a - b);
  return new Map(distinct.map((level, rank) => [level, Math.min(6, 2 + rank)]));
}

export interface Span {
  start: number;
  end: number;
}

export interface InlineMarkup {
  /** Marker characters (`**`, `*`) not shown. */
  hidden: Span[];
  strong: Span[];
  em: Span[];
}

const STRONG = /\*\*(?=\S)(.+?)(?<=\S)\*\*/g;
const EM = /(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*\w])/g;

/** Bold (`**…**`) and italic (`*…*`) spans of a Markdown line, from `from` on; underscores are left as written. */
export function inlineMarkup(text: string, from = 0): InlineMarkup {
  const markup: InlineMarkup = { hidden: [], strong: [], em: [] };
  const taken: Span[] = [];
  for (const match of text.slice(from).matchAll(STRONG)) {
    const start = from + (match.index ?? 0);
    const end = start + match[0].length;
    markup.hidden.push({ start, end: start + 2 }, { start: end - 2, end });
    markup.strong.push({ start: start + 2, end: end - 2 });
    taken.push({ start, end });
  }
  // Single stars inside a bold span's markers are the bold's own; elsewhere they mark italics.
  const chars = text.split("");
  for (const span of taken) for (const at of [span.start, span.start + 1, span.end - 2, span.end - 1]) chars[at] = " ";
  const blanked = chars.join("");
  for (const match of blanked.slice(from).matchAll(EM)) {
    const start = from + (match.index ?? 0);
    const end = start + match[0].length;
    markup.hidden.push({ start, end: start + 1 }, { start: end - 1, end });
    markup.em.push({ start: start + 1, end: end - 1 });
  }
  const byStart = (a: Span, b: Span) => a.start - b.start;
  markup.hidden.sort(byStart);
  markup.strong.sort(byStart);
  markup.em.sort(byStart);
  return markup;
}

export interface Piece extends Span {
  /** Index of the stance this piece belongs to, or -1. */
  stance: number;
  strong: boolean;
  em: boolean;
}

const inside = (spans: readonly Span[], at: number) => spans.some((s) => s.start <= at && at < s.end);

/**
 * A line cut where any stance, markup or hidden span starts or ends: the pieces to draw, in order, each in
 * at most one stance. Stances must not overlap; a line holds a handful of spans, so this is linear in the line.
 */
export function linePieces(stances: readonly Span[], markup: InlineMarkup, visibleFrom: number, visibleTo: number): Piece[] {
  const cuts = new Set<number>([visibleFrom, visibleTo]);
  for (const span of [...stances, ...markup.hidden, ...markup.strong, ...markup.em]) {
    if (span.start > visibleFrom && span.start < visibleTo) cuts.add(span.start);
    if (span.end > visibleFrom && span.end < visibleTo) cuts.add(span.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    if (start >= end || inside(markup.hidden, start)) continue;
    const piece = { start, end, stance: stances.findIndex((s) => s.start <= start && start < s.end), strong: inside(markup.strong, start), em: inside(markup.em, start) };
    const last = pieces[pieces.length - 1];
    if (last && last.end === start && last.stance === piece.stance && last.strong === piece.strong && last.em === piece.em) last.end = end;
    else pieces.push(piece);
  }
  return pieces;
}
