import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as datasetRoute } from "../../app/api/export/[file]/route";
import { segmentToken } from "../../app/_lib/url-segment";
import { TIMELINE_COLUMNS, timelineExportRows } from "../../db/export";
import { calendarDate, listTimeline, MONTHLY_ABOVE } from "../../db/timeline";
import { ingest } from "../../scripts/ingest/pipeline";
import { loadSources } from "../../scripts/ingest/read";
import { seedCodebook, seededDb, tempDb, tempDir } from "../helpers";

const point = (p: ReturnType<typeof listTimeline>[number]) => [
  p.period,
  p.date,
  p.documents.map((d) => d.slug).join(" "),
  p.actorId,
  p.position === null ? null : Number(p.position.toFixed(4)),
  p.stances,
  p.inferred,
];

describe("positions over time on the seeds", () => {
  const { db } = seededDb();

  it("places the one dated seed in time and lists the undated documents apart, never at a made-up date", () => {
    expect(listTimeline({ issues: ["drug-policy"] }, db).map(point)).toEqual([
      ["document", "2026-02-04", "003_6556b0f21289c777", "us", null, 1, false],
      ["document", "2026-02-04", "003_6556b0f21289c777", "co", -0.8473, 3, false],
      ["undated", null, "000_4a2f62b616ad6501", "us", null, 1, false],
      ["undated", null, "000_4a2f62b616ad6501", "co", 0, 6, false],
      ["undated", null, "001_63e30f287987dff8", "us", -1.0986, 2, false],
      ["undated", null, "001_63e30f287987dff8", "co", -1.6094, 4, false],
      ["undated", null, "002_cab32d2187f2aa2e", "us", -3.2189, 6, false],
      ["undated", null, "002_cab32d2187f2aa2e", "co", 2.1203, 9, false],
    ]);
  });

  it("follows the evidence switch", () => {
    expect(listTimeline({ issues: ["drug-policy"], evidence: "structured" }, db).map(point)).toEqual([
      ["undated", null, "002_cab32d2187f2aa2e", "us", -2.7081, 4, false],
      ["undated", null, "002_cab32d2187f2aa2e", "co", 2.5649, 4, false],
    ]);
  });
});

describe("a stored date the timeline places", () => {
  it.each([
    ["2026-02-04", "2026-02-04"],
    ["2026-02-31", null],
    ["2026-02", null],
    ["Feb 4, 2026", null],
    [null, null],
  ])("%j → %j", (value, expected) => {
    expect(calendarDate(value)).toBe(expected);
  });
});

/** A corpus of dated notes on drug policy: each a section with one bullet per government. */
function notesDb(notes: { slug: string; published?: string; text?: string; us: string; co: string }[]) {
  const dir = tempDir();
  for (const note of notes) {
    const front = note.published ? `---\npublished: ${note.published}\n---\n\n` : "";
    writeFileSync(
      join(dir, `${note.slug}.md`),
      `${front}${note.text ?? ""}\n\n## Drug policy\n\n- **United States:** ${note.us}\n- **Colombia:** ${note.co}\n`,
    );
  }
  const handle = tempDb();
  ingest(handle.db, { inputs: [dir], codebook: seedCodebook(), sources: loadSources("seeds/sources.json") });
  return handle.db;
}

const ENFORCE = "Washington wants more interdiction.";
const DEVELOP = "Bogotá wants crop substitution.";
// 14 dated notes in three months (one of them dated only by its text: inferred), and one without any date.
const NOTES = [
  ...["01-05", "01-09", "01-14", "01-20"].map((day, i) => ({ slug: `jan-${i}`, published: `2026-${day}`, us: ENFORCE, co: DEVELOP })),
  { slug: "jan-4", published: "2026-01-28", us: "Washington backs crop substitution.", co: DEVELOP },
  ...["02-02", "02-10", "02-17", "02-24", "02-26"].map((day, i) => ({ slug: `feb-${i}`, published: `2026-${day}`, us: ENFORCE, co: DEVELOP })),
  ...["03-03", "03-11", "03-19"].map((day, i) => ({ slug: `mar-${i}`, published: `2026-${day}`, us: ENFORCE, co: "Bogotá accepts more interdiction." })),
  { slug: "mar-inferred", text: "The talks resumed on 25 March 2026 in Bogotá.", us: ENFORCE, co: DEVELOP },
  { slug: "undated", us: ENFORCE, co: DEVELOP },
];

