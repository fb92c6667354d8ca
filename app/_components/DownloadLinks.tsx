import { useTranslations } from "next-intl";
import { queryString } from "../_lib/format";

interface Props {
  /** e.g. "/api/export/stances" — ".csv" or ".json" is appended. */
  path: string;
  query?: Record<string, string[] | string | undefined>;
  label?: string;
}

/** CSV, CSV for Excel (UTF-8 byte-order mark) and JSON links for one dataset, with the page's filters. */
export function DownloadLinks({ path, query = {}, label }: Props) {
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
    </p>
  );
}
