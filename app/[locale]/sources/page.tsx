import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { countDocuments, listDocumentPage } from "@/db/queries";
import { DownloadLinks } from "../../_components/DownloadLinks";
import { FilterNotice } from "../../_components/FilterNotice";
import { Pager } from "../../_components/Pager";
import { TableHead } from "../../_components/TableHead";
import { localePath } from "../../_lib/locale";
import { sourcePath } from "../../_lib/paths";
import { getDocumentLabel, getFormat } from "../../_lib/page-i18n";
import { pickPage, SOURCES_PER_PAGE, shownRange } from "../../_lib/paging";
import type { PageSearchParams } from "../../_lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sources");
  return { title: t("metaTitle") };
}

export default async function SourcesPage({ searchParams }: { searchParams: PageSearchParams }) {
  const locale = await getLocale();
  const t = await getTranslations("sources");
  const tags = await getTranslations("actors");
  const format = await getFormat();
  const documentLabel = await getDocumentLabel();
  const query = await searchParams;
  const ignored: string[] = [];
  for (const key of Object.keys(query)) if (key !== "page") ignored.push(key);
  const total = countDocuments();
  const paging = pickPage(query.page, "page", total, SOURCES_PER_PAGE, ignored);
  const documents = listDocumentPage(paging.offset, paging.size);
  const shown = shownRange(paging, total);
  const path = localePath(locale, "/sources");
  const columns = [t("document"), t("outlet"), t("published"), t("tables"), t("stances", { us: tags("us"), co: tags("co") }), t("read")];
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lede">{t.rich("lede", { code: (chunks) => <code>{chunks}</code> })}</p>
      <FilterNotice ignored={ignored} />
      <DownloadLinks path="/api/export/documents" label={t("thisList")} />
      {paging.pages > 1 && shown ? <p className="shown">{t("shown", { first: shown.first, last: shown.last, total })}</p> : null}
      <Pager paging={paging} path={path} query={{}} param="page" label={t("pages")} />
      <div className="table-scroll">
        <table className="data-table wide stack">
          <caption>{t("caption")}</caption>
          <TableHead columns={columns} />
          <tbody>
            {documents.map((d) => (
              <tr key={d.slug} id={`doc-${d.slug}`}>
                <th scope="row">
                  <a href={localePath(locale, sourcePath(d.slug))}>{documentLabel(d)}</a>
                  <br />
                  <span className="muted">{t("file", { path: d.path, format: d.format, lines: d.lineCount })}</span>
                </th>
                <td data-label={columns[1]}>{d.outlet ?? <span className="muted">{t("notStated")}</span>}</td>
                <td data-label={columns[2]}>{d.published ? format.date(d.published) : <span className="muted">{t("undated")}</span>}</td>
                <td className="num" data-label={columns[3]}>
                  {format.count(d.tables)}
                </td>
                <td className="num" data-label={columns[4]}>
                  {t("stanceCounts", { stances: format.count(d.stances), us: format.count(d.usStances), co: format.count(d.coStances) })}
                </td>
                <td data-label={columns[5]}>{format.timestamp(d.ingestedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager paging={paging} path={path} query={{}} param="page" label={t("pagesEnd")} />
    </>
  );
}
