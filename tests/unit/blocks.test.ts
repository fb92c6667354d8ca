import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyLine, normalizeBlocks } from "../../scripts/ingest/blocks";
import { parseMarkdown } from "../../scripts/ingest/parse";

const countTables = (markdown: string) =>
  (unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root).children.filter((n) => n.type === "table").length;

describe("classifyLine", () => {
  it.each([
    ["", "text", "blank"],
    ["| a | b |", "text", "table"],
    ["|---|---|", "table", "table"],
    ["- Migration: x; y", "text", "list"],
    ["2. second", "text", "list"],
    ["  continued under the bullet", "list", "list"],
    ["  indented prose", "text", "text"],
    ["-not a bullet", "text", "text"],
    ["Plain paragraph.", "list", "text"],
  ] as const)("%j after %s is %s", (line, previous, expected) => {
    expect(classifyLine(line, previous)).toBe(expected);
  });
});

describe("classifyLine: pipe tables without leading pipes", () => {
  it.each([
    ["Issue | Washington | Bogotá", "text", "--- | --- | ---", "table"],
    ["Issue | Washington", "blank", "Plain text after it", "text"],
    ["--- | ---", "table", "Coca | Spraying", "table"],
    ["Coca | Spraying | Substitution", "table", "", "table"],
    ["- a bullet | with a pipe", "table", "", "list"],
    ["Petro | Trump", "text", "They met twice.", "text"],
  ] as const)("%j after %s, before %j, is %s", (line, previous, next, expected) => {
    expect(classifyLine(line, previous, next)).toBe(expected);
  });
});

describe("normalizeBlocks", () => {
  it("separates blocks of different kinds and maps lines back", () => {
    const source = "Intro.\n- a: x\n- b: y\n| H | I |\n|---|---|\n| 1 | 2 |\nAfter.";
    const normalized = normalizeBlocks(source, "txt");
    expect(normalized.text).toBe("Intro.\n\n- a: x\n- b: y\n\n| H | I |\n|---|---|\n| 1 | 2 |\n\nAfter.");
    expect(normalized.originalLine).toEqual([1, 0, 2, 3, 0, 4, 5, 6, 0, 7]);
  });

  it("splits plain-text paragraphs but keeps soft-wrapped Markdown paragraphs whole", () => {
    expect(normalizeBlocks("One.\nTwo.", "txt").text).toBe("One.\n\nTwo.");
    expect(normalizeBlocks("One\nstill one.", "md").text).toBe("One\nstill one.");
  });

  it("keeps existing blank lines and their numbering", () => {
    const normalized = normalizeBlocks("A\n\nB", "txt");
    expect(normalized.text).toBe("A\n\nB");
    expect(normalized.originalLine).toEqual([1, 2, 3]);
  });
});

describe("the lazy-continuation trap in seed 002", () => {
  const raw = readFileSync("seeds/documents/002_cab32d2187f2aa2e.txt", "utf8");

  it("raw remark-gfm finds no tables: every line after the first bullet continues it", () => {
    expect(countTables(raw)).toBe(0);
  });

  it("after normalisation all four tables are found, at their original lines", () => {
    const parsed = parseMarkdown(normalizeBlocks(raw, "txt"));
    expect(parsed.tables.map((t) => [t.lineStart, t.lineEnd])).toEqual([
      [12, 16],
      [25, 29],
      [38, 42],
      [52, 56],
    ]);
    expect(parsed.tables[1]?.rowLines).toEqual([27, 28, 29]);
    expect(parsed.listItems.map((item) => item.lineStart)).toEqual([6, 7, 8, 9, 10, 22, 23, 24, 36, 37, 48, 49, 50, 51]);
  });

  it("cell text is sliced from the source, so it is exactly as written", () => {
    const parsed = parseMarkdown(normalizeBlocks(raw, "txt"));
    const cell = parsed.tables[0]?.rows[0]?.[1];
    expect(cell?.text).toBe("De\u2011emphasize militarization and forced eradication");
    const line = raw.split("\n")[13] ?? "";
    expect(line.slice(cell?.columnStart, cell?.columnEnd)).toBe(cell?.text);
  });
});
