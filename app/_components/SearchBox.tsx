import { useLocale, useTranslations } from "next-intl";
import { MAX_QUERY_LENGTH } from "@/db/search-query";
import { localePath } from "../_lib/locale";

/** The header's search box: a plain GET form to the search page, so it works without JavaScript. */
export function SearchBox() {
  const t = useTranslations("searchBox");
  const locale = useLocale();
  return (
    <search aria-label={t("region")} className="site-search">
      <form action={localePath(locale, "/search")} method="get">
        <label htmlFor="site-search-q" className="visually-hidden">
          {t("label")}
        </label>
        <input id="site-search-q" type="search" name="q" maxLength={MAX_QUERY_LENGTH} autoComplete="off" />
        <button type="submit">{t("submit")}</button>
      </form>
    </search>
  );
}
