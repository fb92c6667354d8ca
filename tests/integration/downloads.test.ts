import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as datasetRoute } from "../../app/api/export/[file]/route";
import { GET as tableRoute } from "../../app/api/export/tables/[file]/route";
import { downloadFileName } from "../../app/api/export/_lib/download";
import { segmentToken } from "../../app/_lib/url-segment";
import { STANCE_WEB_COLUMNS, stanceExportRows } from "../../db/export";
import { ingest } from "../../scripts/ingest/pipeline";
import { loadSources } from "../../scripts/ingest/read";
import { SEED_002, seedCodebook, seededDb } from "../helpers";

const seeded = seededDb();
ingest(seeded.db, { inputs: ["tests/fixtures/documents"], codebook: seedCodebook(), sources: loadSources("seeds/sources.json") });
const previous = process.env.DATABASE_URL;
beforeAll(() => {
  process.env.DATABASE_URL = seeded.file;
});
afterAll(() => {
  process.env.DATABASE_URL = previous;
});

const get = (path: string) => {
  const url = new URL(path, "http://localhost");
  const [, file] = /\/([^/]+)$/.exec(url.pathname) ?? [];
  const route = url.pathname.startsWith("/api/export/tables/") ? tableRoute : datasetRoute;
  // The proxy hands routes their file name as a token (app/_lib/url-segment.ts).
  return route(new Request(url), { params: Promise.resolve({ file: segmentToken(decodeURIComponent(file ?? "")) }) });
};
const today = new Date().toISOString().slice(0, 10);

