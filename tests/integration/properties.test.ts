import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParallaxDb } from "../../db/client";
import { normalizeBlocks } from "../../scripts/ingest/blocks";
import { parseMarkdown } from "../../scripts/ingest/parse";
import { project } from "../helpers";

/**
 * Property-based tests: random Markdown, plain text and HTML — tables (ragged ones too), lists,
 * quotes, unicode, curly quotes and control characters — never crash the pipeline, every stance's
 * span lies inside its document and holds exactly the stance's text, and re-ingesting is a no-op.
 */
const WORDS = [
  "U.S.",
  "Washington",
  "Colombia",
  "Bogotá",
  "Petro",
  "drugs",
  "Energy",
  "migration",
  "Venezuela",
  "interdiction",
  "substitution",
  "oil",
  "transition",
  "sanctions",
  "dialogue",
  "wants",
  "backs",
  "the",
  "and",
  "niño",
  "façade",
  "😀",
  "ﬁ",
  "e\u0301",
  "עברית",
  "“quoted”",
  "‘single’",
  '"straight"',
  "it's",
  "U+2011‑hyphen",
  "a—dash",
];
const PUNCTUATION = [" ", " ", " ", ",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "*", "_", "`", "|", "\\", "<", ">", "&", "#", "-", "\t", "\u00a0", "\u0001", "\u000b", "\u001f", "\u007f", "\u200b", "\u2028"];

const token = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
const phrase = fc.array(token, { minLength: 1, maxLength: 10 }).map((tokens) => tokens.join("").replace(/[\r\n]/g, " "));
const cell = phrase.map((text) => text.replace(/\|/g, "/"));

const table = fc
  .record({
    columns: fc.integer({ min: 1, max: 5 }),
    header: fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom("Issue", "Topic", "Tema"), fc.constantFrom("U.S. view", "Washington", "EE. UU."), fc.constantFrom("Colombia's aim", "Bogotá", "Petro’s Goal"), cell, cell) },
      { weight: 1, arbitrary: fc.array(cell, { minLength: 5, maxLength: 5 }) },
    ),
    rows: fc.array(fc.tuple(fc.oneof(fc.constantFrom("Drugs", "Energy", "Migration", "Venezuela", "Trade"), cell), fc.array(cell, { minLength: 0, maxLength: 5 })).map(([issue, rest]) => [issue, ...rest]), { maxLength: 6 }),
    delimiter: fc.boolean(),
  })
  .map(({ columns, header, rows, delimiter }) =>
    [
      `| ${header.slice(0, columns).join(" | ")} |`,
      ...(delimiter ? [`|${"---|".repeat(columns)}`] : []),
      ...rows.map((row) => `| ${row.join(" | ")} |`),
    ].join("\n"),
  );
const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom("- ", "* ", "1. ", "+ "), fc.oneof(phrase, fc.tuple(fc.constantFrom("Drugs", "Energy", "Migration", "Venezuela"), phrase, phrase).map(([a, b, c]) => `${a}: the U.S. ${b}; Colombia ${c}`))), {
    minLength: 1,
    maxLength: 6,
  })
  .map((items) => items.map(([depth, marker, text]) => `${"  ".repeat(depth)}${marker}${text.replace("; ", ";\n    ")}`).join("\n"));
const block = fc.oneof(
  phrase,
  phrase.map((text) => `## ${text}`),
  phrase.map((text) => `> ${text}`),
  phrase.map((text) => `\`\`\`\n${text}\n\`\`\``),
  table,
  list,
);
const markdown = fc.tuple(fc.array(block, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\n\n", "\r\n")).map(([blocks, eol]) => blocks.join(eol));

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const html = fc
  .array(
    fc.oneof(
      phrase.map((t) => `<p>${escapeHtml(t)}</p>`),
      fc.array(phrase, { minLength: 1, maxLength: 4 }).map((items) => `<ul>${items.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`),
      fc
        .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
        .map((rows) => `<table>${rows.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join("")}</tr>`).join("")}</table>`),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => `<!doctype html><html><head><title>Random page</title></head><body>${parts.join("\n")}</body></html>`);

type Row = Record<string, unknown>;
const all = (db: ParallaxDb, query: string) => db.$client.prepare(query).all() as Row[];

/** The document's text between a stance's start and end: lines split as the pipeline splits them, joined with "\n". */
function textAt(document: string, s: { line_start: number; line_end: number; column_start: number; column_end: number }): string {
  const lines = document.split(/\r\n|\r|\n/);
  if (s.line_start === s.line_end) return (lines[s.line_start - 1] ?? "").slice(s.column_start, s.column_end);
  return [
    (lines[s.line_start - 1] ?? "").slice(s.column_start),
    ...lines.slice(s.line_start, s.line_end - 1),
    (lines[s.line_end - 1] ?? "").slice(0, s.column_end),
  ].join("\n");
}

function checkCorpus(files: { md: string; txt: string; html: string }): void {
  const p = project();
  p.write("docs/notes.md", files.md);
  p.write("docs/article.txt", files.txt);
  p.write("docs/page.html", files.html);
  const first = p.run(["docs"]);
  for (const outcome of first.outcomes) {
    expect(outcome.error ?? "", outcome.file).not.toContain("internal error");
    expect(["loaded", "failed", "duplicate"]).toContain(outcome.status);
  }
  const stances = all(
    p.db,
    "SELECT s.text, s.line_start, s.line_end, s.column_start, s.column_end, d.text AS document, d.line_count FROM stances s JOIN documents d ON d.id = s.document_id",
  ) as { text: string; line_start: number; line_end: number; column_start: number; column_end: number; document: string; line_count: number }[];
  for (const s of stances) {
    expect(s.line_start).toBeGreaterThanOrEqual(1);
    expect(s.line_end).toBeGreaterThanOrEqual(s.line_start);
    expect(s.line_end).toBeLessThanOrEqual(s.line_count);
    expect(textAt(s.document, s), `stance at ${s.line_start}:${s.column_start}`).toBe(s.text);
  }
  const before = all(p.db, "SELECT * FROM stances ORDER BY id");
  const again = p.run(["docs"]);
  expect(again.outcomes.map((o) => o.status)).toEqual(first.outcomes.map((o) => (o.status === "loaded" ? "unchanged" : o.status)));
  expect(all(p.db, "SELECT * FROM stances ORDER BY id")).toEqual(before);
}

describe("parsing in parts", () => {
  const rawBlock = fc.oneof(block, phrase.map((t) => `<!-- ${t}\n\n${t} -->`), phrase.map((t) => `    indented ${t}\n\n    ${t}`), phrase.map((t) => `<pre>\n${t}\n\n${t}\n</pre>`));
  const longMarkdown = fc.array(rawBlock, { minLength: 1, maxLength: 30 }).map((blocks) => blocks.join("\n\n"));

  it("gives the same blocks, tables and list items as parsing the whole text", () => {
    fc.assert(
      fc.property(longMarkdown, fc.integer({ min: 1, max: 400 }), (text, size) => {
        const normalized = normalizeBlocks(text, "md");
        expect(parseMarkdown(normalized, size)).toEqual(parseMarkdown(normalized, Number.POSITIVE_INFINITY));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the pipeline on random documents", () => {
  it("never crashes, keeps every stance inside its document at its exact text, and re-ingests as a no-op", () => {
    fc.assert(
      fc.property(markdown, fc.array(phrase, { minLength: 1, maxLength: 12 }), html, (md, lines, page) => checkCorpus({ md, txt: lines.join("\n"), html: page })),
      { numRuns: 100 },
    );
  }, 120_000);
});
