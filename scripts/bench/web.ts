import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { LONG_TABLE, type PageTiming, timePage, writePageDocuments } from "./pages";
import { type Figure, figure } from "./results";
import { type Server, startServer } from "./server";

/**
 * What a reader's request costs: every page of the dashboard at scale (server time and HTML size against a static
 * file served by the same server), the JavaScript each route loads, and Lighthouse's mobile scores at the seed
 * data and at scale. The figures of `npm run bench` for the web, kept here so the ingest figures stay apart.
 */

export interface WebPlan {
  /** Requests per page after the first one. */
  repeats: number;
  /** Briefings on topics outside the four issues added to the corpus, and the rows of the long document's stance table. */
  briefings: number;
  longRows: number;
  /** Pages Lighthouse scores (each takes about half a minute on two cores). */
  lighthouse: string[];
}

export const WEB_PLAN: Record<"full" | "quick", WebPlan> = {
  full: {
    repeats: 100,
    briefings: 300,
    longRows: 10_000,
    lighthouse: ["/en", "/en/issues/drug-policy", "/en/compare", "/en/sources", `/en/sources/${LONG_TABLE}`, "/en/other-issues", "/es/search?q=coca"],
  },
  quick: { repeats: 3, briefings: 12, longRows: 300, lighthouse: ["/en/issues/drug-policy"] },
};

export const WEB_BUDGET = { p99Ms: 100, htmlKb: 300, chartJsKb: 200, textJsKb: 100, performance: 0.95, accessibility: 1 };

/** Pages with a chart load Recharts once a chart nears the viewport; the budget for their JavaScript is twice a text page's. */
type PageKind = "chart" | "text";

interface Page {
  path: string;
  name: string;
  kind: PageKind;
}

/** Every kind of page, where the lists are longest: the first and a far page of each paged list, the long document's first and a middle window. */
function pages(longRows: number): Page[] {
  return [
    { path: "/en", name: "overview", kind: "chart" },
    { path: "/en/issues/drug-policy", name: "issue page (drug policy)", kind: "chart" },
    { path: "/en/issues/energy?page=20", name: "issue page (energy), page 20 of its stances", kind: "chart" },
    { path: "/es/issues/migration", name: "issue page (migration, Spanish)", kind: "chart" },
    { path: "/en/compare", name: "compare", kind: "chart" },
    { path: "/en/scale", name: "scale", kind: "chart" },
    { path: "/en/sources", name: "sources list", kind: "text" },
    { path: "/en/sources?page=150", name: "sources list, page 150", kind: "text" },
    { path: `/en/sources/${LONG_TABLE}`, name: `source view of a ${longRows.toLocaleString("en-US")}-row stance table`, kind: "text" },
    { path: `/en/sources/${LONG_TABLE}?from=${Math.round(longRows / 2)}`, name: "the same, a window in the middle", kind: "text" },
    { path: "/en/other-issues", name: "other issues", kind: "text" },
    { path: "/en/search?q=coca", name: "search (coca)", kind: "text" },
  ];
}

function body(server: Server, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // A fresh connection: a kept-alive one the server closed while Lighthouse ran would hang up.
    get(`${server.url}${path}`, { agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      response.on("end", () => resolve(text));
    }).on("error", reject);
  });
}

/** The scripts a page loads (its `<script src>`), as the build serves them; `noModule` polyfills are for old browsers only, and not counted. */
function scriptsOf(html: string): string[] {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  return [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&") ?? []))];
}

/** Gzip bytes of each script, fetched once per run. */
async function gzipSizes(server: Server, scripts: string[], known: Map<string, number>): Promise<number> {
  let total = 0;
  for (const src of scripts) {
    if (!known.has(src)) known.set(src, gzipSync(await body(server, src)).length);
    total += known.get(src) ?? 0;
  }
  return total;
}

/**
 * The scripts a page has fetched once every chart on it is drawn: its `<script src>` and the chart code it imports
 * when a chart comes near the viewport (app/_components/ChartLoader.tsx), each chart scrolled into view in turn on a
 * phone-sized screen, as a reader scrolling the page would; null when the page holds no chart.
 */
async function scriptsWithChartsDrawn(server: Server, path: string): Promise<string[] | null> {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const scripts = new Set<string>();
    page.on("request", (request) => {
      if (request.resourceType() !== "script") return;
      const url = new URL(request.url());
      scripts.add(`${url.pathname}${url.search}`);
    });
    await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
    const places = await page.locator(".chart-place").all();
    if (!places.length) return null;
    for (const place of places) await place.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll(".chart-place")].every((place) => place.getAttribute("data-drawn") === "true"), null, { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    return [...scripts];
  } finally {
    await browser.close();
  }
}

