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
    expect(doc.metadata).toEqual({
      title: "Field notes",
      outlet: "Own notes",
      author: null,
      published: "2026-03-01",
      publishedBasis: "stated",
      publishedEvidence: "front matter “published”",
      url: "https://example.org/n",
      note: null,
    });
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
    expect(doc.metadata).toEqual({
      title: "Petro visits",
      outlet: "Example Wire",
      author: null,
      published: "2026-02-03",
      publishedBasis: "stated",
      publishedEvidence: "<meta article:published_time>",
      url: "https://example.org/a",
      note: null,
    });
    expect(doc.text).toContain("| Drugs | Seizures | Substitution |");
  });

  it.each([
    ["empty.txt", "  \n\n", "empty.txt: empty document"],
    ["zero.md", "", "zero.md: empty file"],
    ["binary.txt", Buffer.from([0x50, 0x00, 0x01]), "binary.txt: binary file (contains NUL bytes), not a text document"],
    ["controls.txt", Buffer.from([0x41, 0x01, 0x02, 0x03, 0x42]), "controls.txt: binary file (control characters), not a text document"],
    ["cyrillic.txt", Buffer.from("Москва и Вашингтон обсудили визы.\n".split("").map((c) => (c.charCodeAt(0) > 0x400 ? c.charCodeAt(0) - 0x350 : c.charCodeAt(0)))), "cyrillic.txt:1: not UTF-8, and its encoding is not clear"],
    ["report.pdf", "%PDF-1.7\nnot really a PDF", "report.pdf: cannot read this PDF"],
    ["fake.pdf", "plain text", "fake.pdf: not a PDF file (no %PDF- header)"],
    ["fake.docx", "plain text", "fake.docx: not a Word .docx file (not a ZIP package)"],
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

describe("readDocument: encodings", () => {
  const cp1252 = (text: string) =>
    Buffer.from([...text].map((c) => ({ "“": 0x93, "”": 0x94, "’": 0x92, "–": 0x96 })[c] ?? c.charCodeAt(0)));

  it("decodes Windows-1252 text with a warning instead of refusing it or storing mojibake", () => {
    const doc = readDocument(write("latin.txt", cp1252("Reunión en Bogotá: “sin acuerdo” – dijo el ministro.\n")), noSources);
    expect(doc.text).toBe("Reunión en Bogotá: “sin acuerdo” – dijo el ministro.\n");
    expect(doc.warnings).toEqual([{ line: null, message: "not UTF-8: decoded as Windows-1252 (Latin-1); save it as UTF-8 to be sure" }]);
  });

  it("reads UTF-16 with a byte-order mark as it is", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Migración: Colombia pide garantías.\n", "utf16le")]);
    const doc = readDocument(write("notepad.txt", bytes), noSources);
    expect(doc.text).toBe("Migración: Colombia pide garantías.\n");
    expect(doc.warnings).toEqual([]);
  });

  it("stores decomposed (NFD) text composed (NFC), so offsets refer to the stored text", () => {
    const doc = readDocument(write("mac.md", "### Migración\n- Bogotá: quiere vuelos civiles.\n".normalize("NFD")), noSources);
    expect(doc.text).toBe("### Migración\n- Bogotá: quiere vuelos civiles.\n");
    expect(doc.body).toBe(doc.text);
  });

  it("warns, with the line, about text that was already garbled before it was saved", () => {
    const doc = readDocument(write("garbled.txt", "First line.\nPetroâ€™s plan for BogotÃ¡.\n"), noSources);
    expect(doc.warnings).toEqual([
      { line: 2, message: '"â€" looks like text that was decoded with the wrong encoding before it was saved; check the source' },
    ]);
  });
});

describe("readDocument: metadata", () => {
  it.each([
    ["front matter", "a.md", "---\nurl: javascript:alert(1)\n---\nText.\n", 'address "javascript:alert(1)" (front matter “url”) is not an http(s) URL; dropped'],
    ["a relative canonical link", "b.html", '<html><head><link rel="canonical" href="/story"></head><body><p>Text of the story.</p></body></html>', 'address "/story" (canonical link) is not an http(s) URL; dropped'],
    ["og:url", "c.html", '<html><head><meta property="og:url" content="data:text/html,hi"></head><body><p>Text of the story.</p></body></html>', 'address "data:text/html,hi" (og:url) is not an http(s) URL; dropped'],
  ])("keeps only http(s) addresses: drops one from %s with a warning", (_, name, content, message) => {
    const doc = readDocument(write(name, content), noSources);
    expect(doc.metadata.url).toBeNull();
    expect(doc.warnings).toEqual([{ line: null, message }]);
  });

  it("drops a non-http address set in sources.json and keeps the one the page states", () => {
    const file = write("d.html", '<html><head><link rel="canonical" href="https://example.org/d"></head><body><p>Text of the story.</p></body></html>');
    const doc = readDocument(file, { documents: { "d.html": { url: "javascript:void(0)" } } });
    expect(doc.metadata.url).toBe("https://example.org/d");
    expect(doc.warnings).toEqual([{ line: null, message: 'address "javascript:void(0)" ("url" in sources.json entry) is not an http(s) URL; dropped' }]);
  });

  it.each([
    ["sources.json over front matter", "e.md", "---\npublished: 2026-01-10\n---\nText.\n", { "e.md": { published: "2026-01-20" } }, ["2026-01-20", "stated", "sources.json entry"]],
    ["front matter when sources.json says null", "f.md", "---\npublished: 2026-01-10\n---\nText.\n", { "f.md": { published: null } }, ["2026-01-10", "stated", "front matter “published”"]],
    ["a dateline", "g.txt", "Posted: 9 January 2026\nText about 1 March 2026.\n", {}, ["2026-01-09", "stated", "dateline on line 1: “Posted: 9 January 2026”"]],
    ["the latest full date in the text", "h.txt", "Talks on 2 March 2026 followed a call on 20 February 2026.\n", {}, ["2026-03-02", "inferred", "latest date in the text, line 1: “on 2 March 2026”"]],
    ["nothing to go on", "i.txt", "Talks followed a call last week.\n", {}, [null, null, null]],
  ])("dates a document from %s", (_, name, content, documents, expected) => {
    const { metadata } = readDocument(write(name, content), { documents });
    expect([metadata.published, metadata.publishedBasis, metadata.publishedEvidence]).toEqual(expected);
  });

  it("takes the author from a byline near the top of a plain-text article", () => {
    const doc = readDocument(write("j.txt", "Headline here\n\nBy Ana Ruiz and Tomás Gil\n\nText.\n"), noSources);
    expect(doc.metadata.author).toBe("Ana Ruiz and Tomás Gil");
  });
});