describe("GET /api/export/stances.csv", () => {
  it("returns the exact bytes for a small filter, with CSV headers", async () => {
    const response = await get(`/api/export/stances.csv?issue=migration&kind=table&document=${SEED_002}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="parallax-stances-migration-${SEED_002}-table-${today}.csv"`,
    );
    expect(await response.text()).toBe(
      [
        STANCE_WEB_COLUMNS.join(","),
        `migration,Migration,us,United States,Immediate deterrence and reduced crossings,table,-1,"deterrence (-); reduced crossings (-)",dictionary,${SEED_002},Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage,,27,27,2,1,table:issue-column,,,,,,"“Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage”, outlet not stated, undated, table 2 row 1, line 27"`,
        `migration,Migration,co,Colombia,"Safe, regulated transit and regional burden‑sharing",table,1,"regulated (+); burden‑sharing (+)",dictionary,${SEED_002},Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage,,27,27,2,1,table:issue-column,,,,,,"“Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage”, outlet not stated, undated, table 2 row 1, line 27"`,
        "",
      ].join("\r\n"),
    );
  });

  it("round-trips: parsed with csv-parse, every row equals the database row", async () => {
    const text = await (await get("/api/export/stances.csv")).text();
    const parsed = parse(text, { columns: true }) as Record<string, string>[];
    const expected = [...stanceExportRows({}, seeded.db)].map((row) =>
      Object.fromEntries(STANCE_WEB_COLUMNS.map((c) => {
        const value = row[c] === null ? "" : String(row[c]);
        return [c, /^[=+\-@\t\r]/.test(value) && typeof row[c] === "string" ? `'${value}` : value];
      })),
    );
    expect(parsed).toEqual(expected);
    expect(parsed).toHaveLength(118);
  });

  // The CSV is written straight from the stances read, the JSON from download rows: both through one column table.
  it("agrees with the JSON download row for row", async () => {
    const csvRows = parse(await (await get("/api/export/stances.csv")).text(), { columns: true }) as Record<string, string>[];
    const jsonRows = ((await (await get("/api/export/stances.json")).json()) as { rows: Record<string, string | number | null>[] }).rows;
    expect(csvRows).toHaveLength(118);
    expect(csvRows).toEqual(
      jsonRows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => [column, typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value === null ? "" : String(value)]),
        ),
      ),
    );
  });

  it("adds a UTF-8 byte-order mark with ?bom=1 and drops the header with ?header=0", async () => {
    const withBom = new Uint8Array(await (await get("/api/export/stances.csv?bom=1&issue=energy")).arrayBuffer());
    expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const withoutHeader = await (await get("/api/export/stances.csv?header=0&issue=energy&evidence=structured")).text();
    expect(withoutHeader.startsWith("energy,Energy & climate,us,")).toBe(true);
    expect(withoutHeader.split("\r\n")).toHaveLength(7);
  });

  // LibreOffice's text import splits on tabs and semicolons as well as commas by default, so an unquoted
  // "deterrence (-); reduced crossings (-)" shifted every later column of its row one to the right.
  it("quotes every field holding a semicolon or a tab, so LibreOffice's default import keeps the columns", async () => {
    const text = await (await get("/api/export/stances.csv")).text();
    expect(text).toContain('"deterrence (-); reduced crossings (-)"');
    // Read as LibreOffice reads it by default: commas, semicolons and tabs all separate fields.
    expect(parse(text, { delimiter: [",", ";", "\t"] })).toEqual(parse(text));
  });

  it("guards cells that a spreadsheet would run as formulas", async () => {
    const text = await (await get("/api/export/stances.csv?document=formula-injection")).text();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.stance)).toEqual([`'=HYPERLINK("http://x","y")`, `'+Substitution, "quoted" and Bogotá`, "'@SUM(A1)", "'-Safe corridors"]);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(rows.map((r) => r.source_url)).toEqual(Array(4).fill("https://example.org/formula-test"));
    // Numbers are ours, not document text: a negative position stays a number.
    const issues = await (await get("/api/export/issues.csv?actor=us")).text();
    expect(issues).toMatch(/,United States,-\d\.\d{4},/);
    expect(issues).not.toContain("'-");
  });

  it.each([
    ["/api/export/stances.csv?issue=trade", "issue", 'unknown issue "trade"'],
    ["/api/export/stances.csv?actor=ve", "actor", 'unknown actor "ve"; expected one of: us, co'],
    ["/api/export/stances.csv?kind=chart", "kind", 'unknown kind "chart"'],
    ["/api/export/stances.csv?document=nope", "document", 'unknown document "nope"'],
    ["/api/export/stances.csv?bom=yes", "bom", 'bom must be 0 or 1, not "yes"'],
    ["/api/export/documents.csv?issue=energy", "issue", '"issue" is not a filter of documents'],
    ["/api/export/stances.csv?cite=1", "cite", '"cite" applies to source tables only'],
  ])("%s → 400 naming %s", async (path, parameter, message) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { error: { parameter: string; message: string } };
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toContain(message);
  });

  it.each([
    ["/api/export/stances.csv?bom=1&bom=0", "bom", "give bom once: 0 or 1"],
    ["/api/export/stances.csv?__proto__=1", "__proto__", '"__proto__" is not a filter of stances'],
    ["/api/export/stances.csv?constructor=1", "constructor", '"constructor" is not a filter of stances'],
    ["/api/export/tables/formula-injection-t1.csv?constructor=1", "constructor", '"constructor" is not an option of a table download'],
  ])("%s → 400 naming %s", async (path, parameter, message) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { parameter: string; message: string } };
    expect(body.error).toMatchObject({ parameter, message: expect.stringContaining(message) });
  });

  it("quotes a huge value in its error shortened, never whole", async () => {
    const response = await get(`/api/export/stances.csv?issue=${"x".repeat(5000)}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^unknown issue "x{80}…"; expected one of: drug-policy, /);
  });

  it("names a download once per filter value, and keeps its file name short however many there are", async () => {
    const response = await get(`/api/export/stances.csv?${"issue=energy&".repeat(200)}kind=table`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="parallax-stances-energy-table-${today}.csv"`);
    const many = await get(`/api/export/stances.csv?issue=energy&issue=migration&issue=venezuela&issue=drug-policy&document=${SEED_002}&document=formula-injection&actor=us&actor=co&kind=table&kind=list&kind=prose`);
    expect(/filename="([^"]+)"/.exec(many.headers.get("content-disposition") ?? "")?.[1]?.length).toBeLessThan(200);
  });

  it("a route given a file name the proxy did not pass answers 404, never reads it", async () => {
    const response = await datasetRoute(new Request("http://localhost/api/export/stances.csv"), { params: Promise.resolve({ file: "stances.csv" }) });
    expect(response.status).toBe(404);
  });

  it.each([
    "/api/export/nothing.csv",
    "/api/export/stances.xlsx",
    "/api/export/__proto__.csv",
    "/api/export/constructor.csv",
    "/api/export/toString.json",
    "/api/export/hasOwnProperty.csv",
    "/api/export/tables/nope-t1.csv",
    `/api/export/tables/${SEED_002}-t9.csv`,
    "/api/export/tables/garbage.csv",
    "/api/export/tables/__proto__-t1.csv",
  ])(
    "%s → 404",
    async (path) => {
      expect((await get(path)).status).toBe(404);
    },
  );
});

