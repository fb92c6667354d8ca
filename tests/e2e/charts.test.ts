import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { drawCharts, launchBrowser } from "./browser";

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

async function open(path: string, chart?: string) {
  const response = await page.goto(baseUrl + path, { waitUntil: "networkidle" });
  await drawCharts(page);
  if (chart) await expect.poll(() => page.locator(`[data-chart="${chart}"] .chart-row`).count()).toBeGreaterThan(0);
  return response?.status();
}

const ISSUES = ["drug-policy", "energy", "venezuela", "migration"];
/** Every chart that places the governments on an issue's axis, on the page that draws it. */
const POSITION_CHARTS: [string, string][] = [["/en", "positions"], ["/en/compare", "compare-positions"], ...ISSUES.map((slug): [string, string] => [`/en/issues/${slug}`, "per-document"])];
const ALL_CHARTS: [string, string][] = [...POSITION_CHARTS, ["/en", "salience"]];

/** Strings only Recharts' code holds, and only next-intl's message formatter (intl-messageformat's error codes): how a script is recognised. */
const RECHARTS = "recharts-wrapper";
const FORMATTER = "MISSING_VALUE";

/** The text of every script the page's HTML loads (its `<script src>`). */
async function htmlScripts(path: string): Promise<string[]> {
  const html = await (await fetch(baseUrl + path)).text();
  const sources = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
  return Promise.all(sources.map(async (src) => (await fetch(baseUrl + src)).text()));
}

describe("chart code loads as a chart nears the viewport", () => {
  it.each(["/en", "/es/issues/migration", "/en/compare", "/en/sources", "/es/search?q=coca"])("%s loads neither Recharts nor a message formatter with its HTML", async (path) => {
    const scripts = await htmlScripts(path);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((text) => text.includes(RECHARTS) || text.includes(FORMATTER))).toEqual([]);
  });

  it.each([
    [360, "/en/issues/drug-policy", "per-document"],
    [360, "/es/issues/migration", "per-document"],
    [1280, "/en/issues/drug-policy", "timeline"],
  ])("at %i px, %s %s: no chart code until the reader scrolls near it, then the chart draws in exactly the space held for it", async (width, path, chart) => {
    const reader = await browser.newPage();
    try {
      await reader.setViewportSize({ width, height: 800 });
      const requested: string[] = [];
      reader.on("request", (request) => {
        if (request.resourceType() === "script") requested.push(request.url());
      });
      await reader.goto(baseUrl + path, { waitUntil: "networkidle" });
      const loadsRecharts = async () => (await Promise.all(requested.map(async (url) => (await fetch(url)).text()))).some((text) => text.includes(RECHARTS));
      const area = reader.locator(`[data-chart="${chart}"]`);
      expect(await area.locator(".chart-place").getAttribute("data-drawn")).toBe("false");
      expect(await area.locator("svg").count()).toBe(0);
      expect(await loadsRecharts()).toBe(false);
      const held = await area.evaluate((element) => element.getBoundingClientRect().height);
      expect(held).toBeGreaterThan(200);
      await area.scrollIntoViewIfNeeded();
      await expect.poll(() => area.locator("svg.recharts-surface").count()).toBeGreaterThan(0);
      expect(await loadsRecharts()).toBe(true);
      expect(await area.evaluate((element) => element.getBoundingClientRect().height)).toBe(held);
    } finally {
      await reader.close();
    }
  });
});

