import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentError, loadSources, readDocument } from "../../scripts/ingest/read";
import { tempDir } from "../helpers";

const noSources = { documents: {} };
const write = (name: string, content: string | Buffer) => {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
};
const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DocumentError) return err.message;
    throw err;
  }
  throw new Error("expected a DocumentError");
};

describe("readDocument", () => {
  it("takes metadata for a seed document from sources.json, keyed by file name", () => {
    const doc = readDocument("seeds/documents/003_6556b0f21289c777.txt", loadSources("seeds/sources.json"));
    expect(doc.slug).toBe("003_6556b0f21289c777");
    expect(doc.metadata.published).toBe("2026-02-04");
    expect(doc.metadata.outlet).toBeNull();
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads Markdown front matter and blanks it so line numbers stay the file's", () => {
    const file = write("note.md", "---\ntitle: Field notes\noutlet: Own notes\npublished: 2026-03-01\nurl: https://example.org/n\n---\n| Issue | U.S. | Colombia |\n");
    const doc = readDocument(file, noSources);
    expect(doc.metadata).toEqual({ title: "Field notes", outlet: "Own notes", published: "2026-03-01", url: "https://example.org/n", note: null });
    expect(doc.body.split("\n")[6]).toBe("| Issue | U.S. | Colombia |");
    expect(doc.body.split("\n").slice(0, 6)).toEqual(["", "", "", "", "", ""]);
  });

  it("reads what a saved web page says about itself and renders it as Markdown", () => {
    const file = write(
      "page.html",
      `<html><head><title>Petro visits</title><meta property="og:site_name" content="Example Wire"><meta property="article:published_time" content="2026-02-03T10:00:00Z"><link rel="canonical" href="https://example.org/a"></head>
       <body><p>Intro.</p><table><tr><th>Issue</th><th>U.S. Priority</th><th>Petro’s Stance</th></tr><tr><td>Drugs</td><td>Seizures</td><td>Substitution</td></tr></table></body></html>`,
    );
    const doc = readDocument(file, noSources);
    expect(doc.format).toBe("html");
    expect(doc.metadata).toEqual({ title: "Petro visits", outlet: "Example Wire", published: "2026-02-03", url: "https://example.org/a", note: null });
    expect(doc.text).toContain("| Drugs | Seizures | Substitution |");
  });

  it.each([
    ["empty.txt", "  \n\n", "empty.txt: empty document"],
    ["binary.txt", Buffer.from([0x50, 0x00, 0x01]), "binary file"],
    ["latin1.txt", Buffer.from("ok\nBogot\xe1\n", "latin1"), "latin1.txt:2: not valid UTF-8 text"],
    ["bad.md", "---\ntitle: [unclosed\n---\nx", "bad.md:2: front matter is not valid YAML"],
    ["date.md", "---\npublished: March 2026\n---\nx", "front matter: published: must be a date written YYYY-MM-DD"],
    ["open.md", "---\ntitle: x\nno end", "open.md:1: front matter opened with --- is never closed"],
  ])("rejects %s with a message naming the file and problem", (name, content, message) => {
    const file = write(name, content);
    expect(problem(() => readDocument(file, noSources))).toContain(message);
  });
});

describe("loadSources", () => {
  it("names the file and field of a bad entry", () => {
    const file = write("sources.json", JSON.stringify({ documents: { "a.txt": { published: "yesterday" } } }));
    expect(problem(() => loadSources(file))).toContain("invalid sources file: documents.a.txt.published: must be a date");
  });
});