describe("positions over time on many documents", () => {
  it(`pools a month's stances when an issue has more than ${MONTHLY_ABOVE} dated documents, and keeps the undated apart`, () => {
    const db = notesDb(NOTES);
    expect(listTimeline({ issues: ["drug-policy"] }, db).map(point)).toEqual([
      // January: 4 enforcement cues and 1 development cue for the US pool to log(1.5 / 4.5).
      ["month", "2026-01", "jan-0 jan-1 jan-2 jan-3 jan-4", "us", -1.0986, 5, false],
      ["month", "2026-01", "jan-0 jan-1 jan-2 jan-3 jan-4", "co", 2.3979, 5, false],
      ["month", "2026-02", "feb-0 feb-1 feb-2 feb-3 feb-4", "us", -2.3979, 5, false],
      ["month", "2026-02", "feb-0 feb-1 feb-2 feb-3 feb-4", "co", 2.3979, 5, false],
      // March holds a date inferred from the text: the point says so.
      ["month", "2026-03", "mar-0 mar-1 mar-2 mar-inferred", "us", -2.1972, 4, true],
      // Three notes where Bogotá accepts interdiction, one where it wants substitution: log(1.5 / 3.5).
      ["month", "2026-03", "mar-0 mar-1 mar-2 mar-inferred", "co", -0.8473, 4, true],
      ["undated", null, "undated", "us", -1.0986, 1, false],
      ["undated", null, "undated", "co", 1.0986, 1, false],
    ]);
  });

  it(`places each document at its own date up to ${MONTHLY_ABOVE} dated documents`, () => {
    const db = notesDb(NOTES.filter((n) => n.slug.startsWith("mar") || n.slug === "jan-4"));
    expect(listTimeline({}, db).map((p) => [p.period, p.date, p.documents[0]?.slug, p.actorId, p.gap === null ? null : Number(p.gap.toFixed(4)), p.inferred])).toEqual([
      ["document", "2026-01-28", "jan-4", "us", 0, false],
      ["document", "2026-01-28", "jan-4", "co", 0, false],
      ["document", "2026-03-03", "mar-0", "us", 0, false],
      ["document", "2026-03-03", "mar-0", "co", 0, false],
      ["document", "2026-03-11", "mar-1", "us", 0, false],
      ["document", "2026-03-11", "mar-1", "co", 0, false],
      ["document", "2026-03-19", "mar-2", "us", 0, false],
      ["document", "2026-03-19", "mar-2", "co", 0, false],
      ["document", "2026-03-25", "mar-inferred", "us", 2.1972, true],
      ["document", "2026-03-25", "mar-inferred", "co", 2.1972, true],
    ]);
  });
});

describe("GET /api/export/timeline.csv", () => {
  const seeded = seededDb();
  const previous = process.env.DATABASE_URL;
  beforeAll(() => {
    process.env.DATABASE_URL = seeded.file;
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

  it("returns exactly the timeline's rows for an issue: the dated points, then the undated documents", async () => {
    const response = await get("/api/export/timeline.csv?issue=drug-policy");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="parallax-timeline-drug-policy-\d{4}-\d{2}-\d{2}\.csv"$/);
    const title = "Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage";
    expect(await response.text()).toBe(
      [
        TIMELINE_COLUMNS.join(","),
        "drug-policy,Drug policy,document,2026-02-04,stated,1,003_6556b0f21289c777,,us,United States,,,1,0,0,0,1",
        "drug-policy,Drug policy,document,2026-02-04,stated,1,003_6556b0f21289c777,,co,Colombia,-0.8473,,3,2,0,0,3",
        "drug-policy,Drug policy,undated,,,1,000_4a2f62b616ad6501,,us,United States,,,1,0,0,0,1",
        "drug-policy,Drug policy,undated,,,1,000_4a2f62b616ad6501,,co,Colombia,0,,6,1,0,0,6",
        "drug-policy,Drug policy,undated,,,1,001_63e30f287987dff8,Colombia's Petro meets Trump after months of tensions,us,United States,-1.0986,0.5108,2,1,0,0,2",
        "drug-policy,Drug policy,undated,,,1,001_63e30f287987dff8,Colombia's Petro meets Trump after months of tensions,co,Colombia,-1.6094,0.5108,4,2,0,0,4",
        `drug-policy,Drug policy,undated,,,1,002_cab32d2187f2aa2e,${title},us,United States,-3.2189,5.3391,6,6,3,1,2`,
        `drug-policy,Drug policy,undated,,,1,002_cab32d2187f2aa2e,${title},co,Colombia,2.1203,5.3391,9,6,3,1,5`,
        "",
      ].join("\r\n"),
    );
  });

  it("round-trips: every row of the JSON and the CSV is a row of the timeline", async () => {
    const json = (await (await get("/api/export/timeline.json")).json()) as { rows: Record<string, unknown>[]; meta: { row_count: number } };
    const expected = timelineExportRows({}, seeded.db);
    expect(json.rows).toEqual(expected);
    expect(json.meta.row_count).toBe(expected.length);
    const csv = parse(await (await get("/api/export/timeline.csv")).text(), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.period, r.date, r.published_basis, r.document, r.actor])).toEqual(
      expected.map((r) => [r.period, r.date ?? "", r.published_basis ?? "", r.document, r.actor]),
    );
  });

  it("takes the filters of the per-document positions, and no actor", async () => {
    const response = await get("/api/export/timeline.csv?actor=us");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { status: 400, parameter: "actor", message: '"actor" is not a filter of timeline; use issue, document, kind, evidence, month' },
    });
  });
});
