import { DEFAULT_EVIDENCE, EVIDENCE, type Evidence, isMonth, knownDocumentSlugs } from "@/db/filters";

export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

export function allValues(params: Record<string, string | string[] | undefined>, key: string): string[] {
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Keeps the values of `key` that are allowed and says which were ignored, so a page can tell the
 * reader "ignored kind=chart" instead of failing or silently showing everything.
 */
export function pickAllowed<T extends string>(
  params: Record<string, string | string[] | undefined>,
  key: string,
  allowed: readonly T[],
  ignored: string[],
): T[] {
  const kept: T[] = [];
  for (const value of allValues(params, key)) {
    if ((allowed as readonly string[]).includes(value)) kept.push(value as T);
    else ignored.push(`${key}=${value}`);
  }
  return kept;
}

/**
 * Which evidence the page's positions rest on: `?evidence=structured` (tables and lists only), else all
 * evidence (the default: tables, lists and prose). Any other value is reported as ignored.
 */
export function pickEvidence(params: Record<string, string | string[] | undefined>, ignored: string[]): Evidence {
  const [picked, ...extra] = pickAllowed(params, "evidence", EVIDENCE, ignored);
  ignored.push(...extra.map((value) => `evidence=${value}`));
  return picked ?? DEFAULT_EVIDENCE;
}

/** The documents named in `?document=` that exist (looked up by name, not by listing every document); the others are reported as ignored. */
export function pickDocuments(params: Record<string, string | string[] | undefined>, ignored: string[]): string[] {
  const values = allValues(params, "document");
  const known = new Set(knownDocumentSlugs(values));
  ignored.push(...values.filter((slug) => !known.has(slug)).map((slug) => `document=${slug}`));
  return values.filter((slug) => known.has(slug));
}

/** The months named in `?month=` (YYYY-MM, a month of the timeline); anything else is reported as ignored. */
export function pickMonths(params: Record<string, string | string[] | undefined>, ignored: string[]): string[] {
  const values = allValues(params, "month");
  ignored.push(...values.filter((month) => !isMonth(month)).map((month) => `month=${month}`));
  return values.filter(isMonth);
}
