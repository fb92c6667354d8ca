import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { STANCE_KINDS } from "@/db/filters";
import { getIssue, listDocumentPositions, listDocuments, listIssuePositions, listStances, listTimeline } from "@/db/queries";
import { ActorBarChart } from "../../../_components/ActorBarChart";
import { ActorTag } from "../../../_components/ActorTag";
import { ChartFigure } from "../../../_components/ChartFigure";
import { DownloadLinks } from "../../../_components/DownloadLinks";
import { EvidenceSwitch } from "../../../_components/EvidenceSwitch";
import { FilterNotice } from "../../../_components/FilterNotice";
import { ACTOR_KEYS } from "../../../_components/series";
import { StanceItem } from "../../../_components/StanceItem";
import { TableHead } from "../../../_components/TableHead";
import { TimelineFigure } from "../../../_components/TimelineFigure";
import { inLocale, localePath, localPoles } from "../../../_lib/locale";
import { getActorNames, getDocumentLabel, getFormat } from "../../../_lib/page-i18n";
import { evidenceKinds } from "../../../_lib/evidence";
import { type PageSearchParams, pickAllowed, pickEvidence } from "../../../_lib/search-params";
import { timelineDomain, timeOf } from "../../../_lib/timeline";

type Props = { params: Promise<{ slug: string }>; searchParams: PageSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = getIssue((await params).slug);
  const locale = await getLocale();
  const t = await getTranslations("issue");
  return { title: issue ? inLocale(locale, issue.label, issue.labelEs) : t("notFoundTitle") };
}

