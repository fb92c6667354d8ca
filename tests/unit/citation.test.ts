import { describe, expect, it } from "vitest";
import { citedLines, citedPlace, formatCitation } from "../../db/citation";

const pdf = { slug: "report", title: "Report", outlet: null, published: "2026-02-04", pageLines: [1, 22, 40] };
const text = { ...pdf, pageLines: null };

describe("citations: the parts every language words, and the English the downloads keep", () => {
  it.each([
    ["a table row", { kind: "table", tableOrdinal: 2, tableRow: 1 }, { kind: "table", table: 2, row: 1 }],
    ["a whole table", { kind: "table", tableOrdinal: 2, tableRow: null }, { kind: "table", table: 2, row: null }],
    ["a bullet", { kind: "list" }, { kind: "list" }],
    ["prose", { kind: "prose" }, { kind: "text" }],
  ] as const)("places %s", (_, at, place) => {
    expect(citedPlace({ ...at, lineStart: 1, lineEnd: 1 })).toEqual(place);
  });

  it.each([
    ["one line of a text file", text, 27, 27, { startPage: null, start: 27, endPage: null, end: 27 }, "line 27"],
    ["lines of a text file", text, 27, 29, { startPage: null, start: 27, endPage: null, end: 29 }, "lines 27–29"],
    ["a PDF line: page and line within it", pdf, 27, 27, { startPage: 2, start: 6, endPage: 2, end: 6 }, "page 2, line 6"],
    ["across two PDF pages", pdf, 38, 41, { startPage: 2, start: 17, endPage: 3, end: 2 }, "page 2, line 17 – page 3, line 2"],
  ])("cites %s", (_, doc, lineStart, lineEnd, lines, english) => {
    expect(citedLines(doc, { lineStart, lineEnd })).toEqual(lines);
    expect(formatCitation(doc, { kind: "prose", lineStart, lineEnd })).toBe(`“Report”, outlet not stated, 2026-02-04, text, ${english}`);
  });
});
