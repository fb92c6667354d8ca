import { describe, expect, it } from "vitest";
import type { PdfTextItem } from "../../scripts/ingest/read/convert";
import { pdfText } from "../../scripts/ingest/read/pdf";

/** A text item as pdf.js reports it: left x, baseline y (from the page bottom), width from a rough 0.5 em per character. */
const at = (x: number, y: number, str: string, fontSize = 10): PdfTextItem => ({
  str,
  x,
  y,
  width: str.length * fontSize * 0.5,
  height: fontSize,
  fontSize,
});

/** Lines of body text 12 pt apart from `top`, starting at x = 50. */
const lines = (top: number, ...texts: string[]) => texts.map((text, i) => at(50, top - i * 12, text));

describe("pdfText", () => {
  it.each([
    [
      "keeps a paragraph's wrapped lines together and puts a blank line between paragraphs",
      [[...lines(700, "Officials in both capitals spent the spring", "drafting their positions for the summit."), ...lines(670, "A second paragraph starts after a gap.")]],
      ["Officials in both capitals spent the spring", "drafting their positions for the summit.", "", "A second paragraph starts after a gap."],
    ],
    [
      "starts a paragraph after a short line that ends a sentence, even without extra space",
      [[...lines(700, "This first line runs across the whole measure of the page here.", "Short end.", "Next paragraph, same spacing.")]],
      ["This first line runs across the whole measure of the page here.", "Short end.", "", "Next paragraph, same spacing."],
    ],
    [
      "marks larger type as headings, the largest first",
      [[at(50, 760, "Annual review", 20), at(50, 730, "Migration", 14), ...lines(710, "Colombia wants orderly returns.")]],
      ["# Annual review", "", "## Migration", "", "Colombia wants orderly returns."],
    ],
    [
      "writes bullets as list items and indents their wrapped lines",
      [[at(50, 700, "•"), at(62, 700, "Washington wants more removal flights"), at(62, 688, "every week."), at(50, 676, "•"), at(62, 676, "Bogotá wants civilian aircraft.")]],
      ["- Washington wants more removal flights", "  every week.", "- Bogotá wants civilian aircraft."],
    ],
    [
      "indents a wrapped line that would read as a Markdown list marker",
      [[...lines(700, "Talks covered energy, migration and the border", "- the hardest part - and then trade.")]],
      ["Talks covered energy, migration and the border", "    - the hardest part - and then trade."],
    ],
    [
      "drops a running page number",
      [[...lines(700, "Only line of text."), at(290, 40, "3")]],
      ["Only line of text."],
    ],
  ])("%s", (_, pages, expected) => {
    expect(pdfText(pages)?.text).toBe(`${expected.join("\n")}\n`);
  });

  it("rebuilds a table with wrapped, vertically centred cells as a pipe table, one row per line", () => {
    const table = [
      at(50, 700, "Issue"),
      at(150, 700, "U.S. view"),
      at(300, 700, "Colombian view"),
      // Row 1: the issue cell is centred between the two lines of the other cells.
      at(50, 670, "Energy"),
      at(150, 676, "Secure crude"),
      at(150, 664, "supply"),
      at(300, 676, "End new"),
      at(300, 664, "drilling"),
      at(50, 640, "Migration"),
      at(150, 640, "Faster removals"),
      at(300, 640, "Dignified returns"),
      at(50, 610, "Both delegations will meet again in May and review these aims."),
    ];
    expect(pdfText([table])?.text).toBe(
      [
        "| Issue | U.S. view | Colombian view |",
        "| --- | --- | --- |",
        "| Energy | Secure crude supply | End new drilling |",
        "| Migration | Faster removals | Dignified returns |",
        "",
        "Both delegations will meet again in May and review these aims.",
        "",
      ].join("\n"),
    );
  });

  it("says where each page starts and reports a page without text", () => {
    const result = pdfText([lines(700, "Page one text."), [], lines(700, "Page three text.")]);
    expect(result?.text).toBe("Page one text.\n\n\n\nPage three text.\n");
    expect(result?.pageLines).toEqual([1, 3, 5]);
    expect(result?.warnings).toEqual([{ line: 3, message: "page 2 has no text layer (scanned?); its text is missing — run OCR first" }]);
  });

  it("returns null when no page has a text layer", () => {
    expect(pdfText([[], []])).toBeNull();
  });
});
