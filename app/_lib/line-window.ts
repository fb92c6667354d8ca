/**
 * Long documents are shown a window of lines at a time, so the source view renders in time proportional
 * to the window, not the document. Windows start on a fixed grid (1, 501, 1001, …) for links that
 * name a line; `?from=` may start one anywhere.
 */
export const LINE_WINDOW = 500;

/** The window's first line for a link to `line`: the grid window that holds it. */
export function windowStartFor(line: number): number {
  return Math.floor((Math.max(1, line) - 1) / LINE_WINDOW) * LINE_WINDOW + 1;
}

export interface LineWindow {
  from: number;
  to: number;
  lineCount: number;
  /** True when the window is not the whole document. */
  partial: boolean;
  previous: number | null;
  next: number | null;
}

/** The lines to show for `?from=` (a line number; anything else means the start). */
export function lineWindow(from: number | null, lineCount: number): LineWindow {
  const start = from !== null && from >= 1 && from <= lineCount ? from : 1;
  const to = Math.min(lineCount, start + LINE_WINDOW - 1);
  return {
    from: start,
    to,
    lineCount,
    partial: start > 1 || to < lineCount,
    previous: start > 1 ? Math.max(1, start - LINE_WINDOW) : null,
    next: to < lineCount ? to + 1 : null,
  };
}

/** `?from=` as a line number, or null with the reason it was ignored. */
export function parseFrom(value: string | string[] | undefined, lineCount: number): { from: number | null; ignored: string | null } {
  if (value === undefined) return { from: null, ignored: null };
  const text = Array.isArray(value) ? (value[0] ?? "") : value;
  const line = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (Array.isArray(value) && value.length > 1) return { from: line >= 1 && line <= lineCount ? line : null, ignored: `from=${value.slice(1).join(",")}` };
  return line >= 1 && line <= lineCount ? { from: line, ignored: null } : { from: null, ignored: `from=${text}` };
}

/** The address of a line in the source view: its window's `?from=` when it is past the first window, then `#L…`. */
export function linePath(documentPath: string, line: number): string {
  const from = windowStartFor(line);
  return `${documentPath}${from > 1 ? `?from=${from}` : ""}#L${line}`;
}
