import type { AppLocale } from "@/i18n/routing";
import { linePath } from "./line-window";

/** The words a formatter needs for values that are not numbers, from the page's messages ("format" namespace). */
export interface FormatWords {
  notScored: string;
  never: string;
}

const MINUS = "\u2212";

/** The locale's number and date formatters: building one costs far more than using it, and every stance mark asks. */
function intlFormats(locale: AppLocale) {
  const axis = new Map<number, Intl.NumberFormat>();
  return {
    signed: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" }),
    unsigned: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    tenths: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    // Dates are calendar dates (and ingest times are UTC): formatting in UTC keeps the day the document states.
    day: new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
    monthOfYear: new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }),
    moment: new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "UTC",
      timeZoneName: "short",
    }),
    axis: (decimals: number): Intl.NumberFormat => {
      let format = axis.get(decimals);
      if (!format) {
        format = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: "exceptZero" });
        axis.set(decimals, format);
      }
      return format;
    },
  };
}

/** Formatters are immutable, so one set per locale serves every request and component. */
const byLocale = new Map<AppLocale, ReturnType<typeof intlFormats>>();

/**
 * Numbers and dates as a reader of the locale writes them: −2.83 / −2,83 (a real minus sign, and a plus
 * sign on positions so the side of the axis is never left to colour), Feb 4, 2026 / 4 feb 2026.
 */
export function createFormat(locale: AppLocale, words: FormatWords) {
  let intl = byLocale.get(locale);
  if (!intl) {
    intl = intlFormats(locale);
    byLocale.set(locale, intl);
  }
  const { signed, unsigned, integer, tenths, day, monthOfYear, moment, axis } = intl;
  return {
    /** A position on an issue's axis; "not scored" for null, never 0. */
    position: (value: number | null): string => (value === null ? words.notScored : signed.format(value).replace("-", MINUS)),
    /** An axis tick on a position axis: a sign on each side of 0 and only the decimals the step needs (−2, 0, +2; +0.5). */
    axis: (value: number, decimals: number): string => axis(decimals).format(value).replace("-", MINUS),
    /** A distance between two positions; a dash when one of them is not scored. */
    gap: (value: number | null): string => (value === null ? "—" : unsigned.format(value)),
    count: (value: number): string => integer.format(value),
    /** A ratio in words' precision: 17, 2.5 / 2,5. */
    ratio: (value: number): string => (value >= 10 ? integer : tenths).format(value),
    /** A rule's confidence in [0, 1]: 0.85 / 0,85. */
    confidence: (value: number): string => unsigned.format(value),
    /** A stored calendar date (YYYY-MM-DD); any other text, or a day the calendar lacks, is shown as stored. */
    date: (iso: string): string => {
      const at = new Date(`${iso}T00:00:00Z`);
      const real = /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(at.getTime()) && at.toISOString().startsWith(iso);
      return real ? day.format(at) : iso;
    },
    /** A month (YYYY-MM, or the month of a YYYY-MM-DD date): Feb 2026 / feb 2026; anything else as stored. */
    month: (iso: string): string => {
      const at = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
      return /^\d{4}-\d{2}/.test(iso) && !Number.isNaN(at.getTime()) ? monthOfYear.format(at) : iso;
    },
    timestamp: (iso: string | null): string => (iso ? moment.format(new Date(iso)) : words.never),
  };
}

export type Format = ReturnType<typeof createFormat>;

/** A line of a document in the source view; past the first window of a long document, the window that holds it. */
export function sourceHref(locale: AppLocale, documentSlug: string, line: number): string {
  return linePath(`/${locale}/sources/${encodeURIComponent(documentSlug)}`, line);
}

/** A query string from repeated keys, omitting empty values: ?issue=a&issue=b. */
export function queryString(params: Record<string, string[] | string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value ? [value] : []) search.append(key, v);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
