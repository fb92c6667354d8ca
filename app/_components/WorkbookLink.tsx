import { useTranslations } from "next-intl";
import { queryString } from "../_lib/format";

/** The workbook: every dataset under the page's filters, one sheet each, after a sheet of sources and citation. */
export function WorkbookLink({ query = {} }: { query?: Record<string, string[] | string | undefined> }) {
  const t = useTranslations("downloads");
  return (
    <p className="downloads workbook">
      <span className="downloads-label">{t("workbookLabel")}</span>{" "}
      <a href={`/api/export/workbook.xlsx${queryString(query)}`} download title={t("xlsxTitle")}>
        {t("xlsx")}
      </a>{" "}
      <span className="muted">{t("workbookNote")}</span>
    </p>
  );
}
