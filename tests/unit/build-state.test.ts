import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newestMtime } from "../../scripts/build-state.mjs";

// `npm start` and the bench rebuild when a source is newer than the build: a stale build measured old code once.
describe("newestMtime", () => {
  it("finds the newest file in nested folders and skips paths that do not exist", () => {
    const root = mkdtempSync(join(tmpdir(), "parallax-mtime-"));
    mkdirSync(join(root, "app", "deep"), { recursive: true });
    const files = [join(root, "app", "page.tsx"), join(root, "app", "deep", "chart.tsx"), join(root, "next.config.js")];
    files.forEach((file, i) => {
      writeFileSync(file, "x");
      utimesSync(file, 1_000 + i, [1_000, 3_000, 2_000][i] as number);
    });
    expect(newestMtime([join(root, "app"), join(root, "next.config.js"), join(root, "missing")])).toBe(3_000_000);
    expect(newestMtime([join(root, "next.config.js")])).toBe(2_000_000);
    expect(newestMtime([join(root, "missing")])).toBe(0);
  });
});