describe("position charts read without the legend", () => {
  it.each(POSITION_CHARTS)("%s %s: ticks at one even step, 0 marked and labelled, both poles named at the axis ends", async (path, chart) => {
    await open(path, chart);
    const figure = page.locator(`[data-chart="${chart}"]`);
    const ticks = await figure.locator(".chart-tick").evaluateAll((els) => els.map((e) => [Number(e.getAttribute("data-value")), e.textContent ?? ""] as const));
    const values = ticks.map(([value]) => value);
    expect(values.length).toBeGreaterThanOrEqual(3);
    const steps = values.slice(1).map((v, i) => v - (values[i] ?? 0));
    for (const step of steps) expect(step).toBeCloseTo(steps[0] ?? 0, 9);
    expect(ticks).toContainEqual([0, "0"]);
    expect(values[0]).toBe(-(values.at(-1) ?? 0));
    expect(await figure.locator(".chart-zero").count()).toBe(1);
    // Each negative pole label sits at the left end of its axis and each positive one at the right end.
    const poles = await figure.locator(".chart-pole").evaluateAll((els) =>
      els.map((e) => ({ side: e.classList.contains("chart-pole-negative") ? "negative" : "positive", text: e.textContent ?? "", box: e.getBoundingClientRect().toJSON() as DOMRect })),
    );
    const negative = poles.filter((p) => p.side === "negative");
    const positive = poles.filter((p) => p.side === "positive");
    expect(negative.length).toBeGreaterThan(0);
    expect(negative.length).toBe(positive.length);
    negative.forEach((n, i) => {
      expect(n.text.startsWith("←")).toBe(true);
      expect(positive[i]?.text.endsWith("→")).toBe(true);
      expect(n.box.left).toBeLessThan(positive[i]?.box.left ?? 0);
    });
  });

  it("names the issue's own poles: deterrence on the left of migration, humanitarian pathways on the right", async () => {
    await open("/en/issues/migration", "per-document");
    await expect(page.locator('[data-chart="per-document"] .chart-pole-negative').textContent()).resolves.toBe("← Deterrence & enforcement");
    await expect(page.locator('[data-chart="per-document"] .chart-pole-positive').textContent()).resolves.toBe("Humanitarian & regulated pathways →");
    await open("/es", "positions");
    await expect(page.locator('[data-chart="positions"] .chart-pole-negative').first().textContent()).resolves.toContain("←");
  });

  it("draws both governments on one line per issue, with the gap between them", async () => {
    await open("/en?evidence=structured", "positions");
    const rows = page.locator('[data-chart="positions"] .chart-row');
    expect(await rows.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const row = rows.nth(i);
      const [us, co, gap] = await Promise.all([
        row.locator(".chart-mark-us").evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect),
        row.locator(".chart-mark-co").evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect),
        row.locator(".chart-gap").evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect),
      ]);
      expect(Math.abs(us.top + us.height / 2 - (co.top + co.height / 2))).toBeLessThan(1);
      expect(gap.left).toBeCloseTo(Math.min(us.left + us.width / 2, co.left + co.width / 2), 0);
      expect(gap.right).toBeCloseTo(Math.max(us.left + us.width / 2, co.left + co.width / 2), 0);
    }
  });

  it("lists the United States before Colombia in the legend and the tooltip", async () => {
    await open("/en", "positions");
    await expect(page.locator('[data-chart="positions"] .chart-legend-text').allTextContents()).resolves.toEqual(["United States (US)", "Colombia (CO)"]);
    await page.locator('[data-chart="positions"] svg[tabindex="0"]').focus();
    await page.keyboard.press("ArrowRight");
    const tooltip = page.locator('[data-chart="positions"] .chart-tooltip');
    await expect.poll(() => tooltip.count()).toBe(1);
    const lines = await tooltip.locator("p").allTextContents();
    expect(lines[1]).toMatch(/^US United States: /);
    expect(lines[2]).toMatch(/^CO Colombia: /);
    expect(lines[3]).toMatch(/^Gap: \d\.\d\d$/);
  });
});

