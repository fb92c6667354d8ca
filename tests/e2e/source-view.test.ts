import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  it("draws the first 500 lines, says so, and links to the next", async () => {
    await open(`/en/sources/${LONG}`);
    await expect(page.locator(".window-note p").first().textContent()).resolves.toBe(
      `This document has ${longBriefing().split("\n").length.toLocaleString("en")} lines; lines 1–500 are shown, so the page stays quick to open. Line links take you to the part that holds the line.`,
    );
    expect(await page.locator(".document-text [id^='L']").count()).toBeLessThanOrEqual(500);
    await expect(page.locator("#L500").count()).resolves.toBe(1);
    await expect(page.locator("#L501").count()).resolves.toBe(0);
    // The table's rows in the window, both governments' cells marked; its header stays for context.
    expect(await page.locator(".stance-mark-structured").count()).toBe(2 * (500 - rowLine(0)) + 2);
    await Promise.all([page.waitForURL(/\?from=501$/), page.locator(".window-note").first().getByRole("link", { name: "Lines 501–1,000 →" }).click()]);
    await expect(page.locator("#L501 .stance-mark-co").textContent()).resolves.toBe(`COCrop substitution and rural reform, row ${501 - rowLine(0)}`);
    await expect(page.locator(".source-table thead th").nth(2).textContent()).resolves.toBe("United States");
    await expect(page.locator("#L500").count()).resolves.toBe(0);
  });

  it("starts a window anywhere with ?from=, and says which value it ignored", async () => {
    await open(`/en/sources/${LONG}?from=1200`);
    await expect(page.locator(".document-text [id^='L']").first().getAttribute("id")).resolves.toBe("L1200");
    await expect(page.locator("#L1222").textContent()).resolves.toContain("Closing words.");
    await open(`/en/sources/${LONG}?from=99999`);
    await expect(page.locator(".notice").textContent()).resolves.toContain("“from=99999”");
    await expect(page.locator("#L1").count()).resolves.toBe(1);
  });

  it("keeps line anchors: an old link to #L1100 moves to the window that holds it, highlighted", async () => {
    await Promise.all([page.waitForURL(/\?from=1001#L1100$/), page.goto(`${baseUrl}/en/sources/${LONG}#L1100`)]);
    await page.waitForLoadState("networkidle");
    const target = page.locator(":target");
    await expect(target.getAttribute("id")).resolves.toBe("L1100");
    await expect(target.locator(".stance-mark-us").textContent()).resolves.toBe(`USInterdiction and extradition, row ${1100 - rowLine(0)}`);
  });

  it("cites a line past the first window with the window in the link", async () => {
    await open(`/en/issues/drug-policy?document=${LONG}`);
    const hrefs = await page.locator(".column-us .citation").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain(`/en/sources/${LONG}#L${rowLine(1)}`);
    expect(hrefs).toContain(`/en/sources/${LONG}?from=1001#L${rowLine(1000)}`);
  });
});
