import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { documentLabel } from "@/db/citation";
import { STANCE_KINDS, type StanceKind } from "@/db/filters";
import { getIssue, listDocumentPositions, listDocuments, listIssuePositions, listStances } from "@/db/queries";
import { ActorBarChart } from "../../_components/ActorBarChart";
import { ChartFigure } from "../../_components/ChartFigure";
import { DownloadLinks } from "../../_components/DownloadLinks";
import { FilterNotice } from "../../_components/FilterNotice";
import { ACTOR_KEYS, ACTOR_SERIES } from "../../_components/series";
import { StanceItem } from "../../_components/StanceItem";
import { formatPosition } from "../../_lib/format";
import { type PageSearchParams, pickAllowed } from "../../_lib/search-params";
import { TableHead } from "../../_components/TableHead";

type Props = { params: Promise<{ slug: string }>; searchParams: PageSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = getIssue((await params).slug);
  return { title: issue ? issue.label : "Issue not found" };
}

const KIND_LABELS: Record<StanceKind, string> = { table: "Tables", list: "Bullet lists", prose: "Prose" };

export default async function IssuePage({ params, searchParams }: Props) {
  const issue = getIssue((await params).slug);
  if (!issue) notFound();
  const query = await searchParams;
  const ignored: string[] = [];
  const allDocuments = listDocuments();
  const documents = pickAllowed(query, "document", allDocuments.map((d) => d.slug), ignored);
  const kinds = pickAllowed(query, "kind", STANCE_KINDS, ignored);
  for (const key of Object.keys(query)) if (key !== "document" && key !== "kind") ignored.push(key);
  const filter = { issues: [issue.slug], documents: documents.length ? documents : undefined, kinds: kinds.length ? kinds : undefined };

  const stances = listStances(filter);
  const positions = listIssuePositions(filter);
  const perDocument = listDocumentPositions(filter);
  const issueStances = listStances({ issues: [issue.slug] });
  const docsWithIssue = [...new Set(issueStances.map((s) => s.documentSlug))];
  const kindsWithIssue = STANCE_KINDS.filter((k) => kinds.includes(k) || issueStances.some((s) => s.kind === k));
  const poles = { negative: issue.poleNegative, positive: issue.polePositive };
  const perDocumentRows = [...new Set(perDocument.map((p) => p.documentSlug))].map((slug) => {
    const at = (actor: "us" | "co") => perDocument.find((p) => p.documentSlug === slug && p.actorId === actor);
    const title = at("us")?.documentTitle ?? at("co")?.documentTitle ?? null;
    return { slug, label: documentLabel({ slug, title }), us: at("us")?.position ?? null, co: at("co")?.position ?? null, usN: at("us")?.stances ?? 0, coN: at("co")?.stances ?? 0 };
  });
  const downloadQuery = { issue: issue.slug, document: documents, kind: kinds };
  const chartHeight = Math.max(200, 70 * perDocumentRows.length + 60);

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="/">Overview</a> › {issue.label}
      </nav>
      <h1>
        {issue.label}
        {issue.labelEs && issue.labelEs !== issue.label ? (
          <span className="label-es" lang="es">
            {" "}
            · {issue.labelEs}
          </span>
        ) : null}
      </h1>
      {issue.description ? <p className="lede">{issue.description}</p> : null}
      {issue.poleNegative ? (
        <p className="axis-line">
          Axis: <span className="pole">− {issue.poleNegative}</span> … <span className="pole">+ {issue.polePositive}</span>
        </p>
      ) : (
        <p className="axis-line">An issue outside the codebook: its stances are listed but not scored.</p>
      )}
      <FilterNotice ignored={ignored} />

      <form className="filters" method="get" aria-label="Filter stances">
        <fieldset>
          <legend>Documents</legend>
          {allDocuments
            .filter((d) => docsWithIssue.includes(d.slug))
            .map((d) => (
              <label key={d.slug}>
                <input type="checkbox" name="document" value={d.slug} defaultChecked={documents.includes(d.slug)} /> {documentLabel(d)}
              </label>
            ))}
        </fieldset>
        <fieldset>
          <legend>Kind</legend>
          {kindsWithIssue.map((k) => (
            <label key={k}>
              <input type="checkbox" name="kind" value={k} defaultChecked={kinds.includes(k)} /> {KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <button type="submit">Apply filters</button> {documents.length || kinds.length ? <a href={`/issues/${issue.slug}`}>Clear</a> : null}
      </form>

      <section className="position-summary" aria-label="Positions">
        {ACTOR_KEYS.map((actor) => {
          const p = positions.find((x) => x.actorId === actor);
          return (
            <p key={actor} className={`position-card position-card-${actor}`}>
              <span className={`actor-tag actor-tag-${actor}`}>{ACTOR_SERIES[actor].short}</span> {ACTOR_SERIES[actor].label}:{" "}
              <strong>{formatPosition(p?.position ?? null)}</strong> from {p?.stances ?? 0} stance{p?.stances === 1 ? "" : "s"} ({p?.scoredStances ?? 0} scored)
            </p>
          );
        })}
        <p className="position-card">
          Gap: <strong>{positions[0]?.gap == null ? "—" : positions[0].gap.toFixed(2)}</strong>
        </p>
      </section>

      <section aria-labelledby="stances-heading">
        <h2 id="stances-heading">Stances</h2>
        <DownloadLinks path="/api/export/stances" query={downloadQuery} label="These stances" />
        <div className="columns">
          {ACTOR_KEYS.map((actor) => {
            const own = stances.filter((s) => s.actorId === actor);
            return (
              <div key={actor} className={`column column-${actor}`}>
                <h3>
                  {ACTOR_SERIES[actor].label} <span className="count">({own.length})</span>
                </h3>
                {own.length ? (
                  <ul className="stance-list">
                    {own.map((s) => (
                      <StanceItem key={s.id} stance={s} poles={poles} />
                    ))}
                  </ul>
                ) : (
                  <p className="empty">No stance with these filters.</p>
                )}
              </div>
            );
          })}
        </div>
      </section>

      {issue.poleNegative ? (
        <ChartFigure
          id="per-document"
          title="Positions per document"
          description={`Each document’s stances on ${issue.label.toLowerCase()}, aggregated per government. Left: ${issue.poleNegative}; right: ${issue.polePositive}.`}
          height={chartHeight}
          chart={<ActorBarChart mode="position" rows={perDocumentRows} height={chartHeight} poles={{ negative: issue.poleNegative, positive: issue.polePositive ?? "" }} ariaLabel={`Positions per document on ${issue.label}`} />}
          table={
            <table className="data-table">
              <caption>Position per document and actor on {issue.label}</caption>
              <TableHead columns={["Document", "United States", "US stances", "Colombia", "Colombia stances"]} />
              <tbody>
                {perDocumentRows.map((r) => (
                  <tr key={r.slug}>
                    <th scope="row">
                      <a href={`/sources/${r.slug}`}>{r.label}</a>
                    </th>
                    <td className="num">{formatPosition(r.us)}</td>
                    <td className="num">{r.usN}</td>
                    <td className="num">{formatPosition(r.co)}</td>
                    <td className="num">{r.coN}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
          downloads={<DownloadLinks path="/api/export/document-positions" query={downloadQuery} />}
        />
      ) : null}
    </>
  );
}
