import type { AppLocale } from "@/i18n/routing";

/** The codebook's Spanish text on Spanish pages; the English where there is none (an "other" issue, named as its document wrote it). */
export function inLocale(locale: AppLocale, en: string, es: string | null | undefined): string {
  return locale === "es" && es ? es : en;
}

/** A path inside the reader's locale: localePath("es", "/issues/energy") is /es/issues/energy. */
export function localePath(locale: AppLocale, path: string): string {
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

interface IssuePoles {
  poleNegative: string | null;
  poleNegativeEs: string | null;
  polePositive: string | null;
  polePositiveEs: string | null;
}

/** An issue's axis poles in the reader's language; null for an issue without an axis. */
export function localPoles(locale: AppLocale, issue: IssuePoles): { negative: string | null; positive: string | null } {
  return {
    negative: issue.poleNegative === null ? null : inLocale(locale, issue.poleNegative, issue.poleNegativeEs),
    positive: issue.polePositive === null ? null : inLocale(locale, issue.polePositive, issue.polePositiveEs),
  };
}
