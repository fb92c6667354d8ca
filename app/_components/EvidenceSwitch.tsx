import { useLocale, useTranslations } from "next-intl";
import type { Evidence } from "@/db/filters";
import { queryString } from "../_lib/format";
import { localePath } from "../_lib/locale";

interface Props {
  evidence: Evidence;
  /** The page's path without its locale ("/issues/energy") and the rest of its query, kept by both links. */
  path: string;
  query: Record<string, string[] | string | undefined>;
}

/** All evidence, or tables and lists only: two links that keep the page and its other filters (the state is in the URL). */
export function EvidenceSwitch({ evidence, path, query }: Props) {
  const t = useTranslations("evidence");
  const locale = useLocale();
  const labels: Record<Evidence, string> = { all: t("all"), structured: t("structured") };
  const href = (value: Evidence) => `${localePath(locale, path)}${queryString({ ...query, evidence: value === "all" ? undefined : value })}`;
  return (
    <div className="evidence-switch">
      <nav aria-label={t("label")}>
        <span className="evidence-label">{t("label")}:</span>{" "}
        {(["all", "structured"] as const).map((value, i) => (
          <span key={value}>
            {i > 0 ? " · " : ""}
            <a href={href(value)} aria-current={value === evidence ? "true" : undefined}>
              {labels[value]}
            </a>
          </span>
        ))}
      </nav>
      <p className="evidence-note">{t("note", { evidence })}</p>
    </div>
  );
}
