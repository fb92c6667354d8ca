import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// `npm run bench -- --quick` end to end on the build the browser tests made, so the benchmark cannot rot.
describe("npm run bench -- --quick", () => {
  const out = mkdtempSync(join(tmpdir(), "parallax-bench-results-"));

  it("measures every figure against its baseline and writes results.json and results.md", () => {
    const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "scripts/bench.ts", "--quick", "--out", out], {
      encoding: "utf8",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(results).toMatchObject({
      mode: "quick",
      machine: { cpu: expect.any(String), cores: expect.any(Number), node: process.version },
      corpus: { documents: 60, stances: expect.any(Number) },
    });
    expect(Date.parse(results.date)).not.toBeNaN();
    expect(results.corpus.stances).toBeGreaterThan(300);
    const ids = results.figures.map((f: { id: string }) => f.id);
    expect(ids.slice(0, 8)).toEqual(["ingest", "reingest", "long-seconds", "long-memory", "long-linearity", "ingest-startup", "export", "export-memory"]);
    // The web's figures: every page's server time, HTML and JavaScript at scale, and Lighthouse at scale and at the seeds.
    expect(ids).toEqual(
      expect.arrayContaining([
        "page-p99-/en/issues/drug-policy",
        "page-html-/en/sources/long-table",
        "page-js-/en/compare",
        "page-js-drawn-/en/compare",
        "lighthouse-performance-scale-/en/issues/drug-policy",
        "lighthouse-accessibility-the seed data-/en/issues/drug-policy",
      ]),
    );
    // A chart page's JavaScript once its charts are drawn counts the chart code it loads near the viewport (Recharts
    // alone is over 100 KB gzip); a page without a chart has no such figure.
    const kb = (id: string) => results.figures.find((f: { id: string }) => f.id === id)?.value as number;
    expect(kb("page-js-drawn-/en/compare") - kb("page-js-/en/compare")).toBeGreaterThan(100);
    expect(ids).not.toContain("page-js-drawn-/en/scale");
    for (const f of results.figures) {
      // Lighthouse can fail on its own trace even after its retries; the figure then says why and is never met.
      if (f.value === null && f.id.startsWith("lighthouse-")) {
        expect(f.met, f.id).not.toBe(true);
        expect(f.note, f.id).toMatch(/^lighthouse exited/);
        continue;
      }
      expect(f.value, f.id).toEqual(expect.any(Number));
      expect(f.budget.max ?? f.budget.min, f.id).toEqual(expect.any(Number));
      expect(typeof f.met, f.id).toBe("boolean");
      if (f.baseline) expect(f.ratio, f.id).toBeCloseTo(f.value / f.baseline.value, 6);
      if (f.met === false) expect(f.note, `${f.id} says why it missed`).toEqual(expect.any(String));
    }
    expect(results.breakdowns.ingest.breakdown.map((b: { category: string }) => b.category)).toContain("prose");
    const markdown = readFileSync(join(out, "results.md"), "utf8");
    expect(markdown).toContain("| figure | value | baseline | ratio | budget | met |");
    for (const f of results.figures) expect(markdown).toContain(f.name);
  }, 600_000);
});
