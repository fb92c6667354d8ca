import { describe, expect, it } from "vitest";
import { deepestNesting, formatBytes, mostEmphasisMarks, parseBytes } from "../../scripts/ingest/limits";

describe("deepestNesting", () => {
  it.each([
    ["plain prose", "Bogotá and Washington met.\nNothing nested here.\n", { depth: 0, line: 1, what: "lists and quotes" }],
    ["a list three levels deep", "- one\n  - two\n    - three\n", { depth: 3, line: 3, what: "lists and quotes" }],
    ["quotes inside a list item", "> > - quoted item\n", { depth: 3, line: 1, what: "lists and quotes" }],
    ["ordered markers count like bullets", "1. a\n   2) b\n", { depth: 2, line: 2, what: "lists and quotes" }],
    ["a centred title is no nesting", `${" ".repeat(120)}TITLE\n`, { depth: 0, line: 1, what: "lists and quotes" }],
    ["a link inside brackets", "see [the [annex](https://example.org)] here\n", { depth: 2, line: 1, what: "brackets" }],
    ["escaped brackets are text", "\\[\\[\\[ not links\n", { depth: 0, line: 1, what: "lists and quotes" }],
    ["a blank line closes a paragraph's brackets", "[[ open\n\n[ again\n", { depth: 2, line: 1, what: "brackets" }],
    ["brackets left open across lines", "[[\n[[\n[\n", { depth: 5, line: 3, what: "brackets" }],
  ])("%s", (_name, text, expected) => {
    expect(deepestNesting(text)).toEqual(expected);
  });

  it("measures 10,000 nested brackets and a 1,000-level list without recursion", () => {
    expect(deepestNesting(`${"[".repeat(10_000)}x${"]".repeat(10_000)}`)).toEqual({ depth: 10_000, line: 1, what: "brackets" });
    const list = Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n");
    expect(deepestNesting(list)).toEqual({ depth: 1000, line: 1000, what: "lists and quotes" });
    expect(deepestNesting(`${">".repeat(10_000)} deep`)).toEqual({ depth: 10_000, line: 1, what: "lists and quotes" });
  });
});

describe("mostEmphasisMarks", () => {
  it.each([
    ["plain prose", "No marks here.\n", { count: 0, line: 1 }],
    ["counts per paragraph, from its first line", "*one* and _two_\n\nLead line\n**bold** __also__ *x*\n", { count: 10, line: 3 }],
    ["table rows are left out", "| a_b | c_d |\n|---|---|\n| e_f | *g* |\n", { count: 0, line: 1 }],
    ["a run of stars", `${"*".repeat(6000)}a${"*".repeat(6000)}`, { count: 12_000, line: 1 }],
  ])("%s", (_name, text, expected) => {
    expect(mostEmphasisMarks(text)).toEqual(expected);
  });
});

describe("parseBytes and formatBytes", () => {
  it.each([
    ["2048", 2048],
    ["10MB", 10 * 1024 * 1024],
    ["50 mb", 50 * 1024 * 1024],
    ["500kB", 500 * 1024],
    ["1.5M", 1.5 * 1024 * 1024],
    ["0", null],
    ["ten", null],
    ["-5", null],
  ])("parseBytes(%j) = %j", (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it.each([
    [97, "97 bytes"],
    [2048, "2 kB"],
    [10 * 1024 * 1024, "10 MB"],
    [52.4 * 1024 * 1024, "52.4 MB"],
  ])("formatBytes(%d) = %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
