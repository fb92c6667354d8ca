import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import en from "../../messages/en.json";
import { startServer } from "../../scripts/bench/server";
import { drawCharts, launchBrowser, screenshot } from "./browser";

const SEED_002 = "002_cab32d2187f2aa2e";
const baseUrl = inject("baseUrl");
let browser: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("404")) consoleErrors.push(message.text());
  });
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
const marks = (chart: string) => page.locator(`[data-chart="${chart}"] .chart-row .chart-mark`).count();

type Messages = { [key: string]: string | Messages };
const keys = (messages: Messages, prefix = ""): string[] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
/** next-intl shows a missing message as its key ("overview.heading"): none may reach a page. */
const MESSAGE_KEYS = keys(en);

/** Every route of the dashboard, with the chart that must draw before it is looked at. */
const PAGES = [
  { name: "overview", path: "", status: 200, chart: ["positions", 8] },
  { name: "overview-structured", path: "?evidence=structured", status: 200, chart: ["positions", 8] },
  { name: "issue-drug-policy", path: "/issues/drug-policy", status: 200, chart: ["per-document", 6] },
  { name: "issue-migration-filtered", path: `/issues/migration?kind=table&document=${SEED_002}`, status: 200, chart: ["per-document", 2] },
  { name: "compare", path: "/compare", status: 200, chart: ["compare-positions", 8] },
  { name: "other-issues", path: "/other-issues", status: 200, chart: null },
  { name: "scale", path: "/scale", status: 200, chart: null },
  { name: "sources", path: "/sources", status: 200, chart: null },
  { name: "source-002", path: `/sources/${SEED_002}`, status: 200, chart: null },
  { name: "search", path: "/search?q=bogota", status: 200, chart: null },
  { name: "search-paged", path: "/search?q=petro&page=2", status: 200, chart: null },
  { name: "not-found", path: "/issues/trade", status: 404, chart: null },
] as const;

