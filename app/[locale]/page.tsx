import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getCorpusSummary, listIssuePositions, listIssues, listRepresentativeStances, listTimeline } from "@/db/queries";
import { ActorBarChart } from "../_components/ActorBarChart";
import { ActorTag } from "../_components/ActorTag";
import { ChartFigure } from "../_components/ChartFigure";
import { DownloadLinks } from "../_components/DownloadLinks";
import { EvidenceSwitch } from "../_components/EvidenceSwitch";
import { FilterNotice } from "../_components/FilterNotice";
import { PositionTable } from "../_components/PositionTable";
import { ACTOR_KEYS } from "../_components/series";
import { StanceItem } from "../_components/StanceItem";
import { TableHead } from "../_components/TableHead";
import { TimelineFigure } from "../_components/TimelineFigure";
import { WorkbookLink } from "../_components/WorkbookLink";
import { scaleExampleOf } from "../_lib/scale";
import { inLocale, localePath, localPoles } from "../_lib/locale";
import { issuePath } from "../_lib/paths";
import { getActorNames, getFormat } from "../_lib/page-i18n";
import { ignoreOthers, type PageSearchParams, pickEvidence } from "../_lib/search-params";
import { timelineDomain, timeOf } from "../_lib/timeline";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  // The layout's title template applies to pages below it, not to this one: the home page names the product itself.
  return { title: { absolute: t("metaTitle") } };
}

