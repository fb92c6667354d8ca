import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listDocuments } from "@/db/queries";
import { DownloadLinks } from "../../_components/DownloadLinks";
import { TableHead } from "../../_components/TableHead";
import { localePath } from "../../_lib/locale";
import { getDocumentLabel, getFormat } from "../../_lib/page-i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sources");
  return { title: t("metaTitle") };
}

export default async function SourcesPage() {
  const locale = await getLocale();
  const t = await getTranslations("sources");
  const tags = await getTranslations("actors");
  const format = await getFormat();
  const documentLabel = await getDocumentLabel();
  const documents = listDocuments();
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lede">{t.rich("lede", { code: (chunks) => <code>{chunks}</code> })}</p>
      <DownloadLinks path="/api/export/documents" label={t("thisList")} />
      <div className="table-scroll">
        <table className="data-table wide">
          <caption>{t("caption")}</caption>
          <TableHead
            columns={[t("document"), t("outlet"), t("published"), t("tables"), t("stances", { us: tags("us"), co: tags("co") }), t("read")]}
          />
          <tbody>
            {documents.map((d) => (
              <tr key={d.slug}>
                <th scope="row">
                  <a href={localePath(locale, `/sources/${d.slug}`)}>{documentLabel(d)}</a>
                  <br />
                  <span className="muted">{t("file", { path: d.path, format: d.format, lines: d.lineCount })}</span>
                </th>
                <td>{d.outlet ?? <span className="muted">{t("notStated")}</span>}</td>
                <td>{d.published ? format.date(d.published) : <span className="muted">{t("undated")}</span>}</td>
                <td className="num">{format.count(d.tables)}</td>
                <td className="num">
                  {t("stanceCounts", { stances: format.count(d.stances), us: format.count(d.usStances), co: format.count(d.coStances) })}
                </td>
                <td>{format.timestamp(d.ingestedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
