import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { drawCharts, launchBrowser } from "./browser";

const SEED_002 = "002_cab32d2187f2aa2e";
const SEED_003 = "003_6556b0f21289c777";
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
/** A timeline's drawn points: one link per government per dated document with a position. */
const timelinePoints = (chart: string) => page.locator(`[data-chart="${chart}"] svg a`);

describe.each([
  ["en", "1 passage matches “bogota humanitarian”", "Migration", "bullet list, line 22"],
  ["es", "1 pasaje coincide con “bogota humanitarian”", "Migración", "lista de viñetas, línea 22"],
] as const)("search in %s", (locale, summary, issue, place) => {
  it("finds a seed stance by an accent-less query from the header's box, and its link lands on the highlighted line", async () => {
    expect(await open(`/${locale}/sources`)).toBe(200);
    await page.locator("#site-search-q").fill("bogota humanitarian");
    await Promise.all([page.waitForURL(`${baseUrl}/${locale}/search?q=bogota+humanitarian`), page.locator("#site-search-q").press("Enter")]);
    await expect(page.locator(".search-summary").textContent()).resolves.toContain(summary);
    const first = page.locator(".search-hit").first();
    await expect(first.locator(".search-snippet").textContent()).resolves.toBe("Bogotá argues for humanitarian corridors and regional responsibility-sharing");
    expect(await first.locator(".search-snippet mark").allTextContents()).toEqual(["Bogotá", "humanitarian"]);
    await expect(first.locator(".search-hit-what").textContent()).resolves.toContain(issue);
    await expect(first.locator(".citation").textContent()).resolves.toContain(place);
    await Promise.all([page.waitForURL(`${baseUrl}/${locale}/sources/${SEED_002}?from=22#L22`), first.locator(".citation").click()]);
    await page.waitForLoadState("networkidle");
    const target = page.locator(":target");
    await expect(target.getAttribute("id")).resolves.toBe("L22");
    await expect(target.locator(".stance-mark-co").textContent()).resolves.toContain("Bogotá argues for humanitarian corridors");
    // The landing line is highlighted (the source view's :target style).
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  });
});

describe("search page", () => {
  it("renders document text as text: markup in a passage is never HTML", async () => {
    expect(await open("/en/search?q=petro")).toBe(200);
    expect(await page.locator(".search-hit mark").count()).toBeGreaterThan(0);
    expect(await page.locator(".search-snippet script, .search-snippet a").count()).toBe(0);
  });

  it("pages through results with the position in the URL, never more than a page at a time", async () => {
    expect(await open("/en/search?q=petro")).toBe(200);
    expect(await page.locator(".search-hit").count()).toBe(20);
    await expect(page.locator(".pager").textContent()).resolves.toContain("Page 1 of 5");
    await Promise.all([page.waitForURL(`${baseUrl}/en/search?q=petro&page=2`), page.getByRole("link", { name: "Next page →" }).click()]);
    expect(await page.locator(".search-hit").count()).toBe(20);
    expect(await page.locator("ol.search-results").getAttribute("start")).toBe("21");
    await expect(page.locator(".pager").textContent()).resolves.toContain("Page 2 of 5");
  });

  it("filters by government and evidence in the URL, and downloads what it shows", async () => {
    expect(await open("/en/search?q=bogota")).toBe(200);
    await page.getByRole("checkbox", { name: "Colombia", exact: true }).check();
    await Promise.all([page.waitForURL(`${baseUrl}/en/search?q=bogota&actor=co`), page.getByRole("button", { name: "Search", exact: true }).last().click()]);
    expect(await page.locator(".search-hit").count()).toBe(2);
    expect(await page.locator(".search-hit.search-hit-text").count()).toBe(0);
    await Promise.all([page.waitForURL(`${baseUrl}/en/search?q=bogota&actor=co&evidence=structured`), page.getByRole("link", { name: "Tables and lists only" }).click()]);
    expect(await page.locator(".search-hit").count()).toBe(1);
    const link = page.locator('a[href^="/api/export/search.csv"]').first();
    expect(await link.getAttribute("href")).toBe("/api/export/search.csv?q=bogota&actor=co&evidence=structured");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^parallax-search-bogota-co-structured-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync(await download.path()), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.rank, r.match, r.document, r.line_start, r.actor, r.kind])).toEqual([["1", "stance", SEED_002, "22", "co", "list"]]);
  });

  it("the header's box is a plain GET form in the server's HTML, labelled, so it works without JavaScript", async () => {
    const html = await (await fetch(`${baseUrl}/es/compare`)).text();
    expect(html).toMatch(/<search aria-label="Búsqueda en el sitio" class="site-search"><form action="\/es\/search" method="get">/);
    expect(html).toContain('<label for="site-search-q" class="visually-hidden">Buscar en posturas y documentos</label>');
    expect(html).toContain('name="q"');
  });
});

