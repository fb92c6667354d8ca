import { getLocale, getTranslations } from "next-intl/server";
import { localePath } from "../_lib/locale";

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations("notFound");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p>{t("explanation")}</p>
      <p>
        {t.rich("goTo", {
          overview: (chunks) => <a href={localePath(locale, "/")}>{chunks}</a>,
          sources: (chunks) => <a href={localePath(locale, "/sources")}>{chunks}</a>,
          compare: (chunks) => <a href={localePath(locale, "/compare")}>{chunks}</a>,
        })}
      </p>
    </>
  );
}
