import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as datasetRoute } from "../../app/api/export/[file]/route";
import { segmentToken } from "../../app/_lib/url-segment";
import { MIGRATIONS_FOLDER, type ParallaxDb } from "../../db/client";
import { SEARCH_COLUMNS, searchExportRows } from "../../db/export";
import * as schema from "../../db/schema";
import { documents, searchPassages, stances } from "../../db/schema";
import { iterateSearchHits, SEARCH_PAGE_SIZE, searchPage } from "../../db/search";
import { MARK_END, MARK_START, parseSearchQuery } from "../../db/search-query";
import { ingest } from "../../scripts/ingest/pipeline";
import { loadSources } from "../../scripts/ingest/read";
import { SEED_002, seedCodebook, seededDb, tempDir } from "../helpers";

const FIXTURE = "tests/fixtures/search";
const SPANISH = "informe-fumigacion";
const sources = loadSources("seeds/sources.json");

/** The seeds and the Spanish search fixture, ingested. */
function searchDb() {
  const seeded = seededDb();
  ingest(seeded.db, { inputs: [FIXTURE], codebook: seedCodebook(), sources });
  return seeded;
}

const hits = (db: ParallaxDb, text: string, filter = {}) =>
  [...iterateSearchHits(parseSearchQuery(text), filter, db)].map((h) => [h.match, h.document.slug, h.lineStart]);
const marked = (snippet: string) => snippet.replaceAll(MARK_START, "[").replaceAll(MARK_END, "]");

/** Passages and index rows the triggers keep: one per non-blank line of each document and one per stance. */
function indexCounts(db: ParallaxDb) {
  const client = db.$client;
  const lines = db
    .select({ text: documents.text })
    .from(documents)
    .all()
    .reduce((n, d) => n + d.text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "").length, 0);
  const count = (table: string) => Number(client.prepare(`select count(*) from ${table}`).pluck().get());
  return { expected: lines + count("stances"), passages: count("search_passages"), indexed: count("search_index_docsize") };
}

