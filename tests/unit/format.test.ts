import { describe, expect, it, vi } from "vitest";
import { createFormat } from "../../app/_lib/format";

const words = { en: { notScored: "not scored", never: "never" }, es: { notScored: "sin puntuar", never: "nunca" } };
const en = createFormat("en", words.en);
const es = createFormat("es", words.es);

describe("numbers and dates per locale", () => {
  // Every stance mark asks for the formats: building the locale's formatters each time was a fifth of a page's server time.
  it("builds a locale's formatters once, however many components ask", () => {
    en.axis(1, 3);
    const numbers = vi.spyOn(Intl, "NumberFormat");
    const dates = vi.spyOn(Intl, "DateTimeFormat");
    const written = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const format = createFormat("en", words.en);
      written.add([format.position(1), format.axis(2, 3), format.date("2026-02-04"), format.timestamp("2026-02-04T10:00:00Z")].join(" | "));
    }
    const built = [numbers.mock.calls.length, dates.mock.calls.length];
    numbers.mockRestore();
    dates.mockRestore();
    expect([...written]).toEqual(["+1.00 | +2.000 | Feb 4, 2026 | Feb 4, 2026, 10:00 UTC"]);
    expect(built).toEqual([0, 0]);
  });

  it.each([
    [-2.8347, "\u22122.83", "\u22122,83"],
    [1, "+1.00", "+1,00"],
    [0, "0.00", "0,00"],
    // Rounds to zero: no sign, so a near-zero position never looks like a side of the axis.
    [-0.001, "0.00", "0,00"],
    [-1234.5, "\u22121,234.50", "\u22121234,50"],
    [null, "not scored", "sin puntuar"],
  ])("position %s → %s / %s (a real minus sign, never 0 for not scored)", (value, inEnglish, inSpanish) => {
    expect(en.position(value)).toBe(inEnglish);
    expect(es.position(value)).toBe(inSpanish);
  });

  it.each([
    [5.2689, "5.27", "5,27"],
    [null, "—", "—"],
  ])("gap %s → %s / %s", (value, inEnglish, inSpanish) => {
    expect(en.gap(value)).toBe(inEnglish);
    expect(es.gap(value)).toBe(inSpanish);
  });

  it.each([
    [27, "27", "27"],
    [100000, "100,000", "100.000"],
  ])("count %s → %s / %s", (value, inEnglish, inSpanish) => {
    expect(en.count(value)).toBe(inEnglish);
    expect(es.count(value)).toBe(inSpanish);
  });

  it.each([
    ["2026-02-04", "Feb 4, 2026", "4 feb 2026"],
    ["2026-12-31", "Dec 31, 2026", "31 dic 2026"],
    // Not a calendar day (Feb 31) or not a stored date: shown as stored, never shifted to another day.
    ["2026-02-31", "2026-02-31", "2026-02-31"],
    ["2026-13-01", "2026-13-01", "2026-13-01"],
    ["spring 2026", "spring 2026", "spring 2026"],
  ])("date %s → %s / %s", (value, inEnglish, inSpanish) => {
    expect(en.date(value)).toBe(inEnglish);
    expect(es.date(value)).toBe(inSpanish);
  });

  it.each([
    ["2026-02", "Feb 2026", "feb 2026"],
    ["2026-12-31", "Dec 2026", "dic 2026"],
    ["2026-13", "2026-13", "2026-13"],
    ["undated", "undated", "undated"],
  ])("month %s → %s / %s", (value, inEnglish, inSpanish) => {
    expect(en.month(value)).toBe(inEnglish);
    expect(es.month(value)).toBe(inSpanish);
  });

  it.each([
    ["2026-11-21T12:05:00.000Z", "Nov 21, 2026, 12:05 UTC", "21 nov 2026, 12:05 UTC"],
    [null, "never", "nunca"],
  ])("timestamp %s → %s / %s (UTC, said so)", (value, inEnglish, inSpanish) => {
    expect(en.timestamp(value)).toBe(inEnglish);
    expect(es.timestamp(value)).toBe(inSpanish);
  });
});

describe("chart numbers", () => {
  it.each([
    [-2, 0, "\u22122", "\u22122"],
    [0, 0, "0", "0"],
    [4, 0, "+4", "+4"],
    [0.5, 1, "+0.5", "+0,5"],
  ])("axis tick %d with %i decimals → %s / %s: a sign on each side of 0", (value, decimals, inEnglish, inSpanish) => {
    expect(en.axis(value, decimals)).toBe(inEnglish);
    expect(es.axis(value, decimals)).toBe(inSpanish);
  });

  it.each([
    [16.94, "17", "17"],
    [2.46, "2.5", "2,5"],
  ])("ratio %d → %s / %s", (value, inEnglish, inSpanish) => {
    expect(en.ratio(value)).toBe(inEnglish);
    expect(es.ratio(value)).toBe(inSpanish);
  });
});
