import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const SCREENSHOTS = "test-results/screenshots";

/** Debian's Chromium, headless, with a fresh profile and no background networking. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "parallax-chromium-")), {
    executablePath: "/usr/bin/chromium",
    acceptDownloads: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Full-page screenshots at a wide and a phone width, saved for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Scrolls each chart's place into view, as a reader would (charts load as they near the viewport), waits until every chart has drawn, and goes back to the top. */
export async function drawCharts(page: Page): Promise<void> {
  for (const place of await page.locator(".chart-place").all()) await place.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll(".chart-place")].every((place) => place.getAttribute("data-drawn") === "true"));
  await page.evaluate(() => window.scrollTo(0, 0));
}
