import { describe, expect, it } from "vitest";
import { findDateline, inferDate, normalizeDate } from "../../scripts/ingest/dates";

describe("findDateline", () => {
  it.each([
    [" date 2026-02-04 Officials met in the capital.", { date: "2026-02-04", evidence: "dateline on line 1: “date 2026-02-04”" }],
    ["Budget talks resume\nPublished: March 3, 2026\nText.", { date: "2026-03-03", evidence: "dateline on line 2: “Published: March 3, 2026”" }],
    ["Notas\nFecha: 5 de marzo de 2026\nTexto.", { date: "2026-03-05", evidence: "dateline on line 2: “Fecha: 5 de marzo de 2026”" }],
    ["Officials met on March 3, 2026 in the capital.", null],
    [`${"Filler line.\n".repeat(9)}Date: March 3, 2026`, null],
  ])("%j", (text, expected) => {
    expect(findDateline(text)).toEqual(expected);
  });
});

describe("inferDate", () => {
  it.each([
    ["The envoy arrived on February 3, 2026 and left on 12 February 2026.", { date: "2026-02-12", evidence: "latest date in the text, line 1: “on 12 February 2026”" }],
    ["Línea uno.\nLa visita fue el 4 de febrero de 2026.", { date: "2026-02-04", evidence: "latest date in the text, line 2: “4 de febrero de 2026”" }],
    ["They met on Tuesday and again two days later.", null],
    ["In January 2025 the flights stopped.", null],
    ["The memo is dated 3/4/2026.", null],
  ])("%j", (text, expected) => {
    expect(inferDate(text)).toEqual(expected);
  });
});

describe("normalizeDate", () => {
  it.each([
    ["2026-03-02T08:00:00-05:00", "2026-03-02"],
    ["D:20260331090000Z'", "2026-03-31"],
    ["March 2, 2026", "2026-03-02"],
    ["2026-13-40", null],
    ["soon", null],
  ])("%s → %s", (value, expected) => {
    expect(normalizeDate(value)).toBe(expected);
  });
});