describe("the search index", () => {
  const { db } = searchDb();

  it("holds a passage for every stance and every non-blank line, written in ingest's transactions", () => {
    const { expected, passages, indexed } = indexCounts(db);
    expect(passages).toBe(expected);
    expect(indexed).toBe(expected);
    // FTS5's own check that the index matches its content table.
    expect(() => db.$client.exec("insert into search_index(search_index) values ('integrity-check')")).not.toThrow();
  });

  it("writes a document's passages as migration 0005's triggers did: its lines as its view splits them, then its stances in order", () => {
    const docs = tempDir();
    const many = Array.from({ length: 250 }, (_, i) => `Línea ${i + 1}: Petro dijo que la erradicación forzada fracasó.`).join("\n\n");
    const text = `# Líneas\r\nCRLF line\r\rafter an empty CR line\n   \n\t\nC:\\nuevo stays one line\u2028with a line separator\n\n${many}\n\n`;
    writeFileSync(join(docs, "lineas.md"), text);
    const { db: fresh } = seededDb();
    ingest(fresh, { inputs: [docs], codebook: seedCodebook(), sources });
    const client = fresh.$client;
    const id = client.prepare("select id from documents where slug = 'lineas'").pluck().get();
    const written = client.prepare("select line_start, line_end, body from search_passages where document_id = ? and stance_id is null order by id").all(id);
    const viewed = client
      .prepare("select line as line_start, line as line_end, text as body from document_lines where document_id = ? and trim(text) <> '' order by line")
      .all(id);
    expect(written).toEqual(viewed);
    expect(written.map((row) => (row as { line_start: number }).line_start).slice(0, 7)).toEqual([1, 2, 4, 6, 7, 9, 11]);
    expect(written).toHaveLength(255);
    const stanceRows = client.prepare("select id, line_start, line_end, text, holder from stances where document_id = ? order by id").all(id);
    const stancePassages = client
      .prepare("select stance_id as id, line_start, line_end, body as text, holder from search_passages where document_id = ? and stance_id is not null order by id")
      .all(id);
    expect(stanceRows.length).toBeGreaterThan(0);
    expect(stancePassages).toEqual(stanceRows);
  });

  it("numbers lines as the source view does, keeping backslashes and accents as written", () => {
    const line = db.$client
      .prepare("select p.line_start, p.body from search_passages p join documents d on d.id = p.document_id where d.slug = ? and p.stance_id is null and p.body like '%barras%'")
      .get(SPANISH);
    expect(line).toEqual({ line_start: 15, body: "El informe cita la ERRADICACIÓN en mayúsculas y una ruta C:\\nuevo\\registro con barras invertidas." });
  });

  it.each([
    ["bogota", "Bogotá"],
    ["BOGOTÁ", "Bogotá"],
    ["erradicacion", "erradicación"],
    ["ERRADICACION", "ERRADICACIÓN"],
    ["fumigacion aerea", "fumigación"],
  ])("%j finds %j: case and accents folded", (query, word) => {
    const page = searchPage(parseSearchQuery(query), {}, 1, db);
    expect(page?.hits.some((hit) => hit.snippet.includes(`${MARK_START}${word}${MARK_END}`))).toBe(true);
  });

  it("ranks stances and lines of text together, best first, and leaves out a line a matching stance stands for", () => {
    expect(hits(db, "bogota")).toEqual([
      ["stance", SEED_002, 22],
      ["stance", "003_6556b0f21289c777", 37],
      ["stance", SPANISH, 13],
      ["text", "001_63e30f287987dff8", 22],
      ["text", "001_63e30f287987dff8", 19],
      ["text", SEED_002, 5],
      ["stance", "001_63e30f287987dff8", 3],
      ["text", SEED_002, 18],
      ["text", "000_4a2f62b616ad6501", 11],
      ["text", "000_4a2f62b616ad6501", 4],
    ]);
    // Line 22 of the seed says "Washington pushes for immediate deterrence; Bogotá argues for …": its stance stands for it.
    expect(hits(db, "bogota")).not.toContainEqual(["text", SEED_002, 22]);
  });

  it("marks the matched words in a snippet and in a prose stance's holder", () => {
    const page = searchPage(parseSearchQuery("bogota"), { documents: ["003_6556b0f21289c777"] }, 1, db);
    const [first] = page?.hits ?? [];
    expect(first && marked(first.snippet)).toBe(
      "[Bogota] argues that while the government has shifted away from forced eradication - a policy that can harm subsistence farmers - it has ramped up seizures and more sophisticated interdiction efforts",
    );
    expect(first?.holder && marked(first.holder)).toBe("[Bogota]");
  });

  it("finds what a Spanish reader types without accents in the Spanish fixture", () => {
    // The heading (line 8) and the front matter's title (line 2) are short lines, so they rank first.
    expect(hits(db, "erradicacion")).toEqual([
      ["text", SPANISH, 8],
      ["text", SPANISH, 2],
      ["stance", SPANISH, 12],
      ["text", SPANISH, 15],
    ]);
  });

  it.each([
    ["an actor keeps its stances only", { actors: ["co" as const] }, [["stance", SEED_002, 22], ["stance", "003_6556b0f21289c777", 37], ["stance", SPANISH, 13]]],
    ["an issue keeps its stances only", { issues: ["migration"] }, [["stance", SEED_002, 22]]],
    ["a kind keeps its stances only", { kinds: ["list" as const] }, [["stance", SEED_002, 22], ["stance", SPANISH, 13]]],
    ["a document keeps its stances and lines", { documents: [SEED_002] }, [["stance", SEED_002, 22], ["text", SEED_002, 5], ["text", SEED_002, 18]]],
    // Without the prose stances, the lines they stood for are results again (001 line 3, 003 line 37).
    [
      "structured evidence drops prose stances, not lines",
      { evidence: "structured" as const },
      [
        ["stance", SEED_002, 22],
        ["stance", SPANISH, 13],
        ["text", "001_63e30f287987dff8", 22],
        ["text", "001_63e30f287987dff8", 19],
        ["text", SEED_002, 5],
        ["text", "001_63e30f287987dff8", 3],
        ["text", "003_6556b0f21289c777", 37],
        ["text", SEED_002, 18],
        ["text", "000_4a2f62b616ad6501", 11],
        ["text", "000_4a2f62b616ad6501", 4],
      ],
    ],
  ])("filters: %s", (_, filter, expected) => {
    expect(hits(db, "bogota", filter)).toEqual(expected);
  });

  it("widens a question no passage answers in full to any of its content words, those with more of them first", () => {
    const page = searchPage(parseSearchQuery("what did Petro say about fumigation"), {}, 1, db);
    expect(page?.mode).toBe("any");
    expect(page?.hits.slice(0, 2).map((h) => [h.match, h.document.slug, h.lineStart, marked(h.snippet)])).toEqual([
      // Its holder is "Petro’s government": Petro and fumigation, two of the three content words.
      ["stance", SEED_002, 20, "questioning aerial [fumigation] and forced eradication campaigns that defined earlier phases of the “war on drugs.”"],
      [
        "text",
        "000_4a2f62b616ad6501",
        13,
        "…In recent polls, roughly a quarter of Colombians [say] that they regard themselves as leftists—a measure of what [Petro] calls “the desire for change in an unequal country.”",
      ],
    ]);
  });

  it("pages: SEARCH_PAGE_SIZE hits a page, ranks continuing, a page past the last empty", () => {
    const query = parseSearchQuery("petro");
    const first = searchPage(query, {}, 1, db);
    const second = searchPage(query, {}, 2, db);
    expect(first?.total).toBe(92);
    expect(first?.pages).toBe(Math.ceil((first?.total ?? 0) / SEARCH_PAGE_SIZE));
    expect(first?.hits.map((h) => h.rank)).toEqual(Array.from({ length: SEARCH_PAGE_SIZE }, (_, i) => i + 1));
    expect(second?.hits[0]?.rank).toBe(SEARCH_PAGE_SIZE + 1);
    expect(searchPage(query, {}, 99, db)?.hits).toEqual([]);
    expect([...iterateSearchHits(query, {}, db)].map((h) => h.rank)).toEqual(Array.from({ length: first?.total ?? 0 }, (_, i) => i + 1));
  });

  it("counts hits per document under the other filters, for the page's document choices", () => {
    const page = searchPage(parseSearchQuery("bogota"), { documents: [SEED_002] }, 1, db);
    expect(page?.documents).toEqual([
      { slug: "001_63e30f287987dff8", title: "Colombia's Petro meets Trump after months of tensions", hits: 3 },
      { slug: SEED_002, title: "Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage", hits: 3 },
      { slug: "000_4a2f62b616ad6501", title: null, hits: 2 },
      { slug: "003_6556b0f21289c777", title: null, hits: 1 },
      { slug: SPANISH, title: "Fumigación y erradicación en la agenda bilateral", hits: 1 },
    ]);
  });

  it.each(['"unbalanced', "a:b", "NEAR(x y", "(", "*", "^coca", "col:bogota", "AND OR NOT"])("never fails on FTS5 syntax a reader types: %j", (query) => {
    expect(() => searchPage(parseSearchQuery(query), {}, 1, db)).not.toThrow();
  });
});

