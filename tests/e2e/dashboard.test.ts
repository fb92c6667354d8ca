import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { drawCharts, launchBrowser } from "./browser";

const SEED_002 = "002_cab32d2187f2aa2e";
const baseUrl = inject("baseUrl");
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string) {
  const response = await page.goto(baseUrl + path, { waitUntil: "networkidle" });
  await drawCharts(page);
  return response?.status();
}
/** The marks a chart draws for its values: a dot per government on a position chart, a bar per government on a count chart. */
const marks = (chart: string) => page.locator(`[data-chart="${chart}"] .chart-row .chart-mark`).count();

describe("overview", () => {
  // The seed tables and lists are pinned with the structured evidence; the prose adds to them (below).
  it("loads with both charts drawn and the side-by-side stances", async () => {
    expect(await open("/en?evidence=structured")).toBe(200);
    await expect.poll(() => marks("positions")).toBe(8);
    expect(await marks("salience")).toBe(8);
    await expect(page.locator("h1").textContent()).resolves.toBe("Where the United States and Colombia stand");
    const drug = page.locator("article.issue-pair").first();
    await expect(drug.locator(".column-us .stance-text").textContent()).resolves.toContain("Seizures, arrests and disruption of networks");
    await expect(drug.locator(".column-co .stance-text").textContent()).resolves.toContain("Rural reform, substitution and public‑health focus");
  });

  it("carries every chart's numbers in server-rendered HTML, before any JavaScript", async () => {
    const html = await (await fetch(`${baseUrl}/en?evidence=structured`)).text();
    expect(html).toContain("Position per issue and actor (logit scale)");
    expect(html).toContain("\u22122.71");
    expect(html).toContain("+2.56");
  });

  it("lists every dataset with its row count", async () => {
    await open("/en?evidence=structured");
    const rows = page.locator("#downloads ~ .table-scroll tbody tr");
    expect(await rows.locator("th").allTextContents()).toEqual(["Stances", "Issue positions", "Positions per document", "Positions over time", "Documents"]);
    expect(await rows.locator("td.num").allTextContents()).toEqual(["26", "18", "8", "8", "5"]);
  });

  it("a download link gives a CSV file whose rows parse, following the evidence switch", async () => {
    await open("/en?evidence=structured");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('a[href="/api/export/stances.csv?evidence=structured"]').first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^parallax-stances-structured-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync(await download.path()), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(26);
    expect(rows[0]?.stance).toBe("Limit trafficking and overdose-linked flows");
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["table", "list"]));
  });

  it("switches between all evidence and tables and lists only, keeping the state in the URL", async () => {
    await open("/en");
    const lede = async () => (await page.locator(".lede").textContent()) ?? "";
    expect(await lede()).toContain("stance lists and prose");
    await expect(page.locator('.evidence-switch a[aria-current="true"]').textContent()).resolves.toBe("All evidence");
    await Promise.all([page.waitForURL(/\/en\?evidence=structured$/), page.getByRole("link", { name: "Tables and lists only" }).click()]);
    expect(await lede()).toContain("26 stances");
    await expect(page.locator('.evidence-switch a[aria-current="true"]').textContent()).resolves.toBe("Tables and lists only");
    // Every position says what it rests on.
    await expect(page.locator("#positions-title ~ details td").nth(1).textContent()).resolves.toBe("4 (4) — 3 tables · 1 list");
    await Promise.all([page.waitForURL(/\/en$/), page.getByRole("link", { name: "All evidence" }).click()]);
    expect(await lede()).not.toContain("26 stances");
  });

  it("chart tooltips are reachable from the keyboard", async () => {
    await open("/en");
    await page.locator('[data-chart="positions"] svg[tabindex="0"]').focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator('[data-chart="positions"] .recharts-tooltip-wrapper').textContent()).toContain("United States");
  });
});