describe("positions over time", () => {
  it("draws one point per government per dated document with a position, each linked to its document", async () => {
    expect(await open("/en/issues/drug-policy")).toBe(200);
    // One dated seed (003, Feb 4, 2026) has drug-policy stances; only Colombia's are scored there.
    await expect.poll(() => timelinePoints("timeline").count()).toBe(1);
    expect(await timelinePoints("timeline").first().getAttribute("href")).toBe(`/en/sources/${SEED_003}`);
    expect(await timelinePoints("timeline").first().getAttribute("aria-label")).toBe(`Colombia, Feb 4, 2026: −0.85 — ${SEED_003} (untitled)`);
    const figure = page.locator('figure:has([data-chart="timeline"])');
    await expect(figure.locator(".timeline-undated").textContent()).resolves.toContain("Not on the chart: 3 documents without a date");
    const dated = figure.locator("table").first().locator("tbody tr");
    expect(await dated.count()).toBe(1);
    expect(await dated.first().locator("th, td").allTextContents()).toEqual(["Feb 4, 2026", `${SEED_003} (untitled)`, "not scored", "1", "−0.85", "3", "—"]);
    expect(await figure.locator("table").nth(1).locator("tbody tr").count()).toBe(3);
    expect(await figure.locator('a[href^="/api/export/timeline.csv"]').first().getAttribute("href")).toBe("/api/export/timeline.csv?issue=drug-policy");
    // The tooltip is reachable from the keyboard, like every chart's.
    await page.locator('[data-chart="timeline"] svg[tabindex="0"]').focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator('[data-chart="timeline"] .recharts-tooltip-wrapper').textContent()).toContain("Colombia: −0.85");
  });

  it("follows the evidence switch: the dated seed's drug-policy stances are prose, so nothing is drawn", async () => {
    expect(await open("/en/issues/drug-policy?evidence=structured")).toBe(200);
    const figure = page.locator('figure:has([data-chart="timeline"])');
    await expect(figure.locator(".chart-description").textContent()).resolves.toBe("No document with stances on this issue has a date, so none is placed in time.");
    expect(await timelinePoints("timeline").count()).toBe(0);
  });

  it("shows a small multiple of the four issues on the overview, on one time axis", async () => {
    expect(await open("/es")).toBe(200);
    await expect.poll(() => timelinePoints("timeline-drug-policy").count()).toBe(1);
    // Energy has no dated document; Venezuela's and migration's dated stances are not scored.
    expect(await timelinePoints("timeline-energy").count()).toBe(0);
    expect(await timelinePoints("timeline-venezuela").count()).toBe(0);
    await expect(page.locator('figure:has([data-chart="timeline-venezuela"]) .chart-description').textContent()).resolves.toContain("no están puntuadas");
    expect(await page.locator('[data-chart="timeline-drug-policy"] .recharts-cartesian-axis-tick-value[orientation="bottom"]').first().textContent()).toBe("4 feb 2026");
  });
});