describe("keeping the index current", () => {
  it("replaces a changed document's passages and removes a deleted document's", () => {
    const dir = tempDir();
    const file = join(dir, "note.md");
    writeFileSync(file, "## Migration\n\n- **Colombia:** Bogotá asks for zephyrine pathways.\n");
    const { db } = seededDb();
    const run = () => ingest(db, { inputs: [file], codebook: seedCodebook(), sources });
    run();
    expect(hits(db, "zephyrine")).toEqual([["stance", "note", 3]]);
    writeFileSync(file, "## Migration\n\n- **Colombia:** Bogotá asks for quetzaline visas.\n");
    run();
    expect(hits(db, "zephyrine")).toEqual([]);
    expect(hits(db, "quetzaline")).toEqual([["stance", "note", 3]]);
    db.delete(documents).where(eq(documents.slug, "note")).run();
    expect(hits(db, "quetzaline")).toEqual([]);
    const { expected, passages, indexed } = indexCounts(db);
    expect([passages, indexed]).toEqual([expected, expected]);
  });

  it("follows a stance's text, and a rolled-back transaction leaves the index as it was", () => {
    const { db } = seededDb();
    const before = indexCounts(db);
    const [stance] = db.select({ id: stances.id }).from(stances).all();
    db.update(stances).set({ text: "zanzibar corridor" }).where(eq(stances.id, stance?.id ?? 0)).run();
    expect(hits(db, "zanzibar")).toHaveLength(1);
    expect(() =>
      db.transaction((tx) => {
        tx.delete(documents).run();
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(indexCounts(db)).toEqual(before);
    expect(db.select({ id: searchPassages.id }).from(searchPassages).where(eq(searchPassages.stanceId, stance?.id ?? 0)).all()).toHaveLength(1);
  });

  it("a database ingested before the search migration is indexed when it is opened", () => {
    const dir = tempDir();
    const old = join(dir, "migrations");
    cpSync(MIGRATIONS_FOLDER, old, { recursive: true });
    const journal = JSON.parse(readFileSync(join(old, "meta/_journal.json"), "utf8"));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < "0004");
    writeFileSync(join(old, "meta/_journal.json"), JSON.stringify(journal));
    mkdirSync(dir, { recursive: true });
    const sqlite = new Database(join(dir, "old.db"));
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle({ client: sqlite, schema });
    migrate(db, { migrationsFolder: old });
    // Today's ingest writes columns later migrations add: copy its rows into the columns the old schema has.
    const seeded = seededDb();
    sqlite.exec(`ATTACH '${seeded.file}' AS seeded`);
    // The old schema kept a table's rows in the table's own row (migration 0008 moves them to source_table_rows).
    const tableRows = (column: string) =>
      `(SELECT json_group_array(json(${column})) FROM (SELECT ${column} FROM seeded.source_table_rows r WHERE r.table_id = seeded.source_tables.id ORDER BY r.row))`;
    const older: Record<string, string> = { rows: tableRows("cells"), row_lines: tableRows("line") };
    sqlite.transaction(() => {
      for (const table of ["issues", "actors", "documents", "source_tables", "stances"]) {
        const names = (sqlite.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => c.name);
        const values = names.map((name) => (table === "source_tables" ? (older[name] ?? `"${name}"`) : `"${name}"`));
        sqlite.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} (${names.map((n) => `"${n}"`).join(", ")}) SELECT ${values.join(", ")} FROM seeded.${table}`);
      }
    })();
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const rowsOf = (schema: string) => sqlite.prepare(`SELECT * FROM ${schema}.source_table_rows ORDER BY table_id, row`).all();
    expect(rowsOf("main")).toEqual(rowsOf("seeded"));
    sqlite.exec("DETACH seeded");
    const { expected, passages, indexed } = indexCounts(db);
    expect([passages, indexed]).toEqual([expected, expected]);
    expect(hits(db, "bogota")).toEqual(hits(seededDb().db, "bogota"));
  });
});

describe("GET /api/export/search.csv", () => {
  const searched = searchDb();
  const previous = process.env.DATABASE_URL;
  beforeAll(() => {
    process.env.DATABASE_URL = searched.file;
  });
  afterAll(() => {
    process.env.DATABASE_URL = previous;
  });
  const get = (path: string) => {
    const url = new URL(path, "http://localhost");
    return datasetRoute(new Request(url), {
      // The proxy hands routes their file name as a token (app/_lib/url-segment.ts).
      params: Promise.resolve({ file: segmentToken(decodeURIComponent(url.pathname.split("/").at(-1) ?? "")) }),
    });
  };

  it("returns every hit in rank order with the download contract's headers, the words searched for in the file name", async () => {
    const response = await get(`/api/export/search.csv?q=${encodeURIComponent("Bogotá")}&actor=co&kind=list`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="parallax-search-bogota-co-list-\d{4}-\d{2}-\d{2}\.csv"$/);
    const title = "Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage";
    expect(await response.text()).toBe(
      [
        SEARCH_COLUMNS.join(","),
        `1,4.129,stance,${SEED_002},${title},,,22,22,migration,Migration,co,Colombia,list,,1,Bogotá argues for humanitarian corridors and regional responsibility-sharing,,"“${title}”, outlet not stated, undated, bullet list, line 22"`,
        `2,3.974,stance,${SPANISH},Fumigación y erradicación en la agenda bilateral,2026-03-10,stated,13,13,drug-policy,Drug policy,co,Colombia,list,,1,Bogotá prefiere la sustitución voluntaria de cultivos y la reforma rural,,"“Fumigación y erradicación en la agenda bilateral”, Boletín de prueba, 2026-03-10, bullet list, line 13"`,
        "",
      ].join("\r\n"),
    );
  });

  it("gives lines of text their place and citation, and JSON the same rows with the query in meta", async () => {
    const json = (await (await get("/api/export/search.json?q=erradicacion")).json()) as { rows: Record<string, unknown>[]; meta: Record<string, unknown> };
    expect(json.rows).toEqual([...searchExportRows(parseSearchQuery("erradicacion"), {}, searched.db)]);
    expect(json.rows.map((r) => [r.rank, r.match, r.line_start, r.issue, r.citation])).toEqual([
      [1, "text", 8, null, "“Fumigación y erradicación en la agenda bilateral”, Boletín de prueba, 2026-03-10, text, line 8"],
      [2, "text", 2, null, "“Fumigación y erradicación en la agenda bilateral”, Boletín de prueba, 2026-03-10, text, line 2"],
      [3, "stance", 12, "drug-policy", "“Fumigación y erradicación en la agenda bilateral”, Boletín de prueba, 2026-03-10, bullet list, line 12"],
      [4, "text", 15, null, "“Fumigación y erradicación en la agenda bilateral”, Boletín de prueba, 2026-03-10, text, line 15"],
    ]);
    expect(json.meta).toMatchObject({ dataset: "search", query: "erradicacion", filters: {}, row_count: 4, columns: [...SEARCH_COLUMNS] });
  });

  it("streams as many rows as the search page counts, each parsed back", async () => {
    const rows = parse(await (await get("/api/export/search.csv?q=petro&bom=1")).text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(searchPage(parseSearchQuery("petro"), {}, 1, searched.db)?.total ?? -1);
    expect(rows.map((r) => Number(r.rank))).toEqual(rows.map((_, i) => i + 1));
  });

  it.each([
    ["/api/export/search.csv", "q", 'give "q" once: the words to search for'],
    ["/api/export/search.csv?q=a&q=b", "q", 'give "q" once: the words to search for'],
    ["/api/export/search.csv?q=%21%21", "q", '"q" has no words to search for (at most 200 characters are read)'],
    ["/api/export/search.csv?q=coca&page=2", "page", '"page" is not a filter of search; use issue, actor, document, kind, evidence'],
    ["/api/export/search.csv?q=coca&kind=chart", "kind", 'unknown kind "chart"; expected one of: table, list, prose'],
    ["/api/export/stances.csv?q=coca", "q", '"q" is not a filter of stances; use issue, actor, document, kind, evidence, month'],
  ])("%s → 400 naming %s", async (path, parameter, message) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { status: 400, parameter, message } });
  });
});
