import { describe, expect, it } from "vitest";
import { normalizeBlocks } from "../../scripts/ingest/blocks";
import { type ParsedDocument, parseMarkdown } from "../../scripts/ingest/parse";

/** Each block's words as the stages read them: a table as its header and rows of cell texts. */
const texts = (parsed: ParsedDocument) =>
  parsed.blocks.map((block) =>
    block.type === "table"
      ? [block.type, block.table.header.map((cell) => cell.text), block.table.rows.map((row) => row.map((cell) => cell.text))]
      : [block.type, block.span.text],
  );

describe("parseMarkdown", () => {
  // A part with no "@", "www" or "http" is parsed without remark-gfm's literal autolinks, the rest of GitHub's Markdown kept;
  // a part with one is parsed by remark-gfm whole, so its spans are remark-gfm's own, quirks included.
  it.each([
    [
      "task items, strikethrough, footnotes and tables, with no autolink to look for",
      "- [ ] resume fumigation\n- [x] ~~suspend~~ extraditions\n\nPetro said so.[^1]\n\n[^1]: The decree of May.\n\n| actor | position |\n|---|---|\n| US | *more* eradication |",
      [
        ["listItem", "resume fumigation"],
        ["listItem", "~~suspend~~ extraditions"],
        ["paragraph", "Petro said so.[^1]"],
        ["table", ["actor", "position"], [["US", "*more* eradication"]]],
      ],
    ],
    [
      "an e-mail after an unclosed bracket, which remark-gfm links in its tree and whose cell it then reads from its pipe",
      "| x [ a@b.co Petro | y |\n|---|---|\n| a | b |",
      [["table", ["| x [ a@b.co Petro ", "y"], [["a", "b"]]]],
    ],
    [
      "links written out, read as remark-gfm reads them",
      "## Contact press@state.gov\n\nSee www.state.gov and https://www.cancilleria.gov.co/comunicados.",
      [
        ["heading", "Contact press@state.gov"],
        ["paragraph", "See www.state.gov and https://www.cancilleria.gov.co/comunicados."],
      ],
    ],
  ])("%s", (_case, markdown, expected) => {
    expect(texts(parseMarkdown(normalizeBlocks(markdown, "md")))).toEqual(expected);
  });
});
