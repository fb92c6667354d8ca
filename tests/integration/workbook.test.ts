import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as datasetRoute } from "../../app/api/export/[file]/route";
import { GET as workbookRoute } from "../../app/api/export/workbook.xlsx/route";
import { segmentToken } from "../../app/_lib/url-segment";
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

const today = new Date().toISOString().slice(0, 10);
const csv = async (dataset: string, query: string) => {
  const response = await datasetRoute(new Request(`http://localhost/api/export/${dataset}.csv${query}`), {
    // The proxy hands routes their file name as a token (app/_lib/url-segment.ts).
    params: Promise.resolve({ file: segmentToken(`${dataset}.csv`) }),
  });
  return parse(await response.text()) as string[][];
};
const workbook = async (query: string, headers: Record<string, string> = {}) => {
  const response = await workbookRoute(new Request(`http://localhost/api/export/workbook.xlsx${query}`, { headers }));
  const book = new ExcelJS.Workbook();
  if (response.status === 200) await book.xlsx.load(await response.arrayBuffer());
  return { response, book };
};

/** A sheet's rows as the CSV writes them: numbers as their text, empty cells as "". */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const width = sheet.getRow(1).cellCount;
    rows.push(Array.from({ length: width }, (_, i) => {
      const value = row.getCell(i + 1).value;
      return value === null || value === undefined ? "" : String(value);
    }));
  });
  return rows;
}

/** The CSV's formula guard undone: the workbook's cells are text, never formulas, so they need no apostrophe. */
const unguard = (rows: string[][]) => rows.map((row) => row.map((value) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value)));

const SHEETS = [
  ["Stances", "stances"],
  ["Issue positions", "issues"],
  ["Positions per document", "document-positions"],
  ["Documents", "documents"],
] as const;

describe("GET /api/export/workbook.xlsx", () => {
  it("is an .xlsx attachment named for its filters", async () => {
    const { response } = await workbook("?issue=migration&evidence=structured");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="parallax-workbook-migration-structured-${today}.xlsx"`);
  });

  it.each([
    ["", ""],
    ["?issue=migration&evidence=structured", "?issue=migration&evidence=structured"],
    [`?document=${SEED_002}&kind=table`, `?document=${SEED_002}&kind=table`],
  ])("holds, sheet by sheet, the rows of each dataset's CSV, accents intact (%s)", async (query) => {
    const { book } = await workbook(query);
    expect(book.worksheets.map((s) => s.name)).toEqual(["About", ...SHEETS.map(([name]) => name)]);
    for (const [name, dataset] of SHEETS) {
      const params = new URLSearchParams(query);
      // Each sheet applies the filters its dataset's download takes (documents.csv takes none).
      const allowed = dataset === "documents" ? [] : dataset === "document-positions" ? ["issue", "document", "kind", "evidence"] : ["issue", "actor", "document", "kind", "evidence"];
      const own = new URLSearchParams([...params].filter(([key]) => allowed.includes(key)));
      const expected = unguard(await csv(dataset, own.size ? `?${own}` : ""));
      const sheet = book.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      expect(sheetRows(sheet)).toEqual(expected);
    }
  });

  it("keeps text exactly: accents, curly quotes, and document text that starts like a formula", async () => {
    const { book } = await workbook("");
    const stances = book.getWorksheet("Stances");
    if (!stances) throw new Error("no Stances sheet");
    const texts = sheetRows(stances).map((row) => row[4]);
    expect(texts).toContain("Bogotá argues for humanitarian corridors and regional responsibility-sharing");
    expect(texts).toContain(`=HYPERLINK("http://x","y")`);
    const formulas: string[] = [];
    stances.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas.push(String(cell.address)))));
    expect(formulas).toEqual([]);
    const titles = sheetRows(stances).map((row) => row[10]);
    expect(titles).toContain("Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage");
    // Positions are numbers a spreadsheet can sum, not text.
    const positions = sheetRows(stances).slice(1).map((_, i) => stances.getRow(i + 2).getCell(7).value);
    expect(positions.filter((p) => p !== null).every((p) => typeof p === "number")).toBe(true);
    expect(positions.filter((p) => typeof p === "number").length).toBeGreaterThan(50);
  });

  it("opens on a sheet with the filters, the citation to use, each sheet's row count and the sources", async () => {
    const { book } = await workbook(`?issue=energy&evidence=structured`);
    const about = book.getWorksheet("About");
    if (!about) throw new Error("no About sheet");
    const rows: string[][] = [];
    about.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(values.filter((v) => v !== null && v !== undefined).map(String));
    });
    const labelled = (label: string) => rows.find((row) => row[0] === label)?.slice(1);
    expect(rows[0]).toEqual(["Parallax — US–Colombia stances"]);
    expect(labelled("Filter: issue")).toEqual(["energy"]);
    expect(labelled("Filter: evidence")).toEqual(["structured: tables and lists only, no prose"]);
    expect(labelled("Filter: document")).toEqual(["all"]);
    expect(labelled("Filter: month")).toEqual(["all"]);
    expect(labelled("How to cite")?.[0]).toMatch(/^Parallax, US–Colombia stances .*generated \d{4}-\d{2}-\d{2} from http:\/\/localhost\/api\/export\/workbook\.xlsx\?issue=energy&evidence=structured\./);
    const stanceCount = (await csv("stances", "?issue=energy&evidence=structured")).length - 1;
    expect(labelled("Stances")?.at(-1)).toBe(String(stanceCount));
    expect(labelled("Documents")?.at(-1)).toBe("6");
    expect(labelled(SEED_002)).toEqual(["Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage"]);
  });

  it("cites the address the reader used, as a proxy forwards it", async () => {
    const { book } = await workbook("?issue=energy", { host: "parallax.example.org", "x-forwarded-proto": "https" });
    const about = book.getWorksheet("About");
    let cite: unknown;
    about?.eachRow((row) => {
      if (row.getCell(1).value === "How to cite") cite = row.getCell(2).value;
    });
    expect(String(cite)).toContain("from https://parallax.example.org/api/export/workbook.xlsx?issue=energy.");
  });

  it.each([
    ["?issue=trade", "issue", 'unknown issue "trade"'],
    ["?evidence=prose", "evidence", 'unknown evidence "prose"'],
    ["?bom=1", "bom", '"bom" is not an option of the workbook'],
    ["?colour=red", "colour", '"colour" is not a filter of the workbook'],
    [`?issue=${"x".repeat(5000)}`, "issue", `unknown issue "${"x".repeat(80)}…"; expected one of: drug-policy, `],
  ])("%s → 400 naming %s", async (query, parameter, message) => {
    const { response } = await workbook(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { parameter: string; message: string } };
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toContain(message);
  });
});
