import type { Metadata } from "next";
import { documentLabel } from "@/db/citation";
import { listDocuments } from "@/db/queries";
import { DownloadLinks } from "../_components/DownloadLinks";
import { formatTimestamp } from "../_lib/format";
import { TableHead } from "../_components/TableHead";

export const metadata: Metadata = { title: "Sources" };

export default function SourcesPage() {
  const documents = listDocuments();
  return (
    <>
      <h1>Sources</h1>
      <p className="lede">
        The documents Parallax has read. Title, outlet, date and address are shown only where the document itself states them. Add your own with{" "}
        <code>npm run ingest</code> (see the README).
      </p>
      <DownloadLinks path="/api/export/documents" label="This list" />
      <div className="table-scroll">
        <table className="data-table wide">
          <caption>Documents and what was extracted from each</caption>
          <TableHead columns={["Document", "Outlet", "Published", "Tables", "Stances (US / CO)", "Read"]} />
          <tbody>
            {documents.map((d) => (
              <tr key={d.slug}>
                <th scope="row">
                  <a href={`/sources/${d.slug}`}>{documentLabel(d)}</a>
                  <br />
                  <span className="muted">
                    {d.path} · {d.format} · {d.lineCount} lines
                  </span>
                </th>
                <td>{d.outlet ?? <span className="muted">not stated</span>}</td>
                <td>{d.published ?? <span className="muted">undated</span>}</td>
                <td className="num">{d.tables}</td>
                <td className="num">
                  {d.stances} ({d.usStances} / {d.coStances})
                </td>
                <td>{formatTimestamp(d.ingestedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
