import { describe, expect, inject, it } from "vitest";

/**
 * Every route, in both locales and as downloads, with hostile segments and parameters: malformed
 * percent-encoding, prototype names, unknown and huge values, encoded slashes and dots, markup.
 * Pins "never a 500, never a stack trace": 41 of 3,387 such requests answered 500 before.
 */
const baseUrl = inject("hostileBaseUrl");

/** A small deterministic generator (mulberry32), so a failure names an input that reproduces. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const hex = () => Math.floor(next() * 256).toString(16).padStart(2, "0").toUpperCase();
  const pieces = [
    () => `%${hex()}`,
    () => `%${hex()}%${hex()}`,
    () => `%${hex().slice(0, 1)}`,
    () => "%",
    () => pick(["a", "Z", "0", "-", ".", "_", "~", "ñ", "é", "€", "😀", "\u200b", "+", "'", '"', "(", ")", "*", "!", "$", ",", ";", "=", "@", ":"]),
    () => pick(["%2F", "%5C", "%2e", "%00", "%0A", "%20", "%25", "%3F", "%23", "%26"]),
    () => pick(["__proto__", "constructor", "prototype", "-t1", "-t0", ".csv", ".json", "drug-policy", "hostile"]),
  ];
  return () => Array.from({ length: 1 + Math.floor(next() * 8) }, () => pick(pieces)()).join("");
}

/** Written as they would appear in a URL (already percent-encoded where they are). */
const SEGMENTS = [
  "%", "%ff", "%E0%A4%A", "%E0%A4%A4", "%ED%A0%80", "%C0%AF", "%00", "%2F", "a%2Fb", "%5C", "%2e%2e", "..%2F..%2Fetc%2Fpasswd",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__",
  "%25", "100%25", "a%25zz", "%2525", "Bogot%C3%A1", "Bogot%25C3%25A1", "x%23y", "why%3F", "a+b", "a%20b",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "javascript:alert(1)", "%F0%9F%98%80", "\u00f1", "x".repeat(3000), "%41".repeat(1000),
  "drug-policy", "energy", "hostile", "hostile-t1", "hostile-t0", "hostile-t99999999", "-t1", "stances", "documents.csv",
];
const random = generator(20261121);
const GENERATED = Array.from({ length: 40 }, random);

const LOCALES = ["en", "es"];
const PATHS = [...SEGMENTS, ...GENERATED].flatMap((s) => [
  ...LOCALES.flatMap((l) => [`/${l}/${s}`, `/${l}/issues/${s}`, `/${l}/sources/${s}`, `/${l}/sources/${s}/more`, `/${l}/search/${s}`, `/${l}/scale/${s}`]),
  `/${s}`,
  `/issues/${s}`,
  `/api/export/${s}`,
  `/api/export/${s}.csv`,
  `/api/export/${s}.json`,
  `/api/export/tables/${s}.csv`,
  `/api/export/tables/${s}-t1.json`,
  `/_next/static/${s}`,
]);

const KEYS = ["issue", "actor", "document", "kind", "evidence", "q", "page", "from", "header", "bom", "cite", "__proto__", "constructor", "", "x".repeat(1000)];
const VALUES = ["", "%", "%ff", "%E0%A4%A", "__proto__", "energy", "100%25", "x%23y", "chart", "2", "x".repeat(4000), ...GENERATED.slice(0, 2)];
const QUERY_TARGETS = [
  ...LOCALES.flatMap((l) => [`/${l}`, `/${l}/issues/drug-policy`, `/${l}/compare`, `/${l}/sources/hostile`, `/${l}/search`, `/${l}/scale`, `/${l}/other-issues`, `/${l}/sources`]),
  "/api/export/stances.csv",
  "/api/export/issues.json",
  "/api/export/document-positions.csv",
  "/api/export/documents.csv",
  "/api/export/timeline.csv",
  "/api/export/search.json",
  "/api/export/workbook.xlsx",
  "/api/export/tables/hostile-t1.csv",
];
const QUERIES = QUERY_TARGETS.flatMap((target) =>
  KEYS.flatMap((key) => VALUES.map((value, i) => `${target}?${key}=${value}${i % 3 === 0 ? `&${key}=${VALUES[(i + 1) % VALUES.length]}` : ""}`)),
);

const ANSWERS = new Set([200, 301, 302, 303, 307, 308, 400, 404, 414, 431]);
const STACK = /\bat [^\n]*\.(?:js|ts|tsx|mjs):\d+:\d+|Internal Server Error|node_modules/;

interface Outcome {
  path: string;
  status: number;
  problem: string | null;
}

async function request(path: string): Promise<Outcome> {
  const response = await fetch(baseUrl + path, { redirect: "manual" });
  const body = await response.text();
  const problem = !ANSWERS.has(response.status)
    ? `status ${response.status}`
    : STACK.test(body)
      ? "stack trace or internal error in the body"
      : response.headers.get("x-content-type-options") !== "nosniff"
        ? "no security headers"
        : path.startsWith("/api/") && response.status >= 400 && !/^\{"error":\{"status":\d{3},/.test(body)
          ? `download error that is not the JSON error: ${body.slice(0, 80)}`
          : null;
  return { path, status: response.status, problem };
}

async function all(paths: string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let at = 0; at < paths.length; at += 8) outcomes.push(...(await Promise.all(paths.slice(at, at + 8).map(request))));
  return outcomes;
}

describe("fuzzing every route", () => {
  it(`${PATHS.length} hostile paths: 400 or 404 with a clear answer, never a 500`, { timeout: 300_000 }, async () => {
    const outcomes = await all(PATHS);
    expect(outcomes.filter((o) => o.problem).map((o) => `${o.path.slice(0, 120)} → ${o.problem}`)).toEqual([]);
    // The hostile inputs are refused, not served: most answers are 400 or 404.
    expect(outcomes.filter((o) => o.status === 400).length).toBeGreaterThan(100);
  });

  it(`${QUERIES.length} hostile query strings: ignored by pages, 400 from downloads, never a 500`, { timeout: 300_000 }, async () => {
    const outcomes = await all(QUERIES);
    expect(outcomes.filter((o) => o.problem).map((o) => `${o.path.slice(0, 120)} → ${o.problem}`)).toEqual([]);
    expect(outcomes.filter((o) => o.path.startsWith("/api/") && o.status === 400).length).toBeGreaterThan(100);
  });
});
