import { useTranslations } from "next-intl";
import { queryString } from "../_lib/format";

interface Props {
  /** e.g. "/api/export/stances" — ".csv" or ".json" is appended. */
  path: string;
  query?: Record<string, string[] | string | undefined>;
  label?: string;
  /** Adds the workbook of every dataset under the same filters. */
  workbook?: boolean;
}

/** CSV, CSV for Excel (UTF-8 byte-order mark) and JSON links for one dataset, with the page's filters (and the workbook, if asked). */
export function DownloadLinks({ path, query = {}, label, workbook = false }: Props) {
  const t = useTranslations("downloads");
  const qs = queryString(query);
  const withBom = queryString({ ...query, bom: "1" });
  return (
    <p className="downloads">
      <span className="downloads-label">{t("label", { label: label ?? t("download") })}</span> <a href={`${path}.csv${qs}`} download>{t("csv")}</a>
      {" · "}
      <a href={`${path}.csv${withBom}`} download title={t("csvForExcelTitle")}>
        {t("csvForExcel")}
      </a>
      {" · "}
      <a href={`${path}.json${qs}`} download>{t("json")}</a>
      {workbook ? (
        <>
          {" · "}
          <a href={`/api/export/workbook.xlsx${qs}`} download title={t("xlsxTitle")}>
            {t("xlsx")}
          </a>
        </>
      ) : null}
    </p>
  );
}
