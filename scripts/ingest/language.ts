import { franc } from "franc-min";

/** The languages whose sentence rules, attribution verbs and cues Parallax knows. */
export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

const FRANC_CODES: Record<string, Language> = { eng: "en", spa: "es" };

/**
 * The language of a document's text: franc's trigram model restricted to English and Spanish
 * (restricting it keeps short or name-heavy texts from being read as a third language). Too
 * little text to tell → English, the product's default.
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  return FRANC_CODES[franc(sample, { only: Object.keys(FRANC_CODES), minLength: 20 })] ?? "en";
}
