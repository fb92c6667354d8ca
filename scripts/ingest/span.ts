import type { SourceSpan } from "./parse";

/** The part of `span` from `start` to `end` (offsets into span.text), with its own lines and columns. */
export function subSpan(span: SourceSpan, start: number, end: number): SourceSpan {
  const locate = (offset: number) => {
    const before = span.text.slice(0, offset);
    const newlines = before.split("\n").length - 1;
    const column = newlines === 0 ? span.columnStart + offset : offset - before.lastIndexOf("\n") - 1;
    return { line: span.lineStart + newlines, column };
  };
  const from = locate(start);
  const to = locate(end);
  return {
    text: span.text.slice(start, end),
    lineStart: from.line,
    lineEnd: to.line,
    columnStart: from.column,
    columnEnd: to.column,
  };
}

const ABBREVIATION_END = /(?:^|[\s.])\p{Lu}{1,2}\.$/u;

/** A coordinator left dangling at a clause's end, where the next clause was cut off ("…, mientras que"). */
const DANGLING_COORDINATOR = /[\s,;](?:and|but|or|while|whereas|y|e|o|pero|sino|aunque|mientras(?: que)?|en tanto que)$/iu;

/**
 * Narrows [start, end) to a clause: no surrounding white space, no trailing ";" "," ":", no dangling
 * coordinator, and no sentence-final "." — but the "." of an abbreviation such as "U.S." or "EE. UU." stays.
 */
export function trimClause(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  for (;;) {
    const last = text[e - 1];
    if (e <= s) break;
    // The longest coordinator with its space is 14 characters: the clause's tail is enough to look at.
    const dangling = DANGLING_COORDINATOR.exec(text.slice(Math.max(s, e - 16), e));
    if (last !== undefined && /[\s;,:]/.test(last)) e--;
    else if (last === "." && !ABBREVIATION_END.test(text.slice(s, e))) e--;
    else if (dangling) e -= dangling[0].length - 1;
    else break;
  }
  return [s, e];
}

/** True when two spans of the same document share at least one character. */
export function spansOverlap(a: SourceSpan, b: SourceSpan): boolean {
  const before = (line: number, column: number, otherLine: number, otherColumn: number) =>
    line < otherLine || (line === otherLine && column <= otherColumn);
  // a ends at or before b starts, or b ends at or before a starts → no shared character.
  return !(before(a.lineEnd, a.columnEnd, b.lineStart, b.columnStart) || before(b.lineEnd, b.columnEnd, a.lineStart, a.columnStart));
}

/**
 * Spans of one document, filed by line, so finding those that share a character with a span
 * checks the spans on its lines only, not every span (a long document has tens of thousands).
 * Spans that share a character share a line, so nothing is missed.
 */
export class SpanIndex {
  private readonly byLine = new Map<number, SourceSpan[]>();

  constructor(spans: Iterable<SourceSpan> = []) {
    for (const span of spans) this.add(span);
  }

  add(span: SourceSpan): void {
    for (let line = span.lineStart; line <= span.lineEnd; line++) {
      const here = this.byLine.get(line);
      if (here) here.push(span);
      else this.byLine.set(line, [span]);
    }
  }

  /** Whether any span filed here shares a character with `span`. */
  overlaps(span: SourceSpan): boolean {
    for (let line = span.lineStart; line <= span.lineEnd; line++) {
      for (const filed of this.byLine.get(line) ?? []) if (spansOverlap(filed, span)) return true;
    }
    return false;
  }
}
