import { useTranslations } from "next-intl";
import { queryString } from "../_lib/format";
import type { Paging } from "../_lib/paging";

interface Props {
  paging: Paging;
  /** The page's path with its locale, and the rest of its query (filters), kept by every link and by the form. */
  path: string;
  query: Record<string, string[] | string | undefined>;
  /** The query parameter that holds the page. */
  param: string;
  /** Names the navigation: a page with two pagers gives each its own name. */
  label: string;
  /** Where each link lands on the page it opens (an element's id), so the reader stays at the list. */
  anchor?: string;
}

/** First, previous, "page 3 of 65", next and last, and a page to go to: plain links and a GET form, so it works without JavaScript. */
export function Pager({ paging, path, query, param, label, anchor }: Props) {
  const t = useTranslations("pager");
  if (paging.pages <= 1) return null;
  const href = (page: number) => `${path}${queryString({ ...query, [param]: page > 1 ? String(page) : undefined })}${anchor ? `#${anchor}` : ""}`;
  const hidden = Object.entries(query).flatMap(([key, value]) => (Array.isArray(value) ? value : value ? [value] : []).map((v) => [key, v] as const));
  const { page, pages } = paging;
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? (
        <>
          <a href={href(1)}>{t("first")}</a>
          <a href={href(page - 1)} rel="prev">
            {t("previous")}
          </a>
        </>
      ) : null}
      <span aria-current="page">{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <>
          <a href={href(page + 1)} rel="next">
            {t("next")}
          </a>
          <a href={href(pages)}>{t("last", { pages })}</a>
        </>
      ) : null}
      <form method="get" action={`${path}${anchor ? `#${anchor}` : ""}`} className="pager-form">
        {hidden.map(([key, value]) => (
          <input key={`${key}=${value}`} type="hidden" name={key} value={value} />
        ))}
        <label>
          {t("goTo")} <input type="number" name={param} min={1} max={pages} defaultValue={page} />
        </label>{" "}
        <button type="submit">{t("go")}</button>
      </form>
    </nav>
  );
}
