import { describe, expect, it } from "vitest";
import { normalizeBlocks } from "../../scripts/ingest/blocks";
import { splitIntoChunks } from "../../scripts/ingest/chunks";
import { parseMarkdown } from "../../scripts/ingest/parse";

const markdown = (parts: string[]) => normalizeBlocks(parts.join("\n"), "md");

describe("splitIntoChunks", () => {
  it("keeps a short text whole", () => {
    const text = markdown(["# Title", "", "One paragraph."]);
    expect(splitIntoChunks(text, 1000)).toEqual([text]);
  });

  it("splits only before top-level paragraphs, headings and tables, never inside a list, fence or comment", () => {
    const text = markdown([
      "Opening paragraph about the talks.",
      "",
      "- first point",
      "",
      "- second point, same list",
      "",
      "  continued inside the second point",
      "",
      "```",
      "code line",
      "",
      "Not a paragraph: still code",
      "```",
      "",
      "<!-- an editor's comment",
      "",
      "Still inside the comment -->",
      "",
      "## Next section",
      "",
      "| Issue | U.S. | Colombia |",
      "|---|---|---|",
      "| Energy | Supply | Transition |",
      "",
      "1. numbered",
      "",
      "Closing paragraph.",
    ]);
    const starts = splitIntoChunks(text, 1).map((chunk) => chunk.text.split("\n")[0]);
    expect(starts).toEqual(["Opening paragraph about the talks.", "## Next section", "| Issue | U.S. | Colombia |", "Closing paragraph."]);
  });

  it("maps every part back to the original line numbers", () => {
    const text = normalizeBlocks("Line one.\nLine two.\nLine three.", "txt");
    const chunks = splitIntoChunks(text, 1);
    expect(chunks.map((c) => [c.text, c.originalLine])).toEqual([
      ["Line one.\n", [1, 0]],
      ["Line two.\n", [2, 0]],
      ["Line three.", [3]],
    ]);
  });

  it("parses to the same blocks, tables and list items in parts as whole", () => {
    const sections = Array.from({ length: 40 }, (_, i) =>
      [
        `## Round ${i}`,
        "",
        `Officials met for round ${i} and “agreed” on [a plan](https://example.org/${i}).`,
        "",
        "| Issue | Washington | Bogotá |",
        "|---|---|---|",
        `| Energy | Keep supply ${i} | Phase out oil ${i} |`,
        "",
        `- Drugs: the U.S. wants interdiction ${i}; Colombia wants substitution ${i}`,
        `  - nested detail ${i}`,
        "",
        `> A quoted line ${i}`,
        "",
      ].join("\n"),
    );
    const text = normalizeBlocks(sections.join("\n"), "md");
    const whole = parseMarkdown(text, Number.POSITIVE_INFINITY);
    expect(splitIntoChunks(text, 500).length).toBeGreaterThan(10);
    expect(parseMarkdown(text, 500)).toEqual(whole);
    expect(whole.tables).toHaveLength(40);
  });
});