describe("charts on a 360 px phone", () => {
  it.each([...ALL_CHARTS, ...ALL_CHARTS.map(([path, chart]): [string, string] => [path.replace(/^\/en/, "/es"), chart])])(
    "%s %s: no text overflows the chart, and none is under 12 px",
    async (path, chart) => {
      await page.setViewportSize({ width: 360, height: 800 });
      try {
        await open(path, chart);
        const report = await page.locator(`[data-chart="${chart}"]`).evaluate((area) => {
          const svg = area.querySelector("svg.recharts-surface");
          if (!svg) return { problems: ["no chart drawn"], texts: 0 };
          const frame = svg.getBoundingClientRect();
          const outer = area.getBoundingClientRect();
          const problems: string[] = [];
          if (frame.left < outer.left - 0.5 || frame.right > outer.right + 0.5) problems.push(`chart ${frame.width} px wide in an area of ${outer.width} px`);
          const texts = [...svg.querySelectorAll("text")];
          for (const text of texts) {
            const box = text.getBoundingClientRect();
            const size = Number.parseFloat(getComputedStyle(text).fontSize);
            if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5)
              problems.push(`“${text.textContent}” overflows (${Math.round(box.left - frame.left)}..${Math.round(box.right - frame.left)} of ${Math.round(frame.width)})`);
            if (size < 12) problems.push(`“${text.textContent}” is ${size} px`);
          }
          // No two labels of a row overlap each other.
          for (const row of svg.querySelectorAll(".chart-row")) {
            const boxes = [...row.querySelectorAll("text")].map((t) => [t.textContent, t.getBoundingClientRect()] as const);
            boxes.forEach(([a, p], i) => {
              for (const [b, q] of boxes.slice(i + 1))
                if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) problems.push(`“${a}” overlaps “${b}”`);
            });
          }
          return { problems, texts: texts.length };
        });
        expect(report.problems).toEqual([]);
        expect(report.texts).toBeGreaterThan(10);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
  );
});

/** WCAG contrast of two CSS colours, computed in the page (installed as window.wcagContrast). */
const CONTRAST = `window.wcagContrast = (() => {
  const probe = document.createElement("span");
  document.body.appendChild(probe);
  const rgb = (colour) => { probe.style.color = ""; probe.style.color = colour; return getComputedStyle(probe).color.match(/[\\d.]+/g).slice(0, 3).map(Number); };
  const luminance = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  return (a, b) => { const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
})();`;
type ContrastWindow = { wcagContrast: (a: string, b: string) => number };

describe("colours", () => {
  it.each(ALL_CHARTS)("%s %s: chart text and legends at least 4.5:1 on what is behind them, marks at least 3:1 on the paper", async (path, chart) => {
    await open(path, chart);
    await page.addScriptTag({ content: CONTRAST });
    const report = await page.locator(`[data-chart="${chart}"]`).evaluate((area) => {
      const contrast = (window as unknown as ContrastWindow).wcagContrast;
      const root = getComputedStyle(document.documentElement);
      const background = { paper: root.getPropertyValue("--paper"), us: root.getPropertyValue("--us"), co: root.getPropertyValue("--co") };
      const low: string[] = [];
      const texts = [...area.querySelectorAll("svg text")];
      for (const text of texts) {
        const behind = background[(text.getAttribute("data-bg") ?? "paper") as keyof typeof background];
        const ratio = contrast(getComputedStyle(text).fill, behind);
        if (ratio < 4.5) low.push(`text “${text.textContent}” ${ratio.toFixed(2)}:1`);
      }
      for (const mark of area.querySelectorAll(".chart-mark")) {
        const ratio = contrast(getComputedStyle(mark).fill, background.paper);
        if (ratio < 3) low.push(`mark ${mark.getAttribute("class")} ${ratio.toFixed(2)}:1`);
      }
      const edges = [...area.querySelectorAll(".chart-mark")].map((m) => [m.getAttribute("class"), getComputedStyle(m).strokeDasharray]);
      return { low, texts: texts.length, edges };
    });
    expect(report.low).toEqual([]);
    expect(report.texts).toBeGreaterThan(10);
    // The cue that is not colour: the United States' marks have a solid edge, Colombia's a dashed one.
    for (const [name, dashes] of report.edges) expect(dashes === "none").toBe(String(name).includes("chart-mark-us"));
  });

  it("the legend chips and tags on the page read at 4.5:1 as well", async () => {
    await open("/en");
    await page.addScriptTag({ content: CONTRAST });
    const ratios = await page.locator(".actor-tag").evaluateAll((tags) => {
      const contrast = (window as unknown as ContrastWindow).wcagContrast;
      return tags.map((tag) => contrast(getComputedStyle(tag).color, getComputedStyle(tag).backgroundColor));
    });
    expect(ratios.length).toBeGreaterThan(4);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(4.5);
  });
});

