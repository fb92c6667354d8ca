import { MARK_END, MARK_START } from "@/db/search-query";

export interface MarkedSegment {
  text: string;
  marked: boolean;
}

/**
 * A snippet as plain and marked runs of text, so the page renders matched words as <mark> elements and
 * everything else as text: no part of a document is ever read as HTML. A marker without its pair is dropped.
 */
export function markedSegments(snippet: string): MarkedSegment[] {
  const segments: MarkedSegment[] = [];
  let marked = false;
  let run = "";
  const flush = () => {
    if (run) segments.push({ text: run, marked });
    run = "";
  };
  for (const char of snippet) {
    if (char === MARK_START && !marked) {
      flush();
      marked = true;
    } else if (char === MARK_END && marked) {
      flush();
      marked = false;
    } else if (char !== MARK_START && char !== MARK_END) run += char;
  }
  if (marked) {
    // An unclosed mark is text like the rest.
    segments.push({ text: run, marked: false });
    return segments.filter((s) => s.text);
  }
  flush();
  return segments;
}
