import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "../../scripts/ingest/read/markdown";

describe("htmlToMarkdown", () => {
  it.each([
    ["keeps literal asterisks and underscores as the reader sees them (no \\* escapes)", "<p>Keep *and* expand snake_case [notes]</p>", "Keep *and* expand snake_case [notes]\n"],
    ["drops inline markup but keeps its words", "<p><em>Bogotá</em> and <a href='/x'>Washington</a> <strong>met</strong></p>", "Bogotá and Washington met\n"],
    ["keeps table cells as seen, escaping only a pipe", "<table><tr><th>Issue</th><th>U.S.</th></tr><tr><td>Energy</td><td>Oil *and* gas | more<br>supply</td></tr></table>", "| Issue | U.S. |\n| - | - |\n| Energy | Oil *and* gas \\| more supply |\n"],
    ["makes the first row the header of a table that marks none", "<table><tr><td>Issue</td><td>Bogotá</td></tr><tr><td>Energy</td><td>Wind</td></tr></table>", "| Issue | Bogotá |\n| - | - |\n| Energy | Wind |\n"],
    ["keeps headings and lists", "<h2>Drug policy</h2><ul><li><b>Colombia:</b> crop substitution</li></ul>", "## Drug policy\n\n- Colombia: crop substitution\n"],
  ])("%s", (_, html, expected) => {
    expect(htmlToMarkdown(html)).toBe(expected);
  });
});
