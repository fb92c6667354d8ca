/**
 * Block normalisation. Plain-text articles put one paragraph per line with no blank lines, so
 * CommonMark reads everything after a bullet as a lazy continuation of that bullet and finds no
 * tables at all. We insert blank lines between blocks of different kinds (and, for plain text,
 * between paragraphs), keeping table rows and list runs together, and keep a map from each
 * normalised line back to its original line number.
 */
export type LineKind = "blank" | "table" | "list" | "text";

export interface NormalizedText {
  text: string;
  /** originalLine[i] is the 1-based original line of normalised line i + 1; 0 for inserted blanks. */
  originalLine: number[];
}

const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const TABLE_ROW = /^ {0,3}\|/;
/** A GFM delimiter row, with or without outer pipes: "|---|:--:|", "--- | ---". */
const DELIMITER_ROW = /^ {0,3}(?:\|? *:?-+:? *\|(?: *:?-+:? *\|?)*|\|? *:?-+:? *(?:\| *:?-+:? *)+\|?) *$/;

/**
 * A line's block kind. Table rows need not start with a pipe (GFM): a line with a pipe opens a
 * table when a delimiter row follows it, and continues one while it has a pipe.
 */
export function classifyLine(line: string, previous: LineKind, next = ""): LineKind {
  if (line.trim() === "") return "blank";
  if (TABLE_ROW.test(line)) return "table";
  if (line.includes("|") && DELIMITER_ROW.test(next)) return "table";
  if (LIST_ITEM.test(line)) return "list";
  if (line.includes("|") && previous === "table") return "table";
  // An indented line under a list item continues it.
  if (/^\s{2,}\S/.test(line) && previous === "list") return "list";
  return "text";
}

export function normalizeBlocks(source: string, format: "txt" | "md"): NormalizedText {
  const lines = source.split(/\r\n|\r|\n/);
  const out: string[] = [];
  const originalLine: number[] = [];
  let previous: LineKind = "blank";
  lines.forEach((line, index) => {
    const kind = classifyLine(line, previous, lines[index + 1]);
    const boundary =
      kind !== "blank" &&
      previous !== "blank" &&
      (kind !== previous || (kind === "text" && format === "txt"));
    if (boundary) {
      out.push("");
      originalLine.push(0);
    }
    out.push(line);
    originalLine.push(index + 1);
    previous = kind;
  });
  // Nothing inserted and only "\n" line ends: the source itself, not a second copy of a long text kept while it is extracted.
  return { text: out.length === lines.length && !source.includes("\r") ? source : out.join("\n"), originalLine };
}
