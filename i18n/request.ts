import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { notFound } from "next/navigation";
import * as rootParams from "next/root-params";
import en from "../messages/en.json";
import es from "../messages/es.json";
import { routing } from "./routing";

const MESSAGES = { en, es };

/** The locale is the URL's first segment (the root layout's [locale]); anything else is a 404. */
export default getRequestConfig(async ({ locale }) => {
  const requested = locale ?? (await rootParams.locale());
  if (!hasLocale(routing.locales, requested)) notFound();
  return { locale: requested, messages: MESSAGES[requested], timeZone: "UTC" };
});
