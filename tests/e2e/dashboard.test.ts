import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser";

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
  return response?.status();
}
const bars = (chart: string) => page.locator(`[data-chart="${chart}"] .recharts-bar-rectangle`).count();

async function expectNoAxeViolations() {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

describe("overview", () => {
  it("loads with both charts drawn and the side-by-side stances", async () => {
    expect(await open("/")).toBe(200);
    await expect.poll(() => bars("positions")).toBe(8);
    expect(await bars("salience")).toBe(8);
    await expect(page.locator("h1").textContent()).resolves.toBe("Where the United States and Colombia stand");
    const drug = page.locator("article.issue-pair").first();
    await expect(drug.locator(".column-us .stance-text").textContent()).resolves.toContain("Seizures, arrests and disruption of networks");
    await expect(drug.locator(".column-co .stance-text").textContent()).resolves.toContain("Rural reform, substitution and public‑health focus");
    await screenshot(page, "overview");
    await expectNoAxeViolations();
  });

  it("carries every chart's numbers in server-rendered HTML, before any JavaScript", async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    expect(html).toContain("Position per issue and actor (logit scale)");
    expect(html).toContain("\u22122.71");
    expect(html).toContain("+2.56");
  });

  it("lists every dataset with its row count", async () => {
    await open("/");
    const rows = page.locator("#downloads ~ .table-scroll tbody tr");
    expect(await rows.locator("th").allTextContents()).toEqual(["Stances", "Issue positions", "Positions per document", "Documents"]);
    expect(await rows.locator("td.num").allTextContents()).toEqual(["27", "8", "10", "5"]);
  });

  it("a download link gives a CSV file whose rows parse", async () => {
    await open("/");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[href="/api/export/stances.csv"]').first().click()]);
    expect(download.suggestedFilename()).toMatch(/^parallax-stances-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync(await download.path()), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(27);
    expect(rows[0]?.stance).toBe("Limit trafficking and overdose-linked flows");
  });

  it("chart tooltips are reachable from the keyboard", async () => {
    await open("/");
    await page.locator('[data-chart="positions"] svg[tabindex="0"]').focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator('[data-chart="positions"] .recharts-tooltip-wrapper').textContent()).toContain("United States");
  });
});

describe("issue page", () => {
  it("shows every stance in two columns with citations and a per-document chart", async () => {
    expect(await open("/issues/drug-policy")).toBe(200);
    expect(await page.locator(".column-us .stance").count()).toBe(4);
    expect(await page.locator(".column-co .stance").count()).toBe(4);
    await expect.poll(() => bars("per-document")).toBe(2);
    await screenshot(page, "issue-drug-policy");
    await expectNoAxeViolations();
  });

  it("a filter changes the URL and the content", async () => {
    await open("/issues/drug-policy");
    await page.getByLabel("Tables").check();
    await Promise.all([page.waitForURL(/kind=table/), page.getByRole("button", { name: "Apply filters" }).click()]);
    expect(new URL(page.url()).searchParams.getAll("kind")).toEqual(["table"]);
    expect(await page.locator(".column-us .stance").count()).toBe(3);
    expect(await page.locator('a[href^="/api/export/stances.csv"]').first().getAttribute("href")).toBe("/api/export/stances.csv?issue=drug-policy&kind=table");
  });

  it("says which filter values it ignored", async () => {
    await open("/issues/migration?kind=chart&document=nope");
    await expect(page.locator(".notice").textContent()).resolves.toContain("“document=nope”, “kind=chart”");
    expect(await page.locator(".column-co .stance").count()).toBe(2);
  });

  it("a citation link lands on the highlighted passage", async () => {
    await open("/issues/migration");
    const citation = page.locator(".column-co .citation").first();
    await Promise.all([page.waitForURL(/\/sources\/002_cab32d2187f2aa2e#L22$/), citation.click()]);
    await page.waitForLoadState("networkidle");
    const target = page.locator(":target");
    await expect(target.getAttribute("id")).resolves.toBe("L22");
    await expect(target.locator(".stance-mark-co").textContent()).resolves.toContain("Bogotá argues for humanitarian corridors");
  });
});

describe("compare", () => {
  it("shows the matrix and chart for the chosen issues, with state in the URL", async () => {
    expect(await open("/compare")).toBe(200);
    await expect.poll(() => bars("compare-positions")).toBe(8);
    await screenshot(page, "compare");
    await expectNoAxeViolations();
    await page.getByLabel("Energy & climate").uncheck();
    await page.getByLabel("Venezuela").uncheck();
    await Promise.all([page.waitForURL(/issue=drug-policy&issue=migration/), page.getByRole("button", { name: "Compare" }).click()]);
    await expect.poll(() => bars("compare-positions")).toBe(4);
    expect(await page.locator(".data-table").first().locator("tbody tr").count()).toBe(2);
  });
});

describe("sources", () => {
  it("lists the documents with metadata and counts", async () => {
    expect(await open("/sources")).toBe(200);
    const row = page.locator("tbody tr", { hasText: "Presence News" });
    await expect(row.count()).resolves.toBe(1);
    await screenshot(page, "sources");
    await expectNoAxeViolations();
  });

  it("renders a document with its stances highlighted and tables as tables", async () => {
    expect(await open(`/sources/${SEED_002}`)).toBe(200);
    expect(await page.locator(".stance-mark").count()).toBe(26);
    expect(await page.locator(".stance-mark-us").count()).toBe(13);
    expect(await page.locator(".source-table table").count()).toBe(4);
    await expect(page.locator("#table-4 .no-stances").textContent()).resolves.toContain("no stances");
    await expect(page.locator("#L42").textContent()).resolves.toContain("Reassurances against “appeasing Maduro”");
    await screenshot(page, "source-002");
    await expectNoAxeViolations();
  });
});

describe("not found", () => {
  it.each(["/issues/trade", "/sources/nope"])("%s is a proper 404 page", async (path) => {
    expect(await open(path)).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Not found");
  });
});
