import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getCorpusSummary, getDocument, getIssue, listActors, listDocumentPositions, listDocuments, listIssuePositions, listIssues, listRepresentativeStances, listStances } from "../../db/queries";
import { openSnapshot } from "../../db/client";
import { stanceExportRows } from "../../db/export";
import type { StanceFilter } from "../../db/filters";
import { SEED_002, seededDb } from "../helpers";

const seeded = seededDb();
const db = seeded.db;

describe("the read model on the seeds", () => {
  it("summarises the corpus", () => {
    expect(getCorpusSummary({}, db)).toEqual({ documents: 5, sourceTables: 4, stances: 114, scoredStances: 57, documentPositions: 46, lastIngestAt: "2026-11-21T12:00:00.000Z" });
  });

  it("lists the codebook issues in order with their poles", () => {
    expect(listIssues(db).filter((i) => i.kind === "codebook").map((i) => [i.slug, i.kind, i.poleNegative])).toEqual([
      ["drug-policy", "codebook", "Enforcement & interdiction"],
      ["energy", "codebook", "Fossil supply & market stability"],
      ["venezuela", "codebook", "Pressure & conditions"],
      ["migration", "codebook", "Deterrence & enforcement"],
    ]);
    expect(getIssue("nope", db)).toBeNull();
    expect(getIssue("migration", db)).toMatchObject({
      labelEs: "Migración",
      descriptionEs: "Flujos migratorios por Colombia y el Tapón del Darién, control fronterizo, deportaciones y retornos.",
      poleNegativeEs: "Disuasión y control",
      polePositiveEs: "Vías humanitarias y reguladas",
    });
    expect(getIssue("migration", db)?.polePositive).toBe("Humanitarian & regulated pathways");
  });

  it("names the actors, issues and poles in both languages wherever a page shows them", () => {
    expect(listActors(db)).toEqual([
      { id: "us", label: "United States", labelEs: "Estados Unidos" },
      { id: "co", label: "Colombia", labelEs: "Colombia" },
    ]);
    const [us] = listIssuePositions({ issues: ["energy"] }, db);
    expect(us).toMatchObject({
      issueLabel: "Energy & climate",
      issueLabelEs: "Energía y clima",
      actorLabelEs: "Estados Unidos",
      poleNegativeEs: "Suministro fósil y estabilidad del mercado",
      polePositiveEs: "Transición lejos del petróleo y el gas",
    });
    expect(listDocumentPositions({ issues: ["venezuela"] }, db)[0]).toMatchObject({ issueLabelEs: "Venezuela", actorLabelEs: "Estados Unidos" });
    expect(listStances({ issues: ["drug-policy"], actors: ["co"] }, db)[0]).toMatchObject({ issueLabelEs: "Política de drogas", actorLabelEs: "Colombia", documentLang: "en" });
  });

  it("filters stances by issue, actor, document and kind", () => {
    expect(listStances({ issues: ["migration"], kinds: ["table"] }, db).map((s) => [s.actorId, s.text])).toEqual([
      ["us", "Immediate deterrence and reduced crossings"],
      ["co", "Safe, regulated transit and regional burden‑sharing"],
    ]);
    expect(listStances({ documents: ["000_4a2f62b616ad6501"], evidence: "structured" }, db)).toEqual([]);
    expect(listStances({ actors: ["co"], kinds: ["list"] }, db)).toHaveLength(4);
  });

  it("gives each stance its citation fields and position source", () => {
    const [stance] = listStances({ issues: ["venezuela"], actors: ["us"], kinds: ["table"] }, db);
    expect(stance).toMatchObject({
      text: "Ensure credible democratic guarantees",
      documentSlug: SEED_002,
      tableOrdinal: 1,
      tableRow: 3,
      tableColumn: 3,
      lineStart: 16,
      position: -1,
      positionSource: "dictionary",
    });
  });

  it("picks one representative stance per issue and actor: closest to the mean, then most cues, then tables", () => {
    // Colombia on drug policy: three stances at +1 (the fourth is not scored and never wins); three cues beat
    // two and one. Venezuela (Colombia): two cues each, tables before lists, then the earlier line. Venezuela (United
    // States): three cues ("pressure", "tied to", "verifiable") beat the table's two.
    expect(listRepresentativeStances({ evidence: "structured" }, db).map((s) => [s.issueSlug, s.actorId, s.text])).toEqual([
      ["drug-policy", "us", "Seizures, arrests and disruption of networks"],
      ["drug-policy", "co", "Rural reform, substitution and public‑health focus"],
      ["energy", "us", "Preserve market and supply stability"],
      ["energy", "co", "Climate, green investment and just energy transition"],
      ["venezuela", "us", "the U.S. seeks calibrated pressure tied to verifiable commitments"],
      ["venezuela", "co", "Normalization, dialogue and incremental reforms"],
      ["migration", "us", "Immediate deterrence and reduced crossings"],
      ["migration", "co", "Safe, regulated transit and regional burden‑sharing"],
    ]);
  });

  it("aggregates per document for an issue", () => {
    expect(listDocumentPositions({ issues: ["energy"], evidence: "structured" }, db).map((p) => [p.documentSlug, p.actorId, p.stances, p.scoredStances, p.position?.toFixed(4)])).toEqual([
      [SEED_002, "us", 3, 2, "-1.9459"],
      [SEED_002, "co", 3, 3, "2.3979"],
    ]);
    expect(listDocumentPositions({ issues: ["energy"], kinds: ["list"] }, db).map((p) => [p.actorId, p.stances])).toEqual([
      ["us", 1],
      ["co", 1],
    ]);
  });

  it("keeps the four codebook issues in the positions even when a filter leaves them empty", () => {
    const positions = listIssuePositions({ documents: ["001_63e30f287987dff8"], evidence: "structured" }, db);
    expect(positions.filter((p) => p.issueKind === "codebook")).toHaveLength(8);
    expect(positions.every((p) => p.stances === 0 && p.position === null && p.gap === null)).toBe(true);
  });

  it("lists documents with counts and returns a document with its tables and stances", () => {
    expect(listDocuments(db).map((d) => [d.slug, d.tables, d.stances, d.usStances, d.coStances])).toEqual([
      ["000_4a2f62b616ad6501", 0, 44, 8, 36],
      ["001_63e30f287987dff8", 0, 13, 7, 6],
      [SEED_002, 4, 42, 18, 24],
      ["003_6556b0f21289c777", 0, 9, 3, 6],
      ["004_d66f24aaf17ecab7", 0, 6, 2, 4],
    ]);
    const doc = getDocument(SEED_002, db);
    expect(doc?.sourceTables.map((t) => [t.ordinal, t.layout])).toEqual([
      [1, "issue-column"],
      [2, "issue-column"],
      [3, "issue-from-content"],
      [4, "no-actors"],
    ]);
    expect(doc?.stanceList[0]?.lineStart).toBe(2);
    expect(doc?.text.split("\n")[11]).toBe("| Key Issue | Petro’s Goal | U.S. Concern |");
    expect(getDocument("missing", db)).toBeNull();
  });

  it("a window of a document holds the table rows and stances on its lines only", () => {
    const doc = getDocument(SEED_002, db, { from: 15, to: 27 });
    expect(doc?.sourceTables.map((t) => [t.ordinal, t.rows.map((r) => [r.row, r.line, r.cells[0]])])).toEqual([
      [
        1,
        [
          [2, 15, "Energy Transition"],
          [3, 16, "Venezuela"],
        ],
      ],
      [2, [[1, 27, "Border flows"]]],
      [3, []],
      [4, []],
    ]);
    expect(doc?.stanceList.map((s) => s.lineStart)).toEqual([15, 15, 16, 16, 19, 19, 20, 20, 20, 21, 21, 22, 22, 23, 23, 24, 24, 27, 27]);
    expect(getDocument(SEED_002, db)?.sourceTables.map((t) => t.rows.length)).toEqual([3, 3, 3, 3]);
  });

  // A 10,000-row table's window read every row and stance of the document and cut the window afterwards.
  it("reads a window's table rows and stances by an index range on their lines", () => {
    const prepare = vi.spyOn(db.$client, "prepare");
    getDocument(SEED_002, db, { from: 15, to: 27 });
    const read = prepare.mock.calls.map(([sql]) => sql).filter((sql) => /from "(source_table_rows|stances)"/.test(sql));
    prepare.mockRestore();
    // The plan does not depend on the values: each placeholder is bound to null.
    const planOf = (sql: string) => db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...sql.split("?").slice(1).map(() => null)) as { detail: string }[];
    const plans = read.map((sql) => planOf(sql).map((row) => row.detail).join("; "));
    expect(plans).toHaveLength(3);
    for (const plan of plans) expect(plan).toMatch(/SEARCH \w+ USING INDEX (source_table_rows_line \(table_id=\? AND line>\? AND line<\?\)|stances_document_line \(document_id=\? AND line_start>\? AND line_start<\?\))/);
  });
});

