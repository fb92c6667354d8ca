import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { windowStarts } from "../../app/_lib/line-window";
import { launchBrowser, screenshot } from "./browser";

/**
 * The source view of documents the seeds do not have: a Markdown briefing (front matter, headings, bullets,
 * bold) whose stance table runs to 1,200 rows, served by its own server on its own database so the seed
 * counts the other browser tests pin stay as they are.
 */
const ROWS = 1200;
const LONG = "long-briefing";

function longBriefing(): string {
  const lines = [
    "---",
    'title: "Long briefing: positions row by row"',
    "outlet: Parallax test fixtures",
    "published: 2026-11-01",
    "lang: en",
    "---",
    "",
    "# Long briefing",
    "",
    "An introduction with **bold words** and *an aside*.",
    "",
    "## Drug policy",
    "",
    "- **United States:** more interdiction at sea",
    "- **Colombia:** crop substitution first",
    "",
    "| Issue | United States | Colombia |",
    "| --- | --- | --- |",
  ];
  for (let i = 1; i <= ROWS; i++) lines.push(`| Drug policy | Interdiction and extradition, row ${i} | Crop substitution and rural reform, row ${i} |`);
  lines.push("", "## After the table", "", "Closing words.");
  return `${lines.join("\n")}\n`;
}
/** Line numbers in the fixture: the table's header is line 17 and row r is line 18 + r. */
const rowLine = (row: number) => 18 + row;

/** Where the fixture's windows start, from what its lines carry: the two bullets one stance each, every table row two. */
function fixtureWindows(): number[] {
  const lines = longBriefing().split("\n").slice(0, -1);
  const stances = lines.map((_, i) => (i + 1 === 14 || i + 1 === 15 ? 1 : i + 1 > rowLine(0) && i + 1 <= rowLine(ROWS) ? 2 : 0));
  return windowStarts({ chars: lines.map((line) => line.length), stances });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

let server: ChildProcess;
let baseUrl = "";
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-source-view-"));
  writeFileSync(join(dir, `${LONG}.md`), longBriefing());
  const database = join(dir, "parallax.db");
  const ingest = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--db", database, "--quiet", dir], { encoding: "utf8" });
  if (ingest.status !== 0) throw new Error(`ingest failed:\n${ingest.stdout}${ingest.stderr}`);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // The build is the one the global setup made for every browser test.
  server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env: { ...process.env, DATABASE_URL: database, NEXT_TELEMETRY_DISABLED: "1" }, detached: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/en/sources`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the source view's server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
});
afterAll(async () => {
  await browser?.close();
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});

async function open(path: string) {
  const response = await page.goto(baseUrl + path, { waitUntil: "networkidle" });
  return response?.status();
}

describe("a Markdown document reads as its reader knows it", () => {
  it("shows its front matter as a metadata header, its headings as headings and its bullets and bold as such, every line anchored", async () => {
    expect(await open(`/en/sources/${LONG}`)).toBe(200);
    const fields = await page.locator(".front-matter .front-matter-row").evaluateAll((rows) =>
      rows.map((row) => [row.id, row.querySelector("dt")?.textContent?.replace(/^\d+\s*/, "").trim(), row.querySelector("dd")?.textContent]),
    );
    expect(fields).toEqual([
      ["L2", "title", "Long briefing: positions row by row"],
      ["L3", "outlet", "Parallax test fixtures"],
      ["L4", "published", "2026-11-01"],
      ["L5", "lang", "en"],
    ]);
    expect(await page.locator("#L1").getAttribute("class")).toBe("front-matter");
    await expect(page.locator(".document-text").textContent()).resolves.not.toContain("---");
    await expect(page.locator("#L8 h2").textContent()).resolves.toBe("Long briefing");
    await expect(page.locator("#L12 h3").textContent()).resolves.toBe("Drug policy");
    await expect(page.locator("#L10 strong").textContent()).resolves.toBe("bold words");
    await expect(page.locator("#L10 em").textContent()).resolves.toBe("an aside");
    await expect(page.locator("#L14 .bullet-marker").textContent()).resolves.toBe("•");
    await expect(page.locator("#L14 strong").textContent()).resolves.toBe("United States:");
    await expect(page.locator("#L14 .stance-mark-us").textContent()).resolves.toBe("USmore interdiction at sea");
    await expect(page.locator(".document-text").textContent()).resolves.not.toMatch(/\*\*|^#/m);
    await expect(page.locator(`#L${rowLine(1)} .stance-mark-us`).textContent()).resolves.toBe("USInterdiction and extradition, row 1");
    await screenshot(page, "en-source-markdown");
  });
});

