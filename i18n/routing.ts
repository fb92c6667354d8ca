import { defineRouting } from "next-intl/routing";

/**
 * Every page lives under its locale (/en/…, /es/…). A path without one is sent to the reader's
 * Accept-Language choice (English when neither matches); no cookie, so the URL alone says the language.
 */
export const routing = defineRouting({
  locales: ["en", "es"],
  defaultLocale: "en",
  localeCookie: false,
});

export type AppLocale = (typeof routing.locales)[number];