describe.each(["en", "es"] as const)("every page in %s", (locale) => {
  it.each(PAGES)("$name renders in the locale, with the language switch, and axe finds no violation", async ({ name, path, status, chart }) => {
    expect(await open(`/${locale}${path}`)).toBe(status);
    if (chart) await expect.poll(() => marks(chart[0])).toBe(chart[1]);
    else await expect.poll(() => page.locator("h1").count()).toBe(1);
    expect(await page.locator("html").getAttribute("lang")).toBe(locale);
    const text = await page.locator("body").innerText();
    expect(MESSAGE_KEYS.filter((key) => text.includes(key))).toEqual([]);
    const switchLinks = page.locator("nav.language-switch a");
    expect(await switchLinks.evaluateAll((links) => links.map((a) => [a.getAttribute("hreflang"), a.getAttribute("href")]))).toEqual([
      ["en", `/en${path}`],
      ["es", `/es${path}`],
    ]);
    await screenshot(page, `${locale}-${name}`);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

describe("Spanish interface", () => {
  it("/ goes to the reader's language by Accept-Language, English when none matches", async () => {
    const landing = async (acceptLanguage?: string) => {
      const response = await fetch(`${baseUrl}/`, { redirect: "manual", headers: acceptLanguage ? { "Accept-Language": acceptLanguage } : {} });
      return [response.status, new URL(response.headers.get("location") ?? "", baseUrl).pathname];
    };
    expect(await landing("es")).toEqual([307, "/es"]);
    expect(await landing("es-CO,es;q=0.9,en;q=0.8")).toEqual([307, "/es"]);
    expect(await landing("en-US,en;q=0.9")).toEqual([307, "/en"]);
    expect(await landing("fr-FR")).toEqual([307, "/en"]);
    expect(await landing()).toEqual([307, "/en"]);
  });

  it("a path without a locale keeps its filters on the way to the reader's language", async () => {
    await page.setExtraHTTPHeaders({ "Accept-Language": "es-CO,es;q=0.9" });
    try {
      expect(await open("/issues/drug-policy?kind=table")).toBe(200);
    } finally {
      await page.setExtraHTTPHeaders({});
    }
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/es/issues/drug-policy?kind=table");
    await expect(page.getByLabel("Tablas").isChecked()).resolves.toBe(true);
  });

  it("names issues, poles, descriptions and governments from the codebook's Spanish, and leaves stance texts as written", async () => {
    expect(await open("/es/issues/migration?evidence=structured")).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("Migración");
    await expect(page.locator(".lede").textContent()).resolves.toBe(
      "Flujos migratorios por Colombia y el Tapón del Darién, control fronterizo, deportaciones y retornos.",
    );
    await expect(page.locator(".axis-line").textContent()).resolves.toBe("Eje: − Disuasión y control … + Vías humanitarias y reguladas");
    await expect(page.locator(".column-us h3").textContent()).resolves.toBe("Estados Unidos (2)");
    const stance = page.locator(".column-co .stance").first();
    await expect(stance.locator(".stance-text").textContent()).resolves.toBe("CO “Bogotá argues for humanitarian corridors and regional responsibility-sharing”");
    // Marked as the English it is, so a screen reader on the Spanish page reads it as English.
    await expect(stance.locator(".stance-text [lang]").getAttribute("lang")).resolves.toBe("en");
    await expect(stance.locator(".citation").textContent()).resolves.toBe(
      "“Petro in Washington: a reset test for U.S.–Colombia ties with Trump at center stage”, medio no indicado, sin fecha, lista de viñetas, línea 22",
    );
    await expect(page.locator(".position-card-us").textContent()).resolves.toBe("US Estados Unidos: −1,95 a partir de 2 posturas (2 puntuadas; 1 tabla · 1 lista)");
  });

  it("writes numbers and dates as Spanish readers do, in the first paint", async () => {
    const html = await (await fetch(`${baseUrl}/es?evidence=structured`)).text();
    expect(html).toContain("Posición por tema y actor (escala logit)");
    expect(html).toContain("\u22122,71");
    expect(html).toContain("+2,56");
    expect(html).not.toContain("\u22122.71");
    expect(await open("/es/sources")).toBe(200);
    await expect(page.locator("tbody tr", { hasText: "003_6556b0f21289c777" }).locator("td").nth(1).textContent()).resolves.toBe("4 feb 2026");
    expect(await open("/en/sources")).toBe(200);
    await expect(page.locator("tbody tr", { hasText: "003_6556b0f21289c777" }).locator("td").nth(1).textContent()).resolves.toBe("Feb 4, 2026");
  });

  it("draws the charts with Spanish names and numbers", async () => {
    expect(await open("/es?evidence=structured")).toBe(200);
    await expect.poll(() => marks("positions")).toBe(8);
    const labels = await page.locator('[data-chart="positions"] .chart-value').allTextContents();
    expect(labels).toContain("US \u22122,71");
    expect(labels).toContain("CO +2,56");
    await page.locator('[data-chart="positions"] svg[tabindex="0"]').focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator('[data-chart="positions"] .recharts-tooltip-wrapper').textContent()).toContain("Estados Unidos");
  });

  it("the language switch keeps the page and its filters, both ways", async () => {
    const filtered = `/issues/drug-policy?document=${SEED_002}&kind=table`;
    expect(await open(`/en${filtered}`)).toBe(200);
    expect(await page.locator(".column-us .stance").count()).toBe(3);
    await Promise.all([page.waitForURL(`${baseUrl}/es${filtered}`), page.getByRole("link", { name: "Español" }).click()]);
    await expect(page.locator("h1").textContent()).resolves.toBe("Política de drogas");
    await expect(page.getByLabel("Tablas").isChecked()).resolves.toBe(true);
    expect(await page.locator(".column-us .stance").count()).toBe(3);
    expect(await page.locator('a[href^="/api/export/stances.csv"]').first().getAttribute("href")).toBe(
      `/api/export/stances.csv?issue=drug-policy&document=${SEED_002}&kind=table`,
    );
    await Promise.all([page.waitForURL(`${baseUrl}/en${filtered}`), page.getByRole("link", { name: "English" }).click()]);
    await expect(page.getByLabel("Tables").isChecked()).resolves.toBe(true);
  });

  it("the switch is a plain link in the server's HTML, so it works without JavaScript", async () => {
    const html = await (await fetch(`${baseUrl}/en/compare?issue=energy&issue=venezuela`)).text();
    expect(html).toContain('href="/es/compare?issue=energy&amp;issue=venezuela"');
  });

  it("a 404 in Spanish is in Spanish", async () => {
    expect(await open("/es/sources/nope")).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("No encontrado");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
  });

  it("no message was missing or malformed while the pages rendered, on the server or in the browser", () => {
    const log = readFileSync(inject("serverLog"), "utf8");
    expect(log.match(/.*(MISSING_MESSAGE|FORMATTING_ERROR|INVALID_MESSAGE|INSUFFICIENT_PATH).*/g) ?? []).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe("the error page", () => {
  it.each([
    ["en", "Something went wrong", "Try again"],
    ["es", "Algo salió mal", "Reintentar"],
  ])("in %s: in the reader's language (its words given by the layout), and its button hydrates", async (locale, heading, retry) => {
    // The seeded database without its actors: every page's read fails (the error page is what the reader sees), the
    // documents download the server's start-up waits for still answers.
    const broken = join(mkdtempSync(join(tmpdir(), "parallax-broken-")), "broken.db");
    const seeded = new Database(inject("databaseFile"), { readonly: true });
    await seeded.backup(broken);
    seeded.close();
    const copy = new Database(broken);
    copy.pragma("foreign_keys = OFF");
    copy.exec("DROP TABLE actors");
    copy.close();
    const server = await startServer(broken);
    const reader = await browser.newPage();
    try {
      await reader.goto(`${server.url}/${locale}`, { waitUntil: "networkidle" });
      await expect(reader.locator("main h1").textContent()).resolves.toBe(heading);
      await expect(reader.locator("main p code").first().textContent()).resolves.toBe("npm run ingest");
      const button = reader.locator("main button");
      await expect(button.textContent()).resolves.toBe(retry);
      await expect.poll(() => button.evaluate((b) => Object.keys(b).some((key) => key.startsWith("__reactFiber")))).toBe(true);
    } finally {
      await reader.close();
      server.stop();
    }
  });
});
