import { describe, expect, it } from "vitest";
import { chartGeometry, clampCentre, countTicks, estimateWidth, evenTicks, maxTicksFor, positionTicks, reserveHeights, tickDecimals, wrapText } from "../../app/_components/chart-layout";

describe("even ticks", () => {
  // The bug: the position axis read −5.00, −2.00, +1.00, +5.00 and 0 had no tick; salience read 0, 2, 4, 5.
  it.each([
    [[-2.83, 1.73], 7, [-3, -2, -1, 0, 1, 2, 3]],
    [[-2.83, 1.73], 5, [-4, -2, 0, 2, 4]],
    [[4.2, -1], 7, [-6, -4, -2, 0, 2, 4, 6]],
    [[0.3, null], 11, [-1, -0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1]],
    [[null, null], 3, [-1, 0, 1]],
  ] as const)("positions %j in at most %i ticks → %j: symmetric, one step, 0 among them", (values, max, expected) => {
    const { ticks, domain } = positionTicks([...values], max);
    expect(ticks).toEqual(expected);
    expect(domain).toEqual([expected[0], expected[expected.length - 1]]);
  });

  it.each([
    [[5, 3], 7, [0, 1, 2, 3, 4, 5]],
    [[5, 3], 4, [0, 2, 4, 6]],
    [[12, 0], 6, [0, 5, 10, 15]],
    [[0, 0], 5, [0, 1]],
  ] as const)("counts %j in at most %i ticks → %j: whole steps from 0", (values, max, expected) => {
    expect(countTicks([...values], max).ticks).toEqual(expected);
  });

  it("every step between ticks is the same", () => {
    for (const [low, high, max] of [[-7.3, 7.3, 9], [-0.05, 0.05, 5], [0, 137, 8], [-12, 3, 6]] as const) {
      const { ticks, step } = evenTicks(low, high, max);
      expect(ticks.length).toBeLessThanOrEqual(max);
      expect(ticks).toContain(0);
      ticks.slice(1).forEach((t, i) => {
        expect(t - (ticks[i] ?? 0)).toBeCloseTo(step, 9);
      });
      expect(ticks[0]).toBeLessThanOrEqual(low);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(high);
    }
  });

  it.each([
    [1, 0],
    [2, 0],
    [0.5, 1],
    [0.2, 1],
    [0.05, 2],
  ])("a step of %d needs %i decimals", (step, decimals) => {
    expect(tickDecimals(step)).toBe(decimals);
  });

  it("fits fewer ticks on a phone", () => {
    expect(maxTicksFor(286)).toBe(6);
    expect(maxTicksFor(536)).toBe(10);
    expect(maxTicksFor(100)).toBe(3);
  });
});

const fixed = (text: string, size: number) => text.length * size * 0.5;

describe("labels that fit", () => {
  it("wraps words into lines no wider than asked, never splitting a word", () => {
    expect(wrapText("Petro in Washington: a reset test for U.S.–Colombia ties", 120, 12, fixed)).toEqual(["Petro in Washington:", "a reset test for", "U.S.–Colombia ties"]);
    expect(wrapText("Migration", 300, 12, fixed)).toEqual(["Migration"]);
    expect(wrapText("", 300, 12, fixed)).toEqual([""]);
  });

  it.each([
    [5, 40, 0, 300, 20],
    [290, 40, 0, 300, 280],
    [150, 40, 0, 300, 150],
    [150, 400, 0, 300, 150],
  ])("a label centred on %i, %i wide, stays inside [%i, %i] at %i", (x, width, left, right, expected) => {
    expect(clampCentre(x, width, left, right)).toBe(expected);
  });
});

describe("chart geometry", () => {
  const issues = {
    mode: "position" as const,
    rows: [
      { label: "Drug policy", poles: { negative: "Enforcement & interdiction", positive: "Development & public health" } },
      { label: "Energy & climate", poles: { negative: "Fossil supply & market stability", positive: "Transition away from oil & gas" } },
    ],
    legend: ["United States (US)", "Colombia (CO)"] as [string, string],
  };

  it("gives every row its label and poles, wrapped to the width, and the same height", () => {
    const narrow = chartGeometry(issues, 310, fixed);
    const wide = chartGeometry(issues, 560, fixed);
    expect(wide.rows[1]?.negative).toEqual(["← Fossil supply & market stability"]);
    expect(narrow.rows[1]?.negative.length).toBeGreaterThan(1);
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(narrow.plot.bottom - narrow.plot.top).toBe(2 * narrow.rowHeight);
    expect(narrow.plot.left).toBe(12);
    expect(narrow.plot.right).toBe(298);
  });

  it("puts shared poles under the axis instead of on each row", () => {
    const documents = { ...issues, rows: issues.rows.map((r) => ({ label: r.label })), poles: { negative: "Deterrence & enforcement", positive: "Humanitarian & regulated pathways" } };
    const geometry = chartGeometry(documents, 560, fixed);
    expect(geometry.rows.every((r) => r.negative.length === 0)).toBe(true);
    expect(geometry.sharedPoles?.positive).toEqual(["Humanitarian & regulated pathways →"]);
    expect(geometry.height).toBeGreaterThan(geometry.plot.bottom + 24 + 15);
  });

  it("reserves the height the client will draw at a phone's and a desktop's width", () => {
    expect(reserveHeights(issues)).toEqual({ narrow: chartGeometry(issues, 310, estimateWidth).height, wide: chartGeometry(issues, 560, estimateWidth).height });
    expect(reserveHeights(issues, "full").wide).toBe(chartGeometry(issues, 1150, estimateWidth).height);
  });
});