describe("chart images", () => {
  it.each([
    ["/en", "positions", "Positions on each issue’s axis"],
    ["/es/issues/drug-policy", "per-document", "Posiciones por documento"],
  ])("%s %s: the SVG download is the chart as drawn, with its title, legend and a source line", async (path, chart, title) => {
    await open(path, chart);
    const figure = page.locator("figure", { has: page.locator(`[data-chart="${chart}"]`) });
    const [download] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "SVG" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^parallax-${chart}-\\d{4}-\\d{2}-\\d{2}\\.svg$`));
    const svg = readFileSync(await download.path(), "utf8");
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const checked = await page.evaluate(async (markup) => {
      const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
      await image.decode();
      return {
        errors: doc.getElementsByTagName("parsererror").length,
        root: doc.documentElement.localName,
        text: [...doc.querySelectorAll("text")].map((t) => t.textContent).join(" | "),
        size: [image.naturalWidth, image.naturalHeight],
        unresolved: markup.includes("var(--"),
      };
    }, svg);
    expect(checked.errors).toBe(0);
    expect(checked.root).toBe("svg");
    expect(checked.unresolved).toBe(false);
    expect(checked.size[0]).toBeGreaterThan(300);
    expect(checked.size[1]).toBeGreaterThan(200);
    expect(checked.text).toContain(title);
    expect(checked.text).toMatch(/United States \(US\)|Estados Unidos \(US\)/);
    expect(checked.text).toMatch(/(Source|Fuente): Parallax, http:\/\/127\.0\.0\.1:\d+\//);
  });

  it("the PNG download is a valid PNG at twice the chart's size", async () => {
    await open("/en", "salience");
    const figure = page.locator("figure", { has: page.locator('[data-chart="salience"]') });
    const [download] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "PNG" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^parallax-salience-\d{4}-\d{2}-\d{2}\.png$/);
    const png = readFileSync(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const drawn = await page.locator('[data-chart="salience"] svg.recharts-surface').evaluate((svg) => svg.getBoundingClientRect().width);
    expect(width).toBe(2 * Math.ceil(drawn));
    expect(height).toBeGreaterThan(400);
    const decoded = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    }, png.toString("base64"));
    expect(decoded).toEqual([width, height]);
  });
});

describe("the workbook", () => {
  it("downloads from the overview and holds the same rows as the CSV, accents intact", async () => {
    await open("/en?evidence=structured");
    const [workbook] = await Promise.all([page.waitForEvent("download"), page.locator('a[href="/api/export/workbook.xlsx?evidence=structured"]').click()]);
    expect(workbook.suggestedFilename()).toMatch(/^parallax-workbook-structured-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(await workbook.path())).buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["About", "Stances", "Issue positions", "Positions per document", "Documents"]);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator('a[href="/api/export/stances.csv?evidence=structured"]').first().click()]);
    const expected = parse(readFileSync(await csv.path())) as string[][];
    const sheet = book.getWorksheet("Stances");
    if (!sheet) throw new Error("no Stances sheet");
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      rows.push(expected[0]?.map((_, i) => String(row.getCell(i + 1).value ?? "")) ?? []);
    });
    expect(rows).toEqual(expected);
    expect(rows.flat()).toContain("Bogotá argues for humanitarian corridors and regional responsibility-sharing");
  });
});
