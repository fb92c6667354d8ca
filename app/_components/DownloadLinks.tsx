import { queryString } from "../_lib/format";

interface Props {
  /** e.g. "/api/export/stances" — ".csv" or ".json" is appended. */
  path: string;
  query?: Record<string, string[] | string | undefined>;
  label?: string;
}

/** CSV, CSV for Excel (UTF-8 byte-order mark) and JSON links for one dataset, with the page's filters. */
export function DownloadLinks({ path, query = {}, label = "Download" }: Props) {
  const qs = queryString(query);
  const withBom = queryString({ ...query, bom: "1" });
  return (
    <p className="downloads">
      <span className="downloads-label">{label}:</span> <a href={`${path}.csv${qs}`} download>CSV</a>
      {" · "}
      <a href={`${path}.csv${withBom}`} download title="Adds a UTF-8 byte-order mark so Excel shows accents and curly quotes (Bogotá, Petro’s) correctly">
        CSV for Excel
      </a>
      {" · "}
      <a href={`${path}.json${qs}`} download>JSON</a>
    </p>
  );
}