describe("issue page", () => {
  it("shows every stance in two columns with citations and a per-document chart", async () => {
    expect(await open("/en/issues/drug-policy?evidence=structured")).toBe(200);
    expect(await page.locator(".column-us .stance").count()).toBe(4);
    expect(await page.locator(".column-co .stance").count()).toBe(4);
    await expect.poll(() => marks("per-document")).toBe(2);
  });

  it("a filter changes the URL and the content", async () => {
    await open("/en/issues/drug-policy");
    await page.getByLabel("Tables").check();
    await Promise.all([page.waitForURL(/\/en\/issues\/drug-policy\?kind=table$/), page.getByRole("button", { name: "Apply filters" }).click()]);
    expect(new URL(page.url()).searchParams.getAll("kind")).toEqual(["table"]);
    expect(await page.locator(".column-us .stance").count()).toBe(3);
    expect(await page.locator('a[href^="/api/export/stances.csv"]').first().getAttribute("href")).toBe("/api/export/stances.csv?issue=drug-policy&kind=table");
  });

  it("says which filter values it ignored", async () => {
    await open("/en/issues/migration?kind=chart&document=nope&evidence=structured");
    await expect(page.locator(".notice").textContent()).resolves.toContain("“document=nope”, “kind=chart”");
    expect(await page.locator(".column-co .stance").count()).toBe(2);
  });

  it("a citation link lands on the highlighted passage", async () => {
    await open("/en/issues/migration?evidence=structured");
    const citation = page.locator(".column-co .citation").first();
    await Promise.all([page.waitForURL(/\/en\/sources\/002_cab32d2187f2aa2e\?from=22#L22$/), citation.click()]);
    await page.waitForLoadState("networkidle");
    const target = page.locator(":target");
    await expect(target.getAttribute("id")).resolves.toBe("L22");
    await expect(target.locator(".stance-mark-co").textContent()).resolves.toContain("Bogotá argues for humanitarian corridors");
  });
});

describe("compare", () => {
  it("shows the matrix and chart for the chosen issues, with state in the URL", async () => {
    expect(await open("/en/compare")).toBe(200);
    await expect.poll(() => marks("compare-positions")).toBe(8);
    await page.getByLabel("Energy & climate").uncheck();
    await page.getByLabel("Venezuela").uncheck();
    await Promise.all([page.waitForURL(/issue=drug-policy&issue=migration/), page.getByRole("button", { name: "Compare" }).click()]);
    await drawCharts(page);
    await expect.poll(() => marks("compare-positions")).toBe(4);
    expect(await page.locator(".data-table").first().locator("tbody tr").count()).toBe(2);
  });
});

describe("sources", () => {
  it("lists the documents with metadata and counts", async () => {
    expect(await open("/en/sources")).toBe(200);
    const row = page.locator("tbody tr", { hasText: "Presence News" });
    await expect(row.count()).resolves.toBe(1);
  });

  it("renders a document with its stances highlighted and tables as tables", async () => {
    expect(await open(`/en/sources/${SEED_002}`)).toBe(200);
    expect(await page.locator(".stance-mark-structured").count()).toBe(26);
    expect(await page.locator(".stance-mark-structured.stance-mark-us").count()).toBe(13);
    expect(await page.locator(".source-table table").count()).toBe(4);
    await expect(page.locator("#table-4 .no-stances").textContent()).resolves.toContain("no stances");
    await expect(page.locator("#L42").textContent()).resolves.toContain("Reassurances against “appeasing Maduro”");
  });
});

describe("prose evidence in the source view", () => {
  it("outlines prose stances in their holder's colour, apart from the filled tables and lists, and says who holds them", async () => {
    expect(await open("/en/sources/000_4a2f62b616ad6501")).toBe(200);
    const mark = page.locator(".stance-mark-prose", { hasText: "I’m going to propose the alliance you want" });
    await expect(mark.getAttribute("class")).resolves.toContain("stance-mark-co");
    await expect(mark.getAttribute("title")).resolves.toMatch(/^Colombia · Energy & climate · .* · said or done by he \(direct quote: “said”\) · rule prose:quote-speaker-after, confidence 0\.80$/);
    const style = await mark.evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).backgroundColor]);
    expect(style).toEqual(["dashed", "rgba(0, 0, 0, 0)"]);
    expect(await page.locator(".stance-mark-structured").count()).toBe(0);
  });
});

describe("not found", () => {
  // An address without a locale is first sent to one (English here: no Accept-Language), then answered with the 404.
  it.each(["/en/issues/trade", "/en/sources/nope", "/en/no-such-page", "/issues/trade"])("%s is a proper 404 page", async (path) => {
    expect(await open(path)).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Not found");
  });
});