export default async function IssuePage({ params, searchParams }: Props) {
  const issue = getIssue((await params).slug);
  if (!issue) notFound();
  const locale = await getLocale();
  const t = await getTranslations("issue");
  const format = await getFormat();
  const names = await getActorNames();
  const kindLabels = { table: t("kinds.table"), list: t("kinds.list"), prose: t("kinds.prose") };
  const label = inLocale(locale, issue.label, issue.labelEs);
  const documentLabel = await getDocumentLabel();
  const query = await searchParams;
  const ignored: string[] = [];
  const allDocuments = listDocuments();
  const documents = pickAllowed(query, "document", allDocuments.map((d) => d.slug), ignored);
  const kinds = pickAllowed(query, "kind", STANCE_KINDS, ignored);
  const evidence = pickEvidence(query, ignored);
  for (const key of Object.keys(query)) if (key !== "document" && key !== "kind" && key !== "evidence") ignored.push(key);
  const filter = { issues: [issue.slug], documents: documents.length ? documents : undefined, kinds: kinds.length ? kinds : undefined, evidence };
  const te = await getTranslations("evidence");

  const stances = listStances(filter);
  const positions = listIssuePositions(filter);
  const perDocument = listDocumentPositions(filter);
  const issueStances = listStances({ issues: [issue.slug], evidence });
  const docsWithIssue = [...new Set(issueStances.map((s) => s.documentSlug))];
  const kindsWithIssue = STANCE_KINDS.filter((k) => kinds.includes(k) || issueStances.some((s) => s.kind === k));
  const poles = localPoles(locale, issue);
  const perDocumentRows = [...new Set(perDocument.map((p) => p.documentSlug))].map((slug) => {
    const at = (actor: "us" | "co") => perDocument.find((p) => p.documentSlug === slug && p.actorId === actor);
    const title = at("us")?.documentTitle ?? at("co")?.documentTitle ?? null;
    return { slug, label: documentLabel({ slug, title }), us: at("us")?.position ?? null, co: at("co")?.position ?? null, usN: at("us")?.stances ?? 0, coN: at("co")?.stances ?? 0 };
  });
  const evidenceQuery = evidence === "structured" ? evidence : undefined;
  const downloadQuery = { issue: issue.slug, document: documents, kind: kinds, evidence: evidenceQuery };
  const chartHeight = Math.max(200, 70 * perDocumentRows.length + 60);
  const tl = await getTranslations("timeline");
  const timeline = listTimeline(filter);

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <a href={localePath(locale, "/")}>{t("overview")}</a> › {label}
      </nav>
      <h1>{label}</h1>
      {issue.description ? <p className="lede">{inLocale(locale, issue.description, issue.descriptionEs)}</p> : null}
      {poles.negative ? (
        <p className="axis-line">
          {t("axis")} <span className="pole">− {poles.negative}</span> … <span className="pole">+ {poles.positive}</span>
        </p>
      ) : (
        <p className="axis-line">{t("noAxis")}</p>
      )}
      <FilterNotice ignored={ignored} />
      <EvidenceSwitch evidence={evidence} path={`/issues/${issue.slug}`} query={{ document: documents, kind: kinds }} />

      <form className="filters" method="get" aria-label={t("filtersLabel")}>
        {evidenceQuery ? <input type="hidden" name="evidence" value={evidenceQuery} /> : null}
        <fieldset>
          <legend>{t("documents")}</legend>
          {allDocuments
            .filter((d) => docsWithIssue.includes(d.slug))
            .map((d) => (
              <label key={d.slug}>
                <input type="checkbox" name="document" value={d.slug} defaultChecked={documents.includes(d.slug)} /> {documentLabel(d)}
              </label>
            ))}
        </fieldset>
        <fieldset>
          <legend>{t("kind")}</legend>
          {kindsWithIssue.map((k) => (
            <label key={k}>
              <input type="checkbox" name="kind" value={k} defaultChecked={kinds.includes(k)} /> {kindLabels[k]}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t("apply")}</button>{" "}
        {documents.length || kinds.length ? (
          <a href={`${localePath(locale, `/issues/${issue.slug}`)}${evidenceQuery ? `?evidence=${evidenceQuery}` : ""}`}>{t("clear")}</a>
        ) : null}
      </form>

      <section className="position-summary" aria-label={t("positionsLabel")}>
        {ACTOR_KEYS.map((actor) => {
          const p = positions.find((x) => x.actorId === actor);
          return (
            <p key={actor} className={`position-card position-card-${actor}`}>
              <ActorTag actor={actor} />{" "}
              {t.rich("positionCard", {
                actor: names[actor],
                position: format.position(p?.position ?? null),
                stances: p?.stances ?? 0,
                scored: p?.scoredStances ?? 0,
                kinds: evidenceKinds(te, p ?? { tableStances: 0, listStances: 0, proseStances: 0 }),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
          );
        })}
        <p className="position-card">{t.rich("gap", { gap: format.gap(positions[0]?.gap ?? null), strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </section>

      <section aria-labelledby="stances-heading">
        <h2 id="stances-heading">{t("stancesHeading")}</h2>
        <DownloadLinks path="/api/export/stances" query={downloadQuery} label={t("theseStances")} />
        <div className="columns">
          {ACTOR_KEYS.map((actor) => {
            const own = stances.filter((s) => s.actorId === actor);
            return (
              <div key={actor} className={`column column-${actor}`}>
                <h3>
                  {names[actor]} <span className="count">({format.count(own.length)})</span>
                </h3>
                {own.length ? (
                  <ul className="stance-list">
                    {own.map((s) => (
                      <StanceItem key={s.id} stance={s} poles={poles} />
                    ))}
                  </ul>
                ) : (
                  <p className="empty">{t("noStances")}</p>
                )}
              </div>
            );
          })}
        </div>
      </section>

      {poles.negative ? (
        <ChartFigure
          id="per-document"
          title={t("perDocument.title")}
          description={t("perDocument.description", { negative: poles.negative, positive: poles.positive ?? "" })}
          height={chartHeight}
          chart={
            <ActorBarChart
              mode="position"
              rows={perDocumentRows}
              height={chartHeight}
              names={names}
              poles={{ negative: poles.negative, positive: poles.positive ?? "" }}
              ariaLabel={t("perDocument.chartLabel", { issue: label })}
            />
          }
          table={
            <table className="data-table">
              <caption>{t("perDocument.caption", { issue: label })}</caption>
              <TableHead
                columns={[
                  t("perDocument.document"),
                  names.us,
                  t("perDocument.stances", { actor: names.us }),
                  names.co,
                  t("perDocument.stances", { actor: names.co }),
                ]}
              />
              <tbody>
                {perDocumentRows.map((r) => (
                  <tr key={r.slug}>
                    <th scope="row">
                      <a href={localePath(locale, `/sources/${r.slug}`)}>{r.label}</a>
                    </th>
                    <td className="num">{format.position(r.us)}</td>
                    <td className="num">{format.count(r.usN)}</td>
                    <td className="num">{format.position(r.co)}</td>
                    <td className="num">{format.count(r.coN)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
          downloads={<DownloadLinks path="/api/export/document-positions" query={downloadQuery} />}
        />
      ) : null}

      {poles.negative ? (
        <TimelineFigure
          id="timeline"
          title={tl("title")}
          issue={issue.slug}
          issueLabel={label}
          points={timeline}
          domain={timelineDomain(timeline.flatMap((p) => (p.date === null ? [] : [timeOf(p.date)])))}
          height={300}
          names={names}
          poles={{ negative: poles.negative, positive: poles.positive ?? "" }}
          query={{ document: documents, kind: kinds, evidence: evidenceQuery }}
        />
      ) : null}
    </>
  );
}