export default async function OverviewPage({ searchParams }: { searchParams: PageSearchParams }) {
  const locale = await getLocale();
  const t = await getTranslations("overview");
  const format = await getFormat();
  const names = await getActorNames();
  const query = await searchParams;
  const ignored: string[] = [];
  const evidence = pickEvidence(query, ignored);
  ignoreOthers(query, ["evidence"], ignored);
  const filter = { evidence };
  const evidenceQuery = { evidence: evidence === "structured" ? evidence : undefined };
  const summary = getCorpusSummary(filter);
  const issues = listIssues();
  const positions = listIssuePositions(filter);
  const representatives = listRepresentativeStances(filter);
  const tl = await getTranslations("timeline");
  const timeline = listTimeline(filter);
  const codebookIssues = issues.filter((i) => i.kind === "codebook");
  const label = (issue: (typeof issues)[number]) => inLocale(locale, issue.label, issue.labelEs);
  const position = (slug: string, actor: "us" | "co") => positions.find((p) => p.issueSlug === slug && p.actorId === actor);
  const positionRows = codebookIssues.map((i) => {
    const poles = localPoles(locale, i);
    return {
      key: i.slug,
      label: label(i),
      us: position(i.slug, "us")?.position ?? null,
      co: position(i.slug, "co")?.position ?? null,
      usStances: position(i.slug, "us")?.stances ?? 0,
      coStances: position(i.slug, "co")?.stances ?? 0,
      poles: poles.negative && poles.positive ? { negative: poles.negative, positive: poles.positive } : null,
    };
  });
  // The four issues, then every other issue in one row: the chart counts what the lede counts, and the rest has its own page.
  const otherStances = (actor: "us" | "co") => positions.filter((p) => p.issueKind === "other" && p.actorId === actor).reduce((sum, p) => sum + p.stances, 0);
  const otherIssueCount = new Set(positions.filter((p) => p.issueKind === "other" && p.stances > 0).map((p) => p.issueSlug)).size;
  const salienceRows = [
    ...positionRows.map((r) => ({ key: r.key, label: r.label, us: r.usStances, co: r.coStances, usStances: r.usStances, coStances: r.coStances })),
    ...(otherIssueCount
      ? [{ key: "other", label: t("salience.otherIssues", { count: otherIssueCount }), us: otherStances("us"), co: otherStances("co"), usStances: otherStances("us"), coStances: otherStances("co") }]
      : []),
  ];
  const scaleExample = scaleExampleOf(positions.filter((p) => p.issueKind === "codebook"));
  const datasets = [
    { name: t("datasets.stances.name"), path: "/api/export/stances", rows: summary.stances, what: t("datasets.stances.contents") },
    { name: t("datasets.issues.name"), path: "/api/export/issues", rows: positions.length, what: t("datasets.issues.contents") },
    { name: t("datasets.documentPositions.name"), path: "/api/export/document-positions", rows: summary.documentPositions, what: t("datasets.documentPositions.contents") },
    { name: t("datasets.timeline.name"), path: "/api/export/timeline", rows: timeline.length, what: t("datasets.timeline.contents") },
    { name: t("datasets.documents.name"), path: "/api/export/documents", rows: summary.documents, what: t("datasets.documents.contents") },
  ];

  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lede">
        {t("lede", {
          issues: codebookIssues.length,
          documents: summary.documents,
          stances: summary.stances,
          scored: summary.scoredStances,
          tables: summary.sourceTables,
          evidence,
          lastIngest: format.timestamp(summary.lastIngestAt),
        })}
      </p>
      <p className="scale-note">
        {scaleExample
          ? t("scale.example", {
              actor: names[scaleExample.actorId],
              issue: inLocale(locale, scaleExample.issueLabel, scaleExample.issueLabelEs),
              position: format.position(scaleExample.position),
              pole: localPoles(locale, scaleExample)[scaleExample.position < 0 ? "negative" : "positive"] ?? "",
              ratio: format.ratio(Math.exp(Math.abs(scaleExample.position))),
            })
          : t("scale.noExample")}{" "}
        <a href={localePath(locale, "/scale")}>{t("scale.link")}</a>
      </p>
      <FilterNotice ignored={ignored} />
      <EvidenceSwitch evidence={evidence} path="/" query={{}} />
      <p className="legend-line">
        {ACTOR_KEYS.map((a) => (
          <span key={a} className={`legend-chip legend-${a}`}>
            <ActorTag actor={a} /> {names[a]}
          </span>
        ))}
      </p>

      <h2 id="charts">{t("chartsHeading")}</h2>
      <section className="chart-grid" aria-labelledby="charts">
        <ChartFigure
          id="positions"
          title={t("positions.title")}
          description={t("positions.description")}
          chart={<ActorBarChart mode="position" rows={positionRows} names={names} ariaLabel={t("positions.chartLabel")} />}
          table={<PositionTable positions={positions.filter((p) => p.issueKind === "codebook")} caption={t("positions.caption")} actorNames={names} />}
          downloads={<DownloadLinks path="/api/export/issues" query={evidenceQuery} />}
        />
        <ChartFigure
          id="salience"
          title={t("salience.title")}
          description={t.rich("salience.description", { link: (chunks) => <a href={localePath(locale, "/other-issues")}>{chunks}</a> })}
          chart={<ActorBarChart mode="count" rows={salienceRows} names={names} ariaLabel={t("salience.chartLabel")} />}
          table={
            <table className="data-table stack">
              <caption>{t("salience.caption")}</caption>
              <TableHead columns={[t("salience.issue"), names.us, names.co]} />
              <tbody>
                {salienceRows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.key === "other" ? <a href={localePath(locale, "/other-issues")}>{r.label}</a> : r.label}</th>
                    <td className="num" data-label={names.us}>
                      {format.count(r.us)}
                    </td>
                    <td className="num" data-label={names.co}>
                      {format.count(r.co)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
          downloads={<DownloadLinks path="/api/export/issues" query={evidenceQuery} />}
        />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{tl("heading")}</h2>
        <p className="section-note">{tl("overviewNote")}</p>
        <div className="chart-grid">
          {codebookIssues.map((issue) => (
            <TimelineFigure
              key={issue.slug}
              id={`timeline-${issue.slug}`}
              title={label(issue)}
              issue={issue.slug}
              issueLabel={label(issue)}
              points={timeline.filter((p) => p.issueSlug === issue.slug)}
              domain={timelineDomain(timeline.flatMap((p) => (p.date === null ? [] : [timeOf(p.date)])))}
              height={220}
              names={names}
              query={evidenceQuery}
              compact
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="side-by-side">
        <h2 id="side-by-side">{t("sideBySide.heading")}</h2>
        <p className="section-note">{t("sideBySide.note")}</p>
        {codebookIssues.map((issue) => (
          <article key={issue.slug} className="issue-pair">
            <h3>
              <a href={localePath(locale, issuePath(issue.slug))}>{label(issue)}</a>
            </h3>
            <p className="issue-description">{inLocale(locale, issue.description ?? "", issue.descriptionEs)}</p>
            <div className="columns">
              {ACTOR_KEYS.map((actor) => {
                const stance = representatives.find((s) => s.issueSlug === issue.slug && s.actorId === actor);
                return (
                  <div key={actor} className={`column column-${actor}`}>
                    <h4>{names[actor]}</h4>
                    {stance ? (
                      <ul className="stance-list">
                        <StanceItem stance={stance} poles={localPoles(locale, issue)} />
                      </ul>
                    ) : (
                      <p className="empty">{t("sideBySide.empty", { actor: names[actor], issue: label(issue), documents: summary.documents, evidence })}</p>
                    )}
                  </div>
                );
              })}
            </div>
          </article>
        ))}
      </section>

      <section aria-labelledby="downloads">
        <h2 id="downloads">{t("downloads.heading")}</h2>
        <p className="section-note">{t.rich("downloads.note", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <div className="table-scroll">
          <table className="data-table wide stack">
            <TableHead columns={[t("downloads.dataset"), t("downloads.rows"), t("downloads.contents"), t("downloads.download")]} />
            <tbody>
              {datasets.map((d) => (
                <tr key={d.path}>
                  <th scope="row">{d.name}</th>
                  <td className="num" data-label={t("downloads.rows")}>
                    {format.count(d.rows)}
                  </td>
                  <td data-label={t("downloads.contents")}>{d.what}</td>
                  <td data-label={t("downloads.download")}>
                    <DownloadLinks path={d.path} label={d.name} query={d.path.endsWith("/documents") ? {} : evidenceQuery} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <WorkbookLink query={evidenceQuery} />
      </section>
    </>
  );
}
