/**
 * Long documents are shown a window of lines at a time, so the source view renders in time and bytes
 * proportional to the window, not the document. A document is cut into windows once, from its first line:
 * each takes lines until the next would make the page too heavy (a 10,000-row stance table's rows weigh
 * far more than lines of plain text) or it holds MOST_LINES lines. `?from=N` opens the window that holds line N.
 */

/** A window never holds more lines than this, however light they are. */
export const MOST_LINES = 500;
/** Every window holds at least this many lines (unless the document ends), so a link to one of them needs no `?from=`. */
export const FIRST_LINES = 20;
/** What a window's lines may weigh together: about the bytes of HTML they make (lineWeight). */
export const WINDOW_WEIGHT = 150_000;

/**
 * About the bytes of HTML a line makes: its text twice (in the markup and in React's payload, which repeats
 * it), the line's anchor and number, and each stance starting on it (its mark, its row in the stance index and their
 * payload: about 2.5 KB, measured on a 10,000-row stance table).
 */
export function lineWeight(chars: number, stances: number): number {
  return 2 * chars + 120 + 2_500 * stances;
}

/** What each line carries (index 0 is line 1): its characters and the stances that start on it. */
export interface LineSizes {
  chars: readonly number[];
  stances: readonly number[];
}

/** The first line of each window (1-based, ascending, starting with 1). */
export function windowStarts(sizes: LineSizes): number[] {
  const starts = [1];
  let lines = 0;
  let weight = 0;
  for (let i = 0; i < sizes.chars.length; i++) {
    const own = lineWeight(sizes.chars[i] ?? 0, sizes.stances[i] ?? 0);
    if (lines >= MOST_LINES || (lines >= FIRST_LINES && weight + own > WINDOW_WEIGHT)) {
      starts.push(i + 1);
      lines = 0;
      weight = 0;
    }
    lines++;
    weight += own;
  }
  return starts;
}

export interface LineWindow {
  from: number;
  to: number;
  lineCount: number;
  /** True when the window is not the whole document. */
  partial: boolean;
  /** The neighbouring windows: their first and last lines. */
  previous: { from: number; to: number } | null;
  next: { from: number; to: number } | null;
}

/** The window that holds line `line` (the first window for null). */
export function lineWindow(line: number | null, starts: readonly number[], lineCount: number): LineWindow {
  const at = Math.max(1, Math.min(lineCount, line ?? 1));
  // The last window starting at or before the line.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 1) <= at) low = middle;
    else high = middle - 1;
  }
  const window = (index: number) => {
    const from = starts[index];
    if (from === undefined || from > lineCount) return null;
    return { from, to: Math.min(lineCount, (starts[index + 1] ?? lineCount + 1) - 1) };
  };
  const own = window(low) ?? { from: 1, to: lineCount };
  return { ...own, lineCount, partial: own.from > 1 || own.to < lineCount, previous: low > 0 ? window(low - 1) : null, next: window(low + 1) };
}

/** `?from=` as a line number, or null with the reason it was ignored. */
export function parseFrom(value: string | string[] | undefined, lineCount: number): { from: number | null; ignored: string | null } {
  if (value === undefined) return { from: null, ignored: null };
  const text = Array.isArray(value) ? (value[0] ?? "") : value;
  const line = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (Array.isArray(value) && value.length > 1) return { from: line >= 1 && line <= lineCount ? line : null, ignored: `from=${value.slice(1).join(",")}` };
  return line >= 1 && line <= lineCount ? { from: line, ignored: null } : { from: null, ignored: `from=${text}` };
}

/** The address of a line in the source view: past the lines every first window holds, `?from=` opens the window that holds it. */
export function linePath(documentPath: string, line: number): string {
  return `${documentPath}${line > FIRST_LINES ? `?from=${line}` : ""}#L${line}`;
}