interface Scores {
  performance: number;
  accessibility: number;
  /** The audits that cost the most performance points, for the note when the budget is missed. */
  worst: string;
}

/** Lighthouse, tried again when it fails on its own trace ("Please run Lighthouse again"), as it sometimes does on a loaded machine. */
function lighthouse(url: string, out: string, attempts = 3): Scores | string {
  let result = lighthouseOnce(url, out);
  for (let i = 1; i < attempts && typeof result === "string" && /run Lighthouse again/i.test(result); i++) result = lighthouseOnce(url, out);
  return result;
}

/** Lighthouse (mobile, simulated throttling) on Debian's Chromium; the reason instead when it cannot run. */
function lighthouseOnce(url: string, out: string): Scores | string {
  const run = spawnSync(
    process.execPath,
    [
      "node_modules/lighthouse/cli/index.js",
      url,
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      "--quiet",
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, encoding: "utf8", timeout: 180_000 },
  );
  if (run.status !== 0) return `lighthouse exited with ${run.status ?? run.signal}: ${(run.stderr ?? "").trim().split("\n").slice(-2).join(" ")}`;
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<string, { score: number | null; displayValue?: string; title: string }>;
  };
  rmSync(out, { force: true });
  const performance = report.categories.performance;
  const worst = (performance?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 0.9)
    .map((ref) => `${report.audits[ref.id]?.title} ${report.audits[ref.id]?.displayValue ?? ""} (score ${report.audits[ref.id]?.score})`.replace(/\s+/g, " "))
    .join("; ");
  return { performance: performance?.score ?? 0, accessibility: report.categories.accessibility?.score ?? 0, worst: worst || "no audit below 0.9" };
}

function scoreFigures(at: string, path: string, scores: Scores | string): Figure[] {
  const spec = (kind: "performance" | "accessibility") => ({
    id: `lighthouse-${kind}-${at}-${path}`,
    name: `Lighthouse ${kind} (mobile), ${path} at ${at}`,
    unit: "",
    baseline: null,
    budget: { of: "value" as const, min: WEB_BUDGET[kind] },
  });
  if (typeof scores === "string")
    return (["performance", "accessibility"] as const).map((kind) => ({ ...spec(kind), value: null, ratio: null, met: null, note: scores }));
  return [
    figure({ ...spec("performance"), value: scores.performance, explain: () => `scored ${scores.performance}; the audits that cost points: ${scores.worst}.` }),
    figure({ ...spec("accessibility"), value: scores.accessibility, explain: () => `scored ${scores.accessibility}: run Lighthouse on ${path} for the failing audits.` }),
  ];
}

export interface WebContext {
  work: string;
  /** The benchmark's corpus folder and its database (already ingested). */
  docs: string;
  db: string;
  plan: WebPlan;
  step: (message: string) => void;
  /** Ingests `folder` into `db`, its paths stored relative to `root`. */
  ingest: (folder: string, root: string, db: string) => void;
}

const kb = (bytes: number) => bytes / 1024;

const SHARED = "the scripts every page loads (Next.js and React runtime, the layout's client components)";

