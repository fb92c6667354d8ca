import { describe, expect, it } from "vitest";
import { frontMatterField, frontMatterLength, headingLevels, inlineMarkup, lineBlock, linePieces } from "../../app/_lib/document-lines";
import { FIRST_LINES, lineWeight, linePath, lineWindow, MOST_LINES, parseFrom, WINDOW_WEIGHT, windowStarts } from "../../app/_lib/line-window";

describe("a line's block", () => {
  it.each([
    ["## Statement by the Department of State", { kind: "heading", level: 2, start: 3, end: 39 }],
    ["# Title ##", { kind: "heading", level: 1, start: 2, end: 7 }],
    ["#hashtag", { kind: "text" }],
    ["- Migration management across routes", { kind: "bullet", marker: "•", start: 2 }],
    ["* item", { kind: "bullet", marker: "•", start: 2 }],
    ["2. second", { kind: "bullet", marker: "2.", start: 3 }],
    ["-5 degrees", { kind: "text" }],
    ["> quoted", { kind: "quote", start: 2 }],
    ["---", { kind: "rule" }],
    ["* * *", { kind: "rule" }],
    ["Plain text.", { kind: "text" }],
  ])("%j → %j", (text, block) => {
    expect(lineBlock(text)).toEqual(block);
  });

  it("reads front matter only between two fences at the top", () => {
    expect(frontMatterLength(["---", "title: X", "lang: en", "---", "", "Text"])).toBe(4);
    expect(frontMatterLength(["Text", "---"])).toBe(0);
    expect(frontMatterLength(["---", "never closed"])).toBe(0);
    expect(frontMatterField('title: "Washington decertifies Colombia’s drug fight"')).toEqual({ name: "title", value: "Washington decertifies Colombia’s drug fight" });
    expect(frontMatterField("published: 2025-09-16")).toEqual({ name: "published", value: "2025-09-16" });
    expect(frontMatterField("  - a list item")).toEqual({ name: null, value: "- a list item" });
  });

  it("maps a document's heading levels onto the page's, from h2 and without gaps", () => {
    expect([...headingLevels([3, 2, 3, 5])]).toEqual([
      [2, 2],
      [3, 3],
      [5, 4],
    ]);
  });
});

describe("a line's pieces", () => {
  it("finds bold and italic spans in Markdown and hides their markers", () => {
    expect(inlineMarkup("**United States:** wants *more* talks")).toEqual({
      hidden: [
        { start: 0, end: 2 },
        { start: 16, end: 18 },
        { start: 25, end: 26 },
        { start: 30, end: 31 },
      ],
      strong: [{ start: 2, end: 16 }],
      em: [{ start: 26, end: 30 }],
    });
    expect(inlineMarkup("5 * 3 = 15 and a*b")).toEqual({ hidden: [], strong: [], em: [] });
  });

  it("cuts a line where stances and markup start and end, dropping hidden markers and what its block does not show", () => {
    const text = "- **Colombia:** Safe, regulated transit";
    const markup = inlineMarkup(text, 2);
    const pieces = linePieces([{ start: 16, end: 39 }], markup, 2, text.length);
    expect(pieces.map((p) => [text.slice(p.start, p.end), p.stance, p.strong])).toEqual([
      ["Colombia:", -1, true],
      [" ", -1, false],
      ["Safe, regulated transit", 0, false],
    ]);
  });

  it("splits a bold span that a stance ends inside, keeping the stance whole", () => {
    const text = "He said **we will deport** them";
    const pieces = linePieces([{ start: 0, end: 17 }], inlineMarkup(text), 0, text.length);
    expect(pieces.map((p) => [text.slice(p.start, p.end), p.stance, p.strong])).toEqual([
      ["He said ", 0, false],
      ["we will", 0, true],
      [" deport", -1, true],
      [" them", -1, false],
    ]);
  });
});

describe("line windows", () => {
  const plain = (lines: number, chars = 40) => ({ chars: Array(lines).fill(chars), stances: Array(lines).fill(0) });

  it("cuts plain text every MOST_LINES lines", () => {
    expect(windowStarts(plain(1_200))).toEqual([1, 1 + MOST_LINES, 1 + 2 * MOST_LINES]);
    expect(windowStarts(plain(120))).toEqual([1]);
  });

  it("cuts a dense stance table by weight, never below FIRST_LINES lines", () => {
    const table = { chars: Array(300).fill(100), stances: Array(300).fill(1) };
    const perWindow = Math.floor(WINDOW_WEIGHT / lineWeight(100, 1));
    expect(windowStarts(table).slice(0, 3)).toEqual([1, 1 + perWindow, 1 + 2 * perWindow]);
    const heavy = { chars: Array(50).fill(100_000), stances: Array(50).fill(0) };
    expect(windowStarts(heavy)).toEqual([1, 1 + FIRST_LINES, 1 + 2 * FIRST_LINES]);
  });

  it("opens the window that holds a line, with its neighbours", () => {
    const starts = windowStarts(plain(1_200));
    expect(lineWindow(null, [1], 120)).toEqual({ from: 1, to: 120, lineCount: 120, partial: false, previous: null, next: null });
    expect(lineWindow(700, starts, 1_200)).toEqual({
      from: 501,
      to: 1_000,
      lineCount: 1_200,
      partial: true,
      previous: { from: 1, to: 500 },
      next: { from: 1_001, to: 1_200 },
    });
    expect(lineWindow(1_200, starts, 1_200)).toMatchObject({ from: 1_001, to: 1_200, next: null });
    expect(lineWindow(20_000, starts, 1_200)).toMatchObject({ from: 1_001, to: 1_200 });
  });

  it.each([
    [undefined, { from: null, ignored: null }],
    ["1200", { from: 1200, ignored: null }],
    ["0", { from: null, ignored: "from=0" }],
    ["abc", { from: null, ignored: "from=abc" }],
    ["99999", { from: null, ignored: "from=99999" }],
    [["3", "4"], { from: 3, ignored: "from=4" }],
  ])("?from=%j → %j", (value, expected) => {
    expect(parseFrom(value, 10_040)).toEqual(expected);
  });

  it("links a line past the lines every first window holds by ?from=", () => {
    expect(linePath("/en/sources/doc", FIRST_LINES)).toBe(`/en/sources/doc#L${FIRST_LINES}`);
    expect(linePath("/en/sources/doc", 4_321)).toBe("/en/sources/doc?from=4321#L4321");
  });
});
