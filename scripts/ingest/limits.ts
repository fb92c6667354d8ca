/**
 * Limits that keep one hostile or broken file from stalling or crashing a run: a size limit, and a
 * nesting limit checked before the Markdown parser sees the text (its cost grows with the depth of
 * nested lists, quotes and brackets, and its tree walks overflow the stack at a few thousand levels).
 */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Deeper than any real article or note nests lists, quotes or link brackets. */
export const MAX_NESTING = 50;

/** More `*` and `_` than any real paragraph holds: the parser pairs them in time that grows with their square. */
export const MAX_EMPHASIS_MARKS = 5000;

export interface Nesting {
  depth: number;
  /** 1-based line where the depth is first reached. */
  line: number;
  what: "lists and quotes" | "brackets";
}

/** "52.4 MB", "812 kB", "97 bytes": sizes as a person reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

/** Reads "10MB", "500kB", "2048" (bytes) as a byte count; null when it is not one. */
export function parseBytes(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|m|mb|g|gb)?\s*$/i.exec(text);
  if (!match) return null;
  const unit = (match[2] ?? "b").toLowerCase()[0];
  const scale = unit === "g" ? 1024 ** 3 : unit === "m" ? 1024 ** 2 : unit === "k" ? 1024 : 1;
  const bytes = Math.floor(Number(match[1]) * scale);
  return bytes > 0 ? bytes : null;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * How many lists and block quotes a line opens or sits in: its leading markers, plus its indentation
 * before the first marker (two columns a level) when it opens a list item or quote. Indented text alone (a centred title) is no nesting.
 */
function containerDepth(line: string): number {
  let depth = 0;
  let column = 0;
  let indent = 0;
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === " " || char === "\t") {
      const width = char === "\t" ? 4 - (column % 4) : 1;
      column += width;
      if (depth === 0) indent += width;
      i++;
    } else if (char === ">") {
      depth++;
      column++;
      i++;
    } else {
      const marker = LIST_MARKER.exec(line.slice(i, i + 11));
      if (!marker) break;
      depth++;
      column += marker[0].length;
      i += marker[0].length;
    }
  }
  return depth === 0 ? 0 : depth + Math.floor(indent / 2);
}

/** The deepest nesting in a Markdown text: of lists and quotes on one line, and of open brackets within one paragraph. */
export function deepestNesting(text: string): Nesting {
  let deepest: Nesting = { depth: 0, line: 1, what: "lists and quotes" };
  let brackets = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    if (char === "\n" || i === text.length) {
      const content = text.slice(lineStart, i);
      const depth = content.trim() === "" ? 0 : containerDepth(content);
      if (content.trim() === "") brackets = 0;
      if (depth > deepest.depth) deepest = { depth, line, what: "lists and quotes" };
      line++;
      lineStart = i + 1;
    } else if (char === "\\" && text[i + 1] !== "\n") i++;
    else if (char === "[") {
      brackets++;
      if (brackets > deepest.depth) deepest = { depth: brackets, line, what: "brackets" };
    } else if (char === "]" && brackets > 0) brackets--;
  }
  return deepest;
}

/**
 * The paragraph with the most emphasis marks (`*`, `_`), and the line where it starts. Table rows
 * (lines with a `|`) are left out: their cells are parsed one by one.
 */
export function mostEmphasisMarks(text: string): { count: number; line: number } {
  let most = { count: 0, line: 1 };
  let count = 0;
  let start = 1;
  text.split("\n").forEach((content, i) => {
    if (content.trim() === "") {
      count = 0;
      start = i + 2;
      return;
    }
    if (content.includes("|")) return;
    for (const char of content) if (char === "*" || char === "_") count++;
    if (count > most.count) most = { count, line: start };
  });
  return most;
}
