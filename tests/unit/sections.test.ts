import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeBlocks } from "../../scripts/ingest/blocks";
import { parseCodebook } from "../../scripts/ingest/codebook";
import { parseMarkdown } from "../../scripts/ingest/parse";
import { extractSections } from "../../scripts/ingest/sections";

const raw = JSON.parse(readFileSync("seeds/codebook.json", "utf8"));
// "The administration" is the United States only where the codebook says so (its holders).
raw.actors.find((a: { id: string }) => a.id === "us").holders = ["the administration"];
const book = parseCodebook(raw);

const sectionsOf = (text: string, format: "txt" | "md" = "md") => extractSections(parseMarkdown(normalizeBlocks(text, format)).blocks, book);
const rows = (text: string, format: "txt" | "md" = "md") =>
  sectionsOf(text, format).stances.map((s) => [s.issue.slug, s.actor, s.kind, s.rule, s.span.lineStart, s.span.text]);

describe("extractSections", () => {
  it.each([
    [
      "labelled bullets under a Markdown heading, the label in bold",
      "## Drug policy\n\n- **United States:** wants aerial spraying brought back.\n- Colombia: pays growers to plant cacao instead.\n",
      [
        ["drug-policy", "us", "list", "section:bullet", 3, "wants aerial spraying brought back"],
        ["drug-policy", "co", "list", "section:bullet", 4, "pays growers to plant cacao instead"],
      ],
    ],
    [
      "an actor opening the bullet holds the stance even when the other country is named",
      "### Migración\n\n- Washington wants Colombia to take back deportees on military planes.\n",
      [["migration", "us", "list", "section:bullet", 3, "Washington wants Colombia to take back deportees on military planes"]],
    ],
    [
      "a holder from the codebook opens the bullet",
      "## Drugs\n\n- The administration wants Colombia to crack down on cocaine labs.\n",
      [["drug-policy", "us", "list", "section:bullet", 3, "The administration wants Colombia to crack down on cocaine labs"]],
    ],
    [
      "“A while B” with both governments gives two stances",
      "## Energy\n\n- Petro pushes solar auctions while the U.S. eyes steady oil supply.\n",
      [
        ["energy", "co", "list", "section:bullet", 3, "Petro pushes solar auctions"],
        ["energy", "us", "list", "section:bullet", 3, "the U.S. eyes steady oil supply"],
      ],
    ],
    [
      "“mientras” splits a Spanish bullet the same way",
      "## Energía\n\n- Colombia: pide más inversión en energía solar, mientras Estados Unidos quiere asegurar el petróleo.\n",
      [
        ["energy", "co", "list", "section:bullet", 3, "pide más inversión en energía solar"],
        ["energy", "us", "list", "section:bullet", 3, "Estados Unidos quiere asegurar el petróleo"],
      ],
    ],
    [
      "a paragraph opening with an actor gives its first sentence as a prose stance",
      "## Venezuela\n\nThe United States wants sanctions kept until Caracas holds a fair vote. Officials in Bogotá disagree.\n",
      [["venezuela", "us", "prose", "section:paragraph", 3, "The United States wants sanctions kept until Caracas holds a fair vote"]],
    ],
    [
      "a plain-text heading line opens a section; a full sentence does not end it, the next heading does",
      "Energy and climate\nWashington wants Colombian crude to keep flowing north.\nColombia plans to stop licensing new oil fields.\nOutlook\nColombia expects another round of talks.\n",
      [
        ["energy", "us", "prose", "section:paragraph", 2, "Washington wants Colombian crude to keep flowing north"],
        ["energy", "co", "prose", "section:paragraph", 3, "Colombia plans to stop licensing new oil fields"],
      ],
    ],
    [
      "a paragraph whose opening sentence uses none of the issue's words or cues is a topic sentence, not a stance",
      "## Energy\n\nWashington has a ready answer. Officials want more gas drilling.\n\nPetro is less patient with the oil industry.\n",
      [["energy", "co", "prose", "section:paragraph", 5, "Petro is less patient with the oil industry"]],
    ],
    [
      "a heading line ending in a colon counts when it names an issue",
      "Migration:\n- Colombia wants deportees flown home on civilian planes.\n",
      [["migration", "co", "list", "section:bullet", 2, "Colombia wants deportees flown home on civilian planes"]],
    ],
    [
      "a deeper heading stays inside the section; the next heading of the same level ends it",
      "## Energy\n\n### What was said\n\n- Colombia: wants a faster move to wind power.\n\n## Outlook\n\n- Colombia: expects another round in May.\n",
      [["energy", "co", "list", "section:bullet", 5, "wants a faster move to wind power"]],
    ],
  ])("%s", (_, text, expected) => {
    const format = text.startsWith("#") ? "md" : "txt";
    expect(rows(text, format)).toEqual(expected);
  });

  it.each([
    ["a bullet labelled with an issue is the list stage's", "## Energy\n\n- Migration: Colombia wants civilian flights; Washington wants military ones.\n"],
    ["a paragraph that does not open with an actor", "## Energy\n\nAnalysts expect Colombia to announce new solar auctions.\n"],
    ["a bullet labelled with something other than an actor", "## Energy\n\n- Background: Colombia exports most of its crude.\n"],
    ["a sentence is not a heading", "Energy talks went well.\nColombia wants new wind farms on the coast.\n"],
    ["a long line is not a heading", "A long line about energy that goes on well past eight words here\nColombia wants new wind farms on the coast.\n"],
    ["short paragraphs are not headings in a document with Markdown headings", "# Notes\n\nEnergy\n\nColombia wants new wind farms on the coast.\n"],
    ["no heading, no section", "- Colombia wants new wind farms on the coast.\n"],
  ])("no section stance: %s", (_, text) => {
    const format = text.startsWith("#") ? "md" : "txt";
    expect(rows(text, format)).toEqual([]);
  });

  it("opens no section under a heading naming two issues, and says why", () => {
    const result = sectionsOf("## Drugs and migration\n\n- Colombia: wants a joint border task force.\n");
    expect(result.stances).toEqual([]);
    expect(result.notes).toEqual([
      { line: 1, message: 'heading "Drugs and migration" names several issues (drug-policy, migration); it opens no issue section' },
    ]);
  });

  it("claims the list items it read, so the list stage skips them", () => {
    const result = sectionsOf("## Energy\n\n- Colombia: wants wind farms.\n- Energy: Petro wants wind; Washington wants oil.\n");
    expect(result.claimed.map((span) => span.text)).toEqual(["Colombia: wants wind farms."]);
  });

  it("rates a labelled bullet above an opening actor, a paragraph lowest, and a split pair a little lower", () => {
    const confidence = (text: string) => sectionsOf(text).stances.map((s) => s.confidence);
    expect(confidence("## Energy\n\n- Colombia: wants wind farms.\n")).toEqual([0.9]);
    expect(confidence("## Energy\n\n- Colombia wants wind farms.\n")).toEqual([0.85]);
    expect(confidence("## Energy\n\nColombia wants wind farms.\n")).toEqual([0.75]);
    expect(confidence("## Energy\n\n- Colombia wants wind farms, whereas Washington wants oil.\n")).toEqual([0.8, 0.8]);
  });
});
