import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers";

const run = (script: string, args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env, DATABASE_URL: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe("npm run ingest", () => {
  const dir = tempDir();
  const db = join(dir, "cli.db");

  it("loads the seeds, prints a readable summary and exits 0", () => {
    const { code, stdout } = run("scripts/ingest.ts", ["--db", db]);
    expect(code).toBe(0);
    expect(stdout).toContain("5 loaded, 0 unchanged, 0 failed.");
    expect(stdout).toMatch(/002_cab32d2187f2aa2e\.txt\s+loaded\s+4\s+42/);
    expect(stdout).toMatch(/drug-policy\s+10\s+22/);
    expect(stdout).toContain("seeds/documents/002_cab32d2187f2aa2e.txt:52: table 4: no column header names");
  });

  it("a second run reports every document unchanged", () => {
    const { code, stdout } = run("scripts/ingest.ts", ["--db", db]);
    expect(code).toBe(0);
    expect(stdout).toContain("0 loaded, 5 unchanged, 0 failed.");
  });

  it("exits 1 and names the file when a document cannot be read, loading the others", () => {
    const docs = tempDir();
    writeFileSync(join(docs, "good.md"), "- Drugs: Washington wants seizures; Bogotá wants substitution\n");
    writeFileSync(join(docs, "empty.txt"), "\n");
    const { code, stdout } = run("scripts/ingest.ts", [docs, "--db", join(docs, "x.db")]);
    expect(code).toBe(1);
    expect(stdout).toContain("1 loaded, 0 unchanged, 1 failed.");
    expect(stdout).toContain(`${join(docs, "empty.txt")}: empty document`);
  });

  it("exits 1 naming the field of a bad codebook, before touching the database", () => {
    const book = JSON.parse(readFileSync("seeds/codebook.json", "utf8"));
    book.issues[1].slug = "Energy!";
    const file = join(dir, "codebook.json");
    writeFileSync(file, JSON.stringify(book));
    const { code, stderr } = run("scripts/ingest.ts", ["--db", join(dir, "other.db"), "--codebook", file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}: invalid codebook`);
    expect(stderr).toContain("issues[1].slug: must be lower-case letters, digits and hyphens");
  });

  it("refuses a file over --max-bytes unread, and reads it once the limit is raised", () => {
    const docs = tempDir();
    writeFileSync(join(docs, "long.md"), `${"Filler line about the talks.\n".repeat(100)}- Drugs: the U.S. wants interdiction; Colombia wants substitution\n`);
    const dbFile = join(tempDir(), "x.db");
    const refused = run("scripts/ingest.ts", [docs, "--db", dbFile, "--max-bytes", "2kB"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`${join(docs, "long.md")}: 3 kB, over the 2 kB limit; not read (raise the limit with --max-bytes to read it)`);
    const read = run("scripts/ingest.ts", [docs, "--db", dbFile, "--max-bytes", "1MB"]);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain("1 loaded, 0 unchanged, 0 failed.");
    expect(run("scripts/ingest.ts", [docs, "--db", dbFile, "--max-bytes", "lots"]).code).toBe(2);
  });

  it.each([
    ["--help", ["--help"], 0],
    ["an unknown option", ["--bogus"], 2],
    ["a --max-bytes that is not a size", ["--max-bytes", "lots"], 2],
  ])("%s answers from the arguments alone, loading no module of the pipeline", (_, args, code) => {
    const file = join(tempDir(), "imports.txt");
    writeFileSync(file, "");
    const result = spawnSync(process.execPath, ["--import", "tsx", "--import", "./tests/fixtures/record-imports.mjs", "scripts/ingest.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, RECORD_IMPORTS: file },
    });
    expect(result.status).toBe(code);
    expect((code === 0 ? result.stdout : result.stderr).trimEnd().endsWith("--quiet     print only warnings and errors")).toBe(true);
    const loaded = readFileSync(file, "utf8").trim().split("\n").map((url) => url.replace(pathToFileURL(process.cwd()).href, ""));
    expect(loaded).toEqual(["/scripts/ingest.ts", "/scripts/ingest/limits.ts"]);
  });

  it.each([
    ["sources", { documents: { "a.txt": { title: "Talks", published: "March 2026" } } }, "invalid sources file: documents.a.txt.published: must be a date written YYYY-MM-DD"],
    ["overrides", { overrides: [{ stance: "a:123", position: 3, note: "too far" }] }, "invalid overrides file: overrides[0].position: must be between -1 and 1"],
  ])("an invalid %s file ingests nothing, exits 1 and names the field", (option, content, message) => {
    const docs = tempDir();
    writeFileSync(join(docs, "a.txt"), "- Drugs: the U.S. wants interdiction; Colombia wants substitution\n");
    const file = join(docs, `${option}.json`);
    writeFileSync(file, JSON.stringify(content));
    const dbFile = join(docs, "x.db");
    const { code, stderr } = run("scripts/ingest.ts", [docs, "--db", dbFile, `--${option}`, file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}: ${message}`);
    expect(existsSync(dbFile)).toBe(false);
  });

  it("--rescore re-scores stored stances without reading documents", () => {
    const { code, stdout } = run("scripts/ingest.ts", ["--db", db, "--rescore"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Ingested 0 document(s)");
    expect(stdout).toContain("Positions: 57 stance(s) scored, 57 not scored (no cue matched), 0 set by analyst override.");
  });

  it("exits 2 on an unknown option", () => {
    const { code, stderr } = run("scripts/ingest.ts", ["--frobnicate"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: npm run ingest");
  });
});

describe("npm run export -- stances", () => {
  const dir = tempDir();
  const db = join(dir, "export.db");
  run("scripts/ingest.ts", ["--db", db, "--quiet"]);

  it("writes RFC 4180 CSV with the contract's header and one row per stance", () => {
    const { code, stdout } = run("scripts/export.ts", ["stances", "--db", db, "--evidence", "structured"]);
    expect(code).toBe(0);
    expect(stdout.split("\r\n")[0]).toBe(
      "issue,issue_label,actor,actor_label,stance,kind,position,position_cues,position_source,document,document_title,published,line_start,line_end,source_table,confidence,rule,holder,attribution,attribution_cue,published_basis",
    );
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(26);
    expect(rows.find((r) => r.stance === "Safe, regulated transit and regional burden‑sharing")).toEqual({
      issue: "migration",
      issue_label: "Migration",
      actor: "co",
      actor_label: "Colombia",
      stance: "Safe, regulated transit and regional burden‑sharing",
      kind: "table",
      position: "1",
      position_cues: "regulated (+); burden‑sharing (+)",
      position_source: "dictionary",
      document: "002_cab32d2187f2aa2e",
      document_title: "Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage",
      published: "",
      line_start: "27",
      line_end: "27",
      source_table: "2",
      confidence: "1",
      rule: "table:issue-column",
      holder: "",
      attribution: "",
      attribution_cue: "",
      published_basis: "",
    });
  });

  it("writes the issues dataset: one row per issue × actor", () => {
    const { code, stdout } = run("scripts/export.ts", ["issues", "--db", db, "--evidence", "structured"]);
    expect(code).toBe(0);
    expect(stdout.split("\r\n").slice(0, 3)).toEqual([
      "issue,issue_label,actor,actor_label,position,stances,scored_stances,pole_negative,pole_positive,gap,table_stances,list_stances,prose_stances",
      "drug-policy,Drug policy,us,United States,-2.7081,4,4,Enforcement & interdiction,Development & public health,5.273,3,1,0",
      "drug-policy,Drug policy,co,Colombia,2.5649,4,3,Enforcement & interdiction,Development & public health,5.273,3,1,0",
    ]);
  });

  it("filters by issue and actor", () => {
    const { stdout } = run("scripts/export.ts", ["stances", "--db", db, "--issue", "venezuela", "--actor", "us", "--kind", "table", "--kind", "list"]);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.stance)).toEqual([
      "Ensure credible democratic guarantees",
      "the U.S. seeks calibrated pressure tied to verifiable commitments",
      "Conditioned pressure on Maduro",
      "Reassurances against “appeasing Maduro”",
    ]);
  });

  it("rejects an unknown filter value, naming the option", () => {
    const { code, stderr } = run("scripts/export.ts", ["stances", "--db", db, "--issue", "trade"]);
    expect(code).toBe(1);
    expect(stderr).toContain('export: --issue: unknown issue "trade"; expected one of: drug-policy, energy, venezuela, migration');
  });

  it("says what to do when there is no database", () => {
    const { code, stderr } = run("scripts/export.ts", ["stances", "--db", join(dir, "missing.db")]);
    expect(code).toBe(1);
    expect(stderr).toContain("run `npm run ingest` first");
  });
});