describe("a long document is shown a window of lines at a time", () => {
  it("draws the first window (a dense stance table makes it short), says so, and links to the next", async () => {
    const [, second = 0, third = 0] = fixtureWindows();
    const last = second - 1;
    // A few dozen rows of a stance table, not 500 lines: each row carries two stances.
    expect(last).toBeGreaterThan(rowLine(10));
    expect(last).toBeLessThan(rowLine(60));
    await open(`/en/sources/${LONG}`);
    await expect(page.locator(".window-note p").first().textContent()).resolves.toBe(
      `This document has ${longBriefing().split("\n").length.toLocaleString("en")} lines; lines 1–${last} are shown, so the page stays quick to open. Line links take you to the part that holds the line.`,
    );
    await expect(page.locator(`#L${last}`).count()).resolves.toBe(1);
    await expect(page.locator(`#L${second}`).count()).resolves.toBe(0);
    // The table's rows in the window, both governments' cells marked, and the two bullets; its header stays for context.
    expect(await page.locator(".stance-mark-structured").count()).toBe(2 * (last - rowLine(0)) + 2);
    await Promise.all([
      page.waitForURL(new RegExp(`\\?from=${second}$`)),
      page.locator(".window-note").first().getByRole("link", { name: `Lines ${second}–${third - 1} →` }).click(),
    ]);
    await expect(page.locator(`#L${second} .stance-mark-co`).textContent()).resolves.toBe(`COCrop substitution and rural reform, row ${second - rowLine(0)}`);
    await expect(page.locator(".source-table thead th").nth(2).textContent()).resolves.toBe("United States");
    await expect(page.locator(`#L${last}`).count()).resolves.toBe(0);
  });

  it("opens the window that holds ?from=, and says which value it ignored", async () => {
    const starts = fixtureWindows();
    const holding = starts.filter((start) => start <= 1200).at(-1);
    await open(`/en/sources/${LONG}?from=1200`);
    await expect(page.locator(".document-text [id^='L']").first().getAttribute("id")).resolves.toBe(`L${holding}`);
    await expect(page.locator("#L1200").count()).resolves.toBe(1);
    await open(`/en/sources/${LONG}?from=1222`);
    await expect(page.locator("#L1222").textContent()).resolves.toContain("Closing words.");
    await open(`/en/sources/${LONG}?from=99999`);
    await expect(page.locator(".notice").textContent()).resolves.toContain("“from=99999”");
    await expect(page.locator("#L1").count()).resolves.toBe(1);
  });

  it("keeps line anchors: an old link to #L1100 moves to the window that holds it, highlighted", async () => {
    await Promise.all([page.waitForURL(/\?from=1100#L1100$/), page.goto(`${baseUrl}/en/sources/${LONG}#L1100`)]);
    await page.waitForLoadState("networkidle");
    const target = page.locator(":target");
    await expect(target.getAttribute("id")).resolves.toBe("L1100");
    await expect(target.locator(".stance-mark-us").textContent()).resolves.toBe(`USInterdiction and extradition, row ${1100 - rowLine(0)}`);
  });

  it("links a stance of a window to the page of its issue that holds it, scrolled to it", async () => {
    const start = fixtureWindows().filter((line) => line <= rowLine(1000)).at(-1) ?? 1;
    const row = start - rowLine(0);
    await open(`/en/sources/${LONG}?from=${rowLine(1000)}`);
    // The index of the window's stances is folded away: its first link, followed as a reader would.
    const href = await page.locator('.stance-index a[href*="/en/issues/drug-policy?stance="]').first().getAttribute("href");
    await Promise.all([page.waitForURL(new RegExp(`/en/issues/drug-policy\\?page=${Math.floor(row / 25) + 1}#stance-`)), page.goto(`${baseUrl}${href}`)]);
    await expect(page.locator(":target .stance-text").textContent()).resolves.toContain(`row ${row}`);
  });

  it("cites a line past the first 20 with the line in ?from=, which opens the window that holds it", async () => {
    const citations = () => page.locator(".column-us .citation").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    await open(`/en/issues/drug-policy?document=${LONG}`);
    expect(await citations()).toContain(`/en/sources/${LONG}#L${rowLine(1)}`);
    // The bullet is the first US stance, so row 1000 is the 1001st: on page 41 of 25 a page.
    await open(`/en/issues/drug-policy?document=${LONG}&page=41`);
    expect(await citations()).toContain(`/en/sources/${LONG}?from=${rowLine(1000)}#L${rowLine(1000)}`);
    await Promise.all([page.waitForURL(new RegExp(`from=${rowLine(1000)}#L${rowLine(1000)}$`)), page.locator(`.column-us .citation[href$="#L${rowLine(1000)}"]`).click()]);
    await expect(page.locator(`#L${rowLine(1000)} .stance-mark-us`).textContent()).resolves.toBe("USInterdiction and extradition, row 1000");
  });
});