// The stance download sorted every row it read (a temp B-tree of 100,000 whole rows, a third of its SQLite time),
// and read its document's row again for each stance; the loops over issues, actors and documents now read only their index.
describe("the stance download reads its rows in dashboard order by index", () => {
  const ORDERED = ["SCAN issues USING COVERING INDEX issues_order", "SCAN actors USING COVERING INDEX actors_order"];
  const STANCES = "SEARCH stances USING INDEX stances_order (issue_slug=? AND actor_id=? AND document_id=?)";
  const TABLES = "SEARCH source_tables USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN";
  it.each<[string, StanceFilter, string[]]>([
    ["every stance: nothing sorted", {}, [...ORDERED, "SCAN documents USING COVERING INDEX documents_slug_unique", STANCES, TABLES]],
    [
      "an issue and an actor: nothing sorted",
      { issues: ["energy"], actors: ["us"] },
      ["SEARCH issues USING INDEX sqlite_autoindex_issues_1 (slug=?)", "SEARCH actors USING INDEX sqlite_autoindex_actors_1 (id=?)", "SCAN documents USING COVERING INDEX documents_slug_unique", STANCES, TABLES],
    ],
    [
      "a document: its few rows found by id, then sorted",
      { documents: [SEED_002] },
      [...ORDERED, "SEARCH documents USING INTEGER PRIMARY KEY (rowid=?)", STANCES, TABLES, "USE TEMP B-TREE FOR LAST 4 TERMS OF ORDER BY"],
    ],
  ])("%s", (_name, filter, expected) => {
    const prepare = vi.spyOn(db.$client, "prepare");
    for (const _row of stanceExportRows(filter, db)) break;
    const sql = prepare.mock.calls.map(([text]) => text).find((text) => text.includes("cross join")) ?? "";
    prepare.mockRestore();
    const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...sql.split("?").slice(1).map(() => null)) as { detail: string }[];
    expect(plan.map((row) => row.detail).filter((detail) => !/LIST SUBQUERY|^SEARCH documents USING COVERING INDEX documents_slug_unique/.test(detail))).toEqual(expected);
  });
});

