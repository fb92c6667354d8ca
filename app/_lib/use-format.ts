import { useLocale, useTranslations } from "next-intl";
import { createFormat, type Format } from "./format";

/** The reader's number and date formats, for components that are not async (server or client). */
export function useFormat(): Format {
  const locale = useLocale();
  const t = useTranslations("format");
  return createFormat(locale, { notScored: t("notScored"), never: t("never") });
}
