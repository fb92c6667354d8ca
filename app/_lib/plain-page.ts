import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import type { AppLocale } from "@/i18n/routing";
import { localePath } from "./locale";

const MESSAGES = { en, es };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(locale: AppLocale, title: string, heading: string, explanation: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(heading)}</h1><p>${explanation}</p></main></body></html>
`;
}

/**
 * The page the proxy answers with while there is no database (503): the site cannot render without its
 * data, and a reader or operator needs the one command that fixes it.
 */
export function noDataPage(locale: AppLocale): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "noData" });
  return page(locale, t("title"), t("heading"), t.markup("explanation", { code: (chunks) => `<code>${chunks}</code>` }));
}

/** The page for an address whose percent-encoding is malformed (400), naming the part at fault. */
export function badAddressPage(locale: AppLocale, segment: string): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "badAddress" });
  const explanation = t.markup("explanation", {
    segment: escapeHtml(segment.slice(0, 80)),
    a: (chunks) => `<a href="${localePath(locale, "/")}">${chunks}</a>`,
  });
  return page(locale, t("title"), t("heading"), explanation);
}
