import { execFileSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ParallaxDb } from "../../db/client";
import { exitCode } from "../../scripts/ingest/pipeline";
import { formatSummary } from "../../scripts/ingest/summary";
import { project } from "../helpers";

/** A document written for these tests, with four stances. */
const GOOD = [
  "| Topic | Washington wants | Bogotá wants |",
  "|---|---|---|",
  "| Drugs | More interdiction at sea | Crop substitution for growers |",
  "| Migration | Faster deportation flights | Safe pathways for families |",
  "",
].join("\n");

type Row = Record<string, unknown>;
const all = (db: ParallaxDb, query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as Row[];
const snapshot = (db: ParallaxDb) => ({
  documents: all(db, "SELECT * FROM documents ORDER BY id"),
  stances: all(db, "SELECT * FROM stances ORDER BY id"),
  tables: all(db, "SELECT * FROM source_tables ORDER BY id"),
  tableRows: all(db, "SELECT * FROM source_table_rows ORDER BY table_id, row"),
});

const nestedList = (depth: number) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n");

/** Bad inputs whose message the pipeline writes: the file, and the exact problem. */
const REFUSED: [string, string, string | Buffer, string][] = [
  ["a file over the size limit", "huge.txt", "Drugs: the U.S. wants interdiction.\n".repeat(2000), "huge.txt: 70 kB, over the 64 kB limit; not read (raise the limit with --max-bytes to read it)"],
  [
    "10,000 nested brackets",
    "brackets.md",
    `Intro.\n${"[".repeat(10_000)}x${"]".repeat(10_000)}\n`,
    "brackets.md:2: 10000 brackets open at once (links or brackets nested 10000 deep; at most 50 are read): remove the unmatched or nested brackets",
  ],
  ["a list nested 200 deep", "deep-list.md", nestedList(200), "deep-list.md:200: lists and quotes nested 200 deep (at most 50 levels are read): flatten the nesting"],
  [
    "10,000 emphasis marks around one word",
    "stars.md",
    `Intro.\n\n${"*".repeat(5000)}word${"*".repeat(5000)}\n`,
    "stars.md:3: 10000 emphasis marks (* or _) in one paragraph (at most 5000 are read): remove the runs of * or _",
  ],
  ["quotes nested 10,000 deep", "deep-quote.md", `${">".repeat(10_000)} said twice\n`, "deep-quote.md:1: lists and quotes nested 10000 deep (at most 50 levels are read): flatten the nesting"],
];

describe("a bad input among good ones", () => {
  it.each(REFUSED)("%s: one line naming the file and the problem, the others load, exit 1, the stored copy stays", (_name, file, content, message) => {
    const p = project();
    p.write(`docs/${file}`, GOOD);
    p.write("docs/good.md", GOOD.replace("at sea", "on the coast"));
    p.run(["docs"]);
    const before = snapshot(p.db);
    p.write(`docs/${file}`, content);
    const report = p.run(["docs"], { maxBytes: 64 * 1024 });
    expect(report.outcomes.map((o) => [o.file, o.status, o.error])).toEqual(
      [
        [`docs/${file}`, "failed", `docs/${message}`],
        ["docs/good.md", "unchanged", null],
      ].sort(),
    );
    expect(exitCode(report)).toBe(1);
    expect(snapshot(p.db)).toEqual(before);
    const summary = formatSummary(report, { dbFile: "x.db", seconds: 0 });
    expect(summary.split("\n").filter((line) => line.includes(file))).toHaveLength(2);
  });

  it.each([
    ["an empty file", "empty.txt", "\n"],
    ["a binary file", "photo.md", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])],
    ["HTML elements nested 10,000 deep", "deep.html", `<html><body>${"<div>".repeat(10_000)}text${"</div>".repeat(10_000)}</body></html>`],
  ])("%s is refused with a reason, never as an internal error, and the others load", (_name, file, content) => {
    const p = project();
    p.write("docs/good.md", GOOD);
    p.write(`docs/${file}`, content);
    const report = p.run(["docs"]);
    const outcome = report.outcomes.find((o) => o.file === `docs/${file}`);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.error).toMatch(new RegExp(`^docs/${file.replace(".", "\\.")}(:\\d+)?: `));
    expect(outcome?.error).not.toContain("internal error");
    expect(report.outcomes.find((o) => o.file === "docs/good.md")?.status).toBe("loaded");
    expect(exitCode(report)).toBe(1);
  });

  it("skips a symbolic link loop and a pipe with a warning each, reads the rest, exits 1", () => {
    const p = project();
    p.write("docs/good.md", GOOD);
    p.write("docs/inner/also-good.md", GOOD.replace("at sea", "in ports"));
    symlinkSync("..", join(p.root, "docs/inner/back-up"));
    execFileSync("mkfifo", [join(p.root, "docs/stream.md")]);
    const report = p.run(["docs"]);
    expect(report.outcomes.map((o) => [o.file, o.status])).toEqual([
      ["docs/good.md", "loaded"],
      ["docs/inner/also-good.md", "loaded"],
    ]);
    expect(report.skipped).toEqual([
      { file: "docs/inner/back-up", line: null, message: `symbolic link loop (leads back to ${join(p.root, "docs")}); skipped` },
      { file: "docs/stream.md", line: null, message: "not a regular file (a device, pipe or socket); skipped" },
    ]);
    expect(exitCode(report)).toBe(1);
  });

  it("a write the database refuses half-way leaves that document's stored version whole, and the others load", () => {
    const p = project();
    p.write("docs/a.md", GOOD);
    p.write("docs/b.md", GOOD.replace("at sea", "on rivers"));
    p.run(["docs"]);
    const before = snapshot(p.db);
    p.write("docs/a.md", GOOD.replace("at sea", "in the air"));
    p.write("docs/b.md", GOOD.replace("at sea", "in ports"));
    // Fails inside b's transaction, after its old rows were deleted and its new document row written.
    p.db.$client.exec("CREATE TRIGGER refuse AFTER INSERT ON stances WHEN NEW.text = 'More interdiction in ports' BEGIN SELECT RAISE(ABORT, 'no room left'); END");
    const report = p.run(["docs"]);
    expect(report.outcomes.map((o) => [o.file, o.status, o.error])).toEqual([
      ["docs/a.md", "loaded", null],
      ["docs/b.md", "failed", "docs/b.md: not stored: the database refused the write (SQLITE_CONSTRAINT_TRIGGER: no room left); what was stored for it is unchanged"],
    ]);
    const after = snapshot(p.db);
    const ofB = (rows: Row[], key: string) => rows.filter((r) => r[key] === before.documents.find((d) => d.slug === "b")?.id);
    expect(after.documents.find((d) => d.slug === "b")).toEqual(before.documents.find((d) => d.slug === "b"));
    expect(ofB(after.stances, "document_id")).toEqual(ofB(before.stances, "document_id"));
    expect(exitCode(report)).toBe(1);
  });

  it("a missing input is reported and the other inputs still load", () => {
    const p = project();
    p.write("docs/good.md", GOOD);
    const report = p.run(["missing-folder", "docs"]);
    expect(report.skipped).toEqual([{ file: "missing-folder", line: null, message: "no such file or folder" }]);
    expect(report.outcomes.map((o) => o.status)).toEqual(["loaded"]);
    expect(exitCode(report)).toBe(1);
  });
});

