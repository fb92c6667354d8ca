import { describe, expect, it } from "vitest";
import type { SourceSpan } from "../../scripts/ingest/parse";
import { SpanIndex, spansOverlap, trimClause } from "../../scripts/ingest/span";

const span = (lineStart: number, columnStart: number, lineEnd: number, columnEnd: number): SourceSpan => ({
  text: "",
  lineStart,
  columnStart,
  lineEnd,
  columnEnd,
});

// The index must answer exactly as checking every span with spansOverlap would (a 1 MB document spent most of its ingest doing that).
describe("SpanIndex", () => {
  const filed = [span(1, 0, 1, 10), span(3, 5, 6, 2), span(8, 0, 8, 4)];
  const index = new SpanIndex(filed);
  it.each([
    ["inside one line", span(1, 2, 1, 4), true],
    ["touching the end of a span", span(1, 10, 1, 20), false],
    ["ending where a span starts", span(3, 0, 3, 5), false],
    ["on a middle line of a long span", span(4, 0, 4, 1), true],
    ["starting on the last line of a long span, after it ends", span(6, 2, 7, 0), false],
    ["spanning lines around a short span", span(7, 0, 9, 0), true],
    ["on a line with no span", span(2, 0, 2, 50), false],
    ["an empty span inside a span", span(8, 2, 8, 2), true],
  ])("%s", (_name, query, expected) => {
    expect(index.overlaps(query)).toBe(expected);
    expect(filed.some((f) => spansOverlap(f, query))).toBe(expected);
  });
});

describe("trimClause", () => {
  it.each([
    ["  Petro said the flights must stop. ", "Petro said the flights must stop"],
    ["relations with the U.S.", "relations with the U.S."],
    ["los vuelos de EE. UU.", "los vuelos de EE. UU."],
    // A coordinator left where the next clause was cut off goes with it.
    ["debe pasar por una negociación, mientras que", "debe pasar por una negociación"],
    ["the ministry will keep importing gas, and", "the ministry will keep importing gas"],
    ["pidió diálogo pero", "pidió diálogo"],
    // A word that only ends like one stays.
    ["impuso aranceles a la soya", "impuso aranceles a la soya"],
    ["they met in Lima, Peru", "they met in Lima, Peru"],
  ])("%j → %j", (text, expected) => {
    const [start, end] = trimClause(text, 0, text.length);
    expect(text.slice(start, end)).toBe(expected);
  });
});