describe("a request's snapshot connection", () => {
  const previous = process.env.DATABASE_URL;
  beforeAll(() => {
    process.env.DATABASE_URL = seeded.file;
  });
  afterAll(() => {
    process.env.DATABASE_URL = previous;
  });

  it("opens DATABASE_URL read-only, inside a read transaction", () => {
    const snapshot = openSnapshot();
    expect(getCorpusSummary({}, snapshot).documents).toBe(5);
    expect(snapshot.$client.inTransaction).toBe(true);
    expect(() => snapshot.$client.exec("DELETE FROM stances")).toThrow(/readonly/);
    snapshot.$client.close();
  });
});

describe("the stance download's rows past the cue memo", () => {
  it("gives each row its own cues when more distinct cue lists pass than the memo keeps", () => {
    const { db: many } = seededDb();
    // 1,500 copies of one stance, each with a cue list of its own: more than the 1,024 decoded lists kept at a time.
    many.$client.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
      INSERT INTO stances (stance_key, document_id, issue_slug, actor_id, kind, text, issue_evidence, line_start, line_end,
        column_start, column_end, cue_positive, cue_negative, cues, rule, confidence)
      SELECT 'copy-' || i, document_id, issue_slug, actor_id, kind, 'copy ' || i, issue_evidence, line_start, line_end,
        column_start, column_end, 1, 0, json_array(json_object('cue', 'cue', 'matched', 'word ' || i, 'pole', 'positive', 'negatedBy', NULL)), rule, confidence
        FROM n, (SELECT * FROM stances ORDER BY id LIMIT 1)`);
    const copies = [...stanceExportRows({}, many)].filter((row) => String(row.stance).startsWith("copy "));
    expect(copies).toHaveLength(1500);
    for (const row of copies) expect(row.position_cues).toBe(`word ${String(row.stance).slice("copy ".length)} (+)`);
  });
});