describe("awkward tables load without harm", () => {
  const stancesOf = (db: ParallaxDb) =>
    all(db, "SELECT actor_id AS actor, issue_slug AS issue, text, table_row AS row, table_column AS col FROM stances ORDER BY id").map((s) => Object.values(s));

  it("ragged rows: a missing cell gives no stance, a cell beyond the header is ignored", () => {
    const p = project();
    p.write("ragged.md", ["| Topic | Washington wants | Bogotá wants |", "|---|---|---|", "| Drugs | More interdiction at sea |", "| Energy | Steady oil supply | A just transition | an extra cell |", ""].join("\n"));
    const report = p.run(["ragged.md"]);
    expect(report.outcomes.map((o) => [o.status, o.tables, o.stances])).toEqual([["loaded", 1, 3]]);
    expect(stancesOf(p.db)).toEqual([
      ["us", "drug-policy", "More interdiction at sea", 1, 2],
      ["us", "energy", "Steady oil supply", 2, 2],
      ["co", "energy", "A just transition", 2, 3],
    ]);
  });

  it("a table without its delimiter row is read as text, not as a table", () => {
    const p = project();
    p.write("no-delimiter.md", "| Topic | Washington wants | Bogotá wants |\n| Drugs | More interdiction at sea | Crop substitution |\n");
    const report = p.run(["no-delimiter.md"]);
    expect(report.outcomes.map((o) => [o.status, o.tables, o.stances])).toEqual([["loaded", 0, 0]]);
  });

  it("a 200-column table keeps every column and reads the two actor columns", () => {
    const p = project();
    const extra = Array.from({ length: 197 }, (_, i) => `Note ${i + 4}`);
    p.write(
      "wide.md",
      [
        `| Topic | Washington wants | Bogotá wants | ${extra.join(" | ")} |`,
        `|${"---|".repeat(200)}`,
        `| Drugs | More interdiction at sea | Crop substitution | ${extra.map((_, i) => `n${i}`).join(" | ")} |`,
        "",
      ].join("\n"),
    );
    const report = p.run(["wide.md"]);
    expect(report.outcomes.map((o) => [o.status, o.tables, o.stances])).toEqual([["loaded", 1, 2]]);
    const table = all(p.db, "SELECT header, cells FROM source_tables t JOIN source_table_rows r ON r.table_id = t.id")[0] as { header: string; cells: string };
    expect(JSON.parse(table.header)).toHaveLength(200);
    expect(JSON.parse(table.cells)).toHaveLength(200);
  });

  it("a 20,000-row table loads every row as stances, scored", () => {
    const p = project();
    const rows = Array.from({ length: 20_000 }, (_, i) => `| Drugs ${i} | interdiction ${i} | substitution ${i} |`);
    p.write("long.md", ["| Topic | Washington | Bogotá |", "|---|---|---|", ...rows, ""].join("\n"));
    const report = p.run(["long.md"]);
    expect(report.outcomes.map((o) => [o.status, o.tables, o.stances])).toEqual([["loaded", 1, 40_000]]);
    expect(all(p.db, "SELECT COUNT(*) AS n, COUNT(score) AS scored, MAX(line_start) AS last FROM stances")).toEqual([{ n: 40_000, scored: 40_000, last: 20_002 }]);
  }, 60_000);
});
