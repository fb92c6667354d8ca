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
import { issuePath, sourcePath } from "../../../_lib/paths";
import { getActorNames, getDocumentLabel, getFormat } from "../../../_lib/page-i18n";
import { evidenceKinds } from "../../../_lib/evidence";
import { ignoreOthers, type PageSearchParams, pickAllowed, pickEvidence } from "../../../_lib/search-params";
import { timelineDomain, timeOf } from "../../../_lib/timeline";
import { routeSegment } from "../../../_lib/url-segment";

type Props = { params: Promise<{ slug: string }>; searchParams: PageSearchParams };

/** The issue the address names; null (404) for a slug no issue has, or a segment the proxy did not pass. */
async function issueOf(params: Props["params"]) {
  const slug = routeSegment((await params).slug);
  return slug === null ? null : getIssue(slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await issueOf(params);
  const locale = await getLocale();
  const t = await getTranslations("issue");
  return { title: issue ? inLocale(locale, issue.label, issue.labelEs) : t("notFoundTitle") };
}

export default async function IssuePage({ params, searchParams }: Props) {
  const issue = await issueOf(params);
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
  ignoreOthers(query, ["document", "kind", "evidence"], ignored);
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
    return {
      key: slug,
      slug,
      label: documentLabel({ slug, title }),
      us: at("us")?.position ?? null,
      co: at("co")?.position ?? null,
      usStances: at("us")?.stances ?? 0,
      coStances: at("co")?.stances ?? 0,
    };
  });
  const evidenceQuery = evidence === "structured" ? evidence : undefined;
  const downloadQuery = { issue: issue.slug, document: documents, kind: kinds, evidence: evidenceQuery };
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
      <EvidenceSwitch evidence={evidence} path={issuePath(issue.slug)} query={{ document: documents, kind: kinds }} />

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
          <a href={`${localePath(locale, issuePath(issue.slug))}${evidenceQuery ? `?evidence=${evidenceQuery}` : ""}`}>{t("clear")}</a>
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
        <DownloadLinks path="/api/export/stances" query={downloadQuery} label={t("theseStances")} workbook />
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
                  <p className="empty">{t("noStancesWhy", { actor: names[actor], filtered: documents.length || kinds.length ? "yes" : "no", evidence })}</p>
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
          exportable={perDocumentRows.length > 0}
          chart={
            perDocumentRows.length ? (
              <ActorBarChart
                mode="position"
                rows={perDocumentRows}
                names={names}
                poles={{ negative: poles.negative, positive: poles.positive ?? "" }}
                span="full"
                ariaLabel={t("perDocument.chartLabel", { issue: label })}
              />
            ) : (
              <p className="empty">{t("perDocument.empty", { evidence, filtered: documents.length || kinds.length ? "yes" : "no" })}</p>
            )
          }
          table={
            <table className="data-table stack">
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
                      <a href={localePath(locale, sourcePath(r.slug))}>{r.label}</a>
                    </th>
                    <td className="num" data-label={names.us}>
                      {r.usStances ? format.position(r.us) : t("perDocument.noStances")}
                    </td>
                    <td className="num" data-label={t("perDocument.stances", { actor: names.us })}>
                      {format.count(r.usStances)}
                    </td>
                    <td className="num" data-label={names.co}>
                      {r.coStances ? format.position(r.co) : t("perDocument.noStances")}
                    </td>
                    <td className="num" data-label={t("perDocument.stances", { actor: names.co })}>
                      {format.count(r.coStances)}
                    </td>
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
