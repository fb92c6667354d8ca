import { z } from "zod";
import { DEFAULT_EVIDENCE, EVIDENCE, type Evidence, isMonth } from "@/db/filters";
import { knownDocumentSlugs } from "@/db/queries";

export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;
type Query = Record<string, string | string[] | undefined>;

/** A query value as Next gives it: one string, or several for a repeated key. */
const QUERY_VALUE = z.union([z.string(), z.array(z.string())]).optional();

/** The values of `key`, as written; an own key only, so "constructor" or "__proto__" never reads the prototype. */
export function allValues(params: Query, key: string): string[] {
  if (!Object.hasOwn(params, key)) return [];
  const parsed = QUERY_VALUE.safeParse(params[key]);
  if (!parsed.success || parsed.data === undefined) return [];
  return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
}

/** An ignored parameter as the notice shows it: recognisable, and never the whole of a huge value. */
export function shown(key: string, value?: string): string {
  const text = value === undefined ? key : `${key}=${value}`;
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Keeps the values of `key` that are allowed and says which were ignored, so a page can tell the
 * reader "ignored kind=chart" instead of failing or silently showing everything.
 */
export function pickAllowed<T extends string>(params: Query, key: string, allowed: readonly T[], ignored: string[]): T[] {
  const known = allowed.length ? z.enum(allowed as readonly [T, ...T[]]) : null;
  const kept: T[] = [];
  for (const value of allValues(params, key)) {
    const parsed = known?.safeParse(value);
    if (parsed?.success) {
      if (!kept.includes(parsed.data)) kept.push(parsed.data);
    } else ignored.push(shown(key, value));
  }
  return kept;
}

/**
 * Which evidence the page's positions rest on: `?evidence=structured` (tables and lists only), else all
 * evidence (the default: tables, lists and prose). Any other value is reported as ignored.
 */
export function pickEvidence(params: Query, ignored: string[]): Evidence {
  const [picked, ...extra] = pickAllowed(params, "evidence", EVIDENCE, ignored);
  ignored.push(...extra.map((value) => shown("evidence", value)));
  return picked ?? DEFAULT_EVIDENCE;
}

/** Reports every parameter the page does not read (`?chart=bar`, `?__proto__=1`) as ignored. */
export function ignoreOthers(params: Query, known: readonly string[], ignored: string[]): void {
  for (const key of Object.keys(params)) if (!known.includes(key)) ignored.push(shown(key));
}

/** The documents named in `?document=` that exist (looked up by name, not by listing every document); the others are reported as ignored. */
export function pickDocuments(params: Query, ignored: string[]): string[] {
  const values = allValues(params, "document");
  const known = new Set(knownDocumentSlugs(values));
  ignored.push(...values.filter((slug) => !known.has(slug)).map((slug) => shown("document", slug)));
  return values.filter((slug) => known.has(slug));
}

/** The months named in `?month=` (YYYY-MM, a month of the timeline); anything else is reported as ignored. */
export function pickMonths(params: Query, ignored: string[]): string[] {
  const values = allValues(params, "month");
  ignored.push(...values.filter((month) => !isMonth(month)).map((month) => shown("month", month)));
  return values.filter(isMonth);
}