describe("the other datasets", () => {
  it("issues.csv has one row per issue × actor", async () => {
    const rows = parse(await (await get("/api/export/issues.csv")).text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r.issue}:${r.actor}`)).toEqual([
      "drug-policy:us", "drug-policy:co", "energy:us", "energy:co", "venezuela:us", "venezuela:co", "migration:us", "migration:co",
      "other-accusations-against-leaders:us", "other-accusations-against-leaders:co",
      "other-sanctions-on-individuals:us", "other-sanctions-on-individuals:co",
      "other-security-and-armed-groups:us", "other-security-and-armed-groups:co", "other-sovereignty-and-the-bilateral-relationship:us", "other-sovereignty-and-the-bilateral-relationship:co", "other-trade-and-tariffs:us", "other-trade-and-tariffs:co",
    ]);
  });

  it("documents.csv has one row per document with counts", async () => {
    const text = await (await get("/api/export/documents.csv")).text();
    expect(text.split("\r\n").slice(0, 2)).toEqual(["slug,title,outlet,published,url,tables,stances,author,published_basis,published_evidence", "000_4a2f62b616ad6501,,,,,0,44,,,"]);
    expect(text).toContain("formula-injection,Spreadsheet formula test,Parallax test fixtures,2026-11-01,https://example.org/formula-test,1,4,,stated,front matter “published”");
  });

  it("document-positions.csv carries the issue page's filters", async () => {
    const response = await get("/api/export/document-positions.csv?issue=energy&kind=list");
    expect(response.headers.get("content-disposition")).toContain(`parallax-document-positions-energy-list-${today}.csv`);
    expect(parse(await response.text(), { columns: true })).toEqual([
      { issue: "energy", issue_label: "Energy & climate", document: SEED_002, document_title: "Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage", actor: "us", actor_label: "United States", position: "-1.0986", stances: "1", scored_stances: "1", table_stances: "0", list_stances: "1", prose_stances: "0" },
      { issue: "energy", issue_label: "Energy & climate", document: SEED_002, document_title: "Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage", actor: "co", actor_label: "Colombia", position: "1.0986", stances: "1", scored_stances: "1", table_stances: "0", list_stances: "1", prose_stances: "0" },
    ]);
  });

  it("JSON gives the same rows with a meta block", async () => {
    const response = await get("/api/export/stances.json?issue=venezuela&actor=co&evidence=structured");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await response.json()) as { rows: Record<string, unknown>[]; meta: Record<string, unknown> };
    expect(body.rows).toEqual([...stanceExportRows({ issues: ["venezuela"], actors: ["co"], evidence: "structured" }, seeded.db)]);
    expect(body.meta).toMatchObject({ dataset: "stances", filters: { issues: ["venezuela"], actors: ["co"], evidence: "structured" }, row_count: 4 });
    expect((body.meta.sources as unknown[]).length).toBe(6);
  });
});

describe("GET /api/export/tables/[id].csv", () => {
  it("returns the table exactly as in the document", async () => {
    const response = await get(`/api/export/tables/${SEED_002}-t4.csv`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="parallax-table-${SEED_002}-t4-${today}.csv"`);
    expect(await response.text()).toBe(
      [
        "Track,Goal,Risk If Absent",
        "Clear Red Lines,Prevent miscalculation and military incidents,Rapid, unmanaged escalation from minor disputes",
        "Anti‑Narcotics Agenda,Cut cartel revenues and violence,Persistent cross‑border crime and instability",
        "Backchannel Diplomacy,De‑politicize crises and enable quiet compromise,Policy made via public clashes and social media",
        "",
      ].join("\r\n").replace("Rapid, unmanaged escalation from minor disputes", '"Rapid, unmanaged escalation from minor disputes"'),
    );
  });

  it("adds a trailing citation row only with ?cite=1", async () => {
    const lines = (await (await get(`/api/export/tables/${SEED_002}-t1.csv?cite=1`)).text()).split("\r\n");
    expect(lines.at(-2)).toBe(`"# Source: “Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage”, outlet not stated, undated, table 1, lines 12–16"`);
    expect(lines[0]).toBe("Key Issue,Petro’s Goal,U.S. Concern");
  });

  it("as JSON: rows keyed by the table's own header, with its citation", async () => {
    const body = (await (await get(`/api/export/tables/${SEED_002}-t3.json`)).json()) as { rows: unknown[]; meta: { citation: string } };
    expect(body.rows[2]).toEqual({ "Petro’s Priorities": "Diplomatic space to engage Venezuela", "Trump’s Priorities": "Reassurances against “appeasing Maduro”" });
    expect(body.meta.citation).toContain("table 3, lines 38–42");
  });
});

describe("download file names", () => {
  it("say what is inside", () => {
    expect(downloadFileName("stances", { issues: ["drug-policy"] }, "csv", new Date("2026-11-21T10:00:00Z"))).toBe("parallax-stances-drug-policy-2026-11-21.csv");
    expect(downloadFileName("issues", {}, "json", new Date("2026-11-21T10:00:00Z"))).toBe("parallax-issues-2026-11-21.json");
  });
});
