import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Server, startServer } from "../../scripts/bench/server";
import { drawCharts, launchBrowser, screenshot } from "./browser";

const SEED_002 = "002_cab32d2187f2aa2e";
const baseUrl = inject("baseUrl");
const hostileUrl = inject("hostileBaseUrl");
let browser: BrowserContext;
let page: Page;
/** Content-Security-Policy violations and script dialogs seen by the current page. */
const violations: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.setViewportSize({ width: 1280, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string) {
  violations.length = 0;
  dialogs.length = 0;
  const response = await page.goto(url, { waitUntil: "networkidle" });
  await drawCharts(page);
  return response?.status();
}
const bars = (chart: string) => page.locator(`[data-chart="${chart}"] .recharts-bar-rectangle`).count();

const HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "cross-origin-opener-policy": "same-origin",
};

describe("security headers", () => {
  it.each([
    ["a page", "/en", 200],
    ["a Spanish page", `/es/sources/${SEED_002}`, 200],
    ["a 404 page", "/en/issues/trade", 404],
    ["the locale redirect", "/", 307],
    ["a CSV download", "/api/export/stances.csv?issue=energy", 200],
    ["a JSON download", "/api/export/documents.json", 200],
    ["a download error", "/api/export/stances.csv?kind=chart", 400],
    ["a malformed address", "/en/issues/%ff", 400],
  ])("are on %s (%s)", async (_, path, status) => {
    const response = await fetch(baseUrl + path, { redirect: "manual" });
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(HEADERS)) expect([name, response.headers.get(name)]).toEqual([name, value]);
    expect(response.headers.get("x-powered-by")).toBeNull();
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it("are on Next's own files (a script needs no policy of its own)", async () => {
    const html = await (await fetch(`${baseUrl}/en`)).text();
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    const response = await fetch(baseUrl + (script ?? ""));
    expect(response.status).toBe(200);
    for (const [name, value] of Object.entries(HEADERS)) expect([name, response.headers.get(name)]).toEqual([name, value]);
  });

  it("give each page a fresh nonce that every inline script carries", async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${baseUrl}/en/issues/drug-policy`);
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

/** Every kind of page, with the chart that must draw (so the page hydrated under the policy). */
const PAGES = [
  { path: "", chart: "positions" },
  { path: "/issues/drug-policy", chart: "per-document" },
  { path: "/issues/energy", chart: "per-document" },
  { path: "/compare", chart: "compare-positions" },
  { path: "/search?q=coca", chart: null },
  { path: "/scale", chart: null },
  { path: "/other-issues", chart: null },
  { path: "/sources", chart: null },
  { path: `/sources/${SEED_002}`, chart: null },
  { path: "/issues/trade", chart: null },
] as const;

describe.each(["en", "es"] as const)("the Content-Security-Policy in %s", (locale) => {
  it.each(PAGES)("lets $path hydrate and draw its charts, with no violation", async ({ path, chart }) => {
    await open(`${baseUrl}/${locale}${path}`);
    if (chart) await expect.poll(() => bars(chart)).toBeGreaterThan(0);
    // The language switch is a client component: React attaches to it only once the page has hydrated.
    const hydrated = () => page.locator("nav.language-switch a").first().evaluate((a) => Object.keys(a).some((key) => key.startsWith("__reactFiber")));
    await expect.poll(hydrated).toBe(true);
    expect(violations).toEqual([]);
  });
});

describe("document text is data", () => {
  const injected = () =>
    page.evaluate(() => ({
      images: document.querySelectorAll('img[src="x"], svg[onload]').length,
      handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length,
      scriptLinks: [...document.querySelectorAll("a[href]")].filter((a) => !/^(https?:|\/|#|\?)/.test(a.getAttribute("href") ?? "")).map((a) => a.getAttribute("href")),
      unsignedScripts: [...document.querySelectorAll("script")].filter((s) => !s.nonce && !s.src).length,
    }));
  const clean = { images: 0, handlers: 0, scriptLinks: [], unsignedScripts: 0 };

  it("the Markdown document's source view shows its markup as text and runs nothing", async () => {
    expect(await open(`${hostileUrl}/en/sources/hostile`)).toBe(200);
    expect(await page.locator("h1").textContent()).toBe('Hostile markup <script>alert("title")</script>');
    const text = await page.locator(".document-text").innerText();
    expect(text).toContain('<script>alert("block")</script>');
    expect(text).toContain('<img src=x onerror=alert("img")>');
    expect(text).toContain('[a link](javascript:alert("link"))');
    expect(await injected()).toEqual(clean);
    // The stored javascript: address is shown as text, never as a link.
    expect(await page.locator(".doc-meta").innerText()).toContain('javascript:alert("stored")');
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    await screenshot(page, "hostile-source");
  });

  it("the web page's source view shows its escaped markup as text and runs nothing", async () => {
    expect(await open(`${hostileUrl}/en/sources/hostile-page`)).toBe(200);
    expect(await page.locator(".document-text").innerText()).toContain('<script>alert("escaped")</script>');
    expect(await injected()).toEqual(clean);
    expect(await page.locator(".doc-meta").innerText()).toContain("data:text/html");
    expect(dialogs).toEqual([]);
  });

  it.each(["drug-policy", "migration", "energy"])("the %s issue page quotes the stances as text and runs nothing", async (issue) => {
    expect(await open(`${hostileUrl}/en/issues/${issue}`)).toBe(200);
    const stances = await page.locator(".stance-text").allInnerTexts();
    expect(stances.some((s) => /<script>|<img |<svg |javascript:/.test(s))).toBe(true);
    expect(await injected()).toEqual(clean);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
  });
});

describe("every document has a working address, whatever its file name", () => {
  const documents = async () =>
    ((await (await fetch(`${hostileUrl}/api/export/documents.json`)).json()) as { rows: { slug: string; title: string; tables: number }[] }).rows;

  it("each link in the sources list opens its own document", async () => {
    const rows = await documents();
    expect(rows.map((d) => d.slug).sort()).toEqual(["100%", "Bogot%C3%A1", "Bogotá", "a b", "a+b", "hostile", "hostile-page", "why?", "x#y"]);
    await open(`${hostileUrl}/es/sources`);
    const links = await page.locator("table a[href^='/es/sources/']").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(links).toHaveLength(rows.length);
    for (const [title, href] of links) {
      await open(hostileUrl + href);
      expect([href, await page.locator("h1").textContent()]).toEqual([href, title]);
    }
  });

  it.each([
    ["Bogotá", "/en/sources/Bogot%C3%A1", "File named Bogotá"],
    ["Bogotá typed unencoded", "/en/sources/Bogotá", "File named Bogotá"],
    ["a file literally named Bogot%C3%A1", "/en/sources/Bogot%25C3%25A1", "File named Bogot%C3%A1"],
    ["a space", "/en/sources/a%20b", "File named a b"],
    ["a plus", "/en/sources/a%2Bb", "File named a+b"],
    ["a hash", "/en/sources/x%23y", "File named x#y"],
    ["a question mark", "/en/sources/why%3F", "File named why?"],
    ["a percent sign", "/en/sources/100%25", "File named 100%"],
  ])("%s: %s", async (_, path, title) => {
    const html = await (await fetch(hostileUrl + path)).text();
    expect(html).toContain(`<h1>${title}</h1>`);
  });

  it("a + or an unknown name is its own address, never another document's", async () => {
    expect((await fetch(`${hostileUrl}/en/sources/a+b`)).status).toBe(200);
    expect((await fetch(`${hostileUrl}/en/sources/a%2520b`)).status).toBe(404);
    expect((await fetch(`${hostileUrl}/en/sources/100`)).status).toBe(404);
  });

  it("each document's table and stances download, from the links its page gives", async () => {
    for (const doc of await documents()) {
      await open(`${hostileUrl}/en/sources/${encodeURIComponent(doc.slug)}`);
      const tableLink = await page.locator(".source-table .downloads a").first().getAttribute("href");
      const table = await fetch(hostileUrl + tableLink);
      expect([doc.slug, table.status]).toEqual([doc.slug, 200]);
      expect((parse(await table.text()) as string[][])[0]).toEqual(["Issue", "United States", "Colombia"]);
      const stancesLink = await page.locator(".stance-index .downloads a").first().getAttribute("href");
      const stances = parse(await (await fetch(hostileUrl + stancesLink)).text(), { columns: true }) as { document: string }[];
      expect(stances.length).toBeGreaterThan(0);
      expect(new Set(stances.map((s) => s.document))).toEqual(new Set([doc.slug]));
    }
  });

  it("an issue page's document filter, its links and its downloads round-trip names that need encoding", async () => {
    await open(`${hostileUrl}/en/issues/venezuela?document=${encodeURIComponent("100%")}&document=${encodeURIComponent("x#y")}`);
    expect(await page.locator(".notice").count()).toBe(0);
    const hrefs = await page.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(new Set(hrefs.filter((h) => h.includes("/sources/") && !h.includes("#")))).toEqual(new Set(["/en/sources/100%25", "/en/sources/x%23y"]));
    const download = hrefs.find((h) => h.startsWith("/api/export/document-positions.csv?") && !h.includes("bom"));
    expect(download).toBe("/api/export/document-positions.csv?issue=venezuela&document=100%25&document=x%23y");
    const rows = parse(await (await fetch(hostileUrl + download)).text(), { columns: true }) as { document: string }[];
    expect(new Set(rows.map((r) => r.document))).toEqual(new Set(["100%", "x#y"]));
  });
});

describe("without a database", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(join(mkdtempSync(join(tmpdir(), "parallax-nodb-")), "missing.db"));
  });
  afterAll(() => server?.stop());

  it.each(["/en", "/es", "/en/issues/energy", "/es/sources", "/en/compare", "/en/sources/anything", "/en/scale", "/es/other-issues", "/en/search?q=coca"])("%s answers 503 saying to run the ingest", async (path) => {
    const response = await fetch(server.url + path);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(html).toContain("<code>npm run ingest</code>");
    expect(html).toContain(path.startsWith("/es") ? "Aún no hay datos" : "No data yet");
  });

  it.each(["/api/export/stances.csv", "/api/export/timeline.json", "/api/export/search.csv?q=coca", "/api/export/workbook.xlsx", "/api/export/tables/x-t1.csv"])("%s answers 503 in JSON", async (path) => {
    const response = await fetch(server.url + path);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { status: 503, parameter: null, message: "no data yet: run `npm run ingest`" } });
  });
});