async function scalePages(context: WebContext, server: Server): Promise<Figure[]> {
  const { plan, step } = context;
  const overview = await body(server, "/en");
  const asset = scriptsOf(overview)[0];
  if (!asset) throw new Error("the overview loads no script: nothing static to compare with");
  const staticTiming = await timePage(server, asset, plan.repeats);
  const figures: Figure[] = [];
  const baseline = (timing: PageTiming) => ({ name: `a static script (${kb(staticTiming.bytes).toFixed(0)} KB) from the same server`, value: timing.p99Ms, unit: "ms" });
  const sizes = new Map<string, number>();
  const measured: { page: Page; timing: PageTiming; scripts: string[]; drawn: string[] | null }[] = [];
  for (const page of pages(plan.longRows)) {
    step(`timing ${page.path}`);
    const timing = await timePage(server, page.path, plan.repeats);
    const drawn = page.kind === "chart" ? await scriptsWithChartsDrawn(server, page.path) : null;
    measured.push({ page, timing, scripts: scriptsOf(await body(server, page.path)), drawn });
  }
  // What every page loads (the Next.js and React runtime, the layout's client components), said in each JavaScript note.
  const shared = measured.reduce<string[]>((common, m, i) => (i === 0 ? m.scripts : common.filter((src) => m.scripts.includes(src))), []);
  const sharedBytes = await gzipSizes(server, shared, sizes);
  for (const { page, timing, scripts, drawn } of measured) {
    const jsBytes = await gzipSizes(server, scripts, sizes);
    const jsBudget = page.kind === "chart" ? WEB_BUDGET.chartJsKb : WEB_BUDGET.textJsKb;
    figures.push(
      figure({
        id: `page-p99-${page.path}`,
        name: `${page.name} (${page.path}): server time p99 over ${plan.repeats} requests`,
        value: timing.p99Ms,
        unit: "ms",
        baseline: baseline(staticTiming),
        budget: { of: "value", max: WEB_BUDGET.p99Ms },
        note: timing.status === 200 ? null : `answered ${timing.status}`,
        explain: (f) => `p99 ${f.value?.toFixed(0)} ms (first request ${timing.firstMs.toFixed(0)} ms, median ${timing.p50Ms.toFixed(0)} ms) where the static script takes ${staticTiming.p99Ms.toFixed(1)} ms.`,
      }),
      figure({
        id: `page-html-${page.path}`,
        name: `${page.name}: HTML`,
        value: kb(timing.bytes),
        unit: "KB",
        baseline: null,
        budget: { of: "value", max: WEB_BUDGET.htmlKb },
        explain: (f) => `the page is ${f.value?.toFixed(0)} KB of HTML.`,
      }),
      figure({
        id: `page-js-${page.path}`,
        name: `${page.name}: JavaScript loaded with the page (gzip, its ${scripts.length} scripts in the HTML, ${page.kind} page)`,
        value: kb(jsBytes),
        unit: "KB",
        baseline: { name: SHARED, value: kb(sharedBytes), unit: "KB" },
        budget: { of: "value", max: jsBudget },
        explain: (f) =>
          `${f.value?.toFixed(0)} KB gzipped in ${scripts.length} scripts: ${kb(sharedBytes).toFixed(0)} KB of them every page loads (Next.js's and React's runtime alone are most of it), ${kb(jsBytes - sharedBytes).toFixed(0)} KB are this page's own.`,
      }),
    );
    if (!drawn) continue;
    const drawnBytes = await gzipSizes(server, drawn, sizes);
    figures.push(
      figure({
        id: `page-js-drawn-${page.path}`,
        name: `${page.name}: JavaScript once its charts are drawn (gzip, ${drawn.length} scripts: the page's and the chart code loaded as each chart nears the viewport)`,
        value: kb(drawnBytes),
        unit: "KB",
        baseline: { name: SHARED, value: kb(sharedBytes), unit: "KB" },
        budget: { of: "value", max: WEB_BUDGET.chartJsKb },
        explain: (f) =>
          `${f.value?.toFixed(0)} KB gzipped: ${kb(jsBytes).toFixed(0)} KB load with the page and ${kb(drawnBytes - jsBytes).toFixed(0)} KB when its charts come near the viewport (Recharts, the chart components and next-intl's message formatter).`,
      }),
    );
  }
  return figures;
}

async function scored(context: WebContext, db: string, at: string, paths: string[]): Promise<Figure[]> {
  const server = await startServer(db);
  try {
    const figures: Figure[] = [];
    for (const path of paths) {
      context.step(`Lighthouse ${path} at ${at}`);
      let scores: Scores | string;
      try {
        await body(server, path);
        scores = lighthouse(`${server.url}${path}`, join(context.work, "lighthouse.json"));
      } catch (err) {
        // A server that stops answering is reported with what it printed, and the other figures still written.
        scores = `the server did not answer (${(err as Error).message}); its last output: ${server.log().trim().split("\n").slice(-3).join(" ")}`;
      }
      figures.push(...scoreFigures(at, path, scores));
    }
    return figures;
  } finally {
    server.stop();
  }
}

/** The web figures: pages at scale, then Lighthouse at scale and at the seed data. */
export async function webFigures(context: WebContext): Promise<Figure[]> {
  const { work, docs, db, plan, step } = context;
  const extra = join(docs, "pages");
  step(`adding ${plan.briefings} briefings on other topics and a ${plan.longRows.toLocaleString("en-US")}-row stance table`);
  writePageDocuments(extra, 20_261_121, plan.briefings, plan.longRows);
  context.ingest(extra, docs, db);
  const server = await startServer(db);
  let figures: Figure[];
  try {
    figures = await scalePages(context, server);
  } finally {
    server.stop();
  }
  const seeded = join(work, "seeds.db");
  step("ingesting the seed documents for Lighthouse");
  const seed = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--db", seeded, "--quiet"], { encoding: "utf8" });
  if (seed.status !== 0) throw new Error(`seed ingest failed:\n${seed.stdout}${seed.stderr}`);
  // The long stance table is the benchmark's own document: the seeds have none.
  const atSeeds = plan.lighthouse.filter((path) => !path.includes(LONG_TABLE));
  figures.push(...(await scored(context, db, "scale", plan.lighthouse)), ...(await scored(context, seeded, "the seed data", atSeeds)));
  return figures;
}
