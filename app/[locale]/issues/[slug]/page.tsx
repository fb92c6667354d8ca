import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { type StanceFilter, STANCE_KINDS } from "@/db/filters";
import {
  findStance,
  getIssue,
  listDocumentChoices,
  listDocumentPositions,
  listIssuePositions,
  listStancePage,
  listTimeline,
  stanceIndex,
} from "@/db/queries";
import { ActorBarChart } from "../../../_components/ActorBarChart";
import { ActorTag } from "../../../_components/ActorTag";
import { ChartFigure } from "../../../_components/ChartFigure";
import { DownloadLinks } from "../../../_components/DownloadLinks";
import { EvidenceSwitch } from "../../../_components/EvidenceSwitch";
import { FilterNotice } from "../../../_components/FilterNotice";
import { Pager } from "../../../_components/Pager";
import { ACTOR_KEYS } from "../../../_components/series";
import { StanceItem } from "../../../_components/StanceItem";
import { TableHead } from "../../../_components/TableHead";
import { TimelineFigure } from "../../../_components/TimelineFigure";
import { queryString } from "../../../_lib/format";
import { inLocale, localePath, localPoles } from "../../../_lib/locale";
import { issuePath, sourcePath } from "../../../_lib/paths";
import { getActorNames, getDocumentLabel, getFormat } from "../../../_lib/page-i18n";
import { evidenceKinds } from "../../../_lib/evidence";
import { pageHolding, pickPage, shownRange } from "../../../_lib/paging";
import { allValues, ignoreOthers, type PageSearchParams, pickAllowed, pickDocuments, pickEvidence, pickMonths, shown } from "../../../_lib/search-params";
import { timelineDomain, timeOf } from "../../../_lib/timeline";
import { routeSegment } from "../../../_lib/url-segment";

type Props = { params: Promise<{ slug: string }>; searchParams: PageSearchParams };

/** The issue the address names; null (404) for a slug no issue has, or a segment the proxy did not pass. */
async function issueOf(params: Props["params"]) {
  const slug = routeSegment((await params).slug);
  return slug === null ? null : getIssue(slug);
}

/** Stances shown per government on a page: the server renders a page of a long list, never all of it (25 a side keeps the page under 300 KB). */
const STANCES_PER_PAGE = 25;
/** Documents per page of the per-document chart and its table. */
const DOCUMENTS_PER_PAGE = 20;
/** Documents the filter form offers by name: those with the most stances on the issue. */
const DOCUMENT_CHOICES = 20;
const KNOWN = ["document", "kind", "evidence", "month", "page", "doc-page", "stance"];

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
  const documents = pickDocuments(query, ignored);
  const kinds = pickAllowed(query, "kind", STANCE_KINDS, ignored);
  const months = pickMonths(query, ignored);
  const evidence = pickEvidence(query, ignored);
  ignoreOthers(query, KNOWN, ignored);
  const filter: StanceFilter = {
    issues: [issue.slug],
    documents: documents.length ? documents : undefined,
    kinds: kinds.length ? kinds : undefined,
    evidence,
    months: months.length ? months : undefined,
  };
  const filtered = documents.length > 0 || kinds.length > 0 || months.length > 0;
  const te = await getTranslations("evidence");
  const path = localePath(locale, issuePath(issue.slug));
  const evidenceQuery = evidence === "structured" ? evidence : undefined;
  const filterQuery = { document: documents, kind: kinds, evidence: evidenceQuery, month: months };

  // A link to one stance opens the page of the list that holds it, under the page's filters if they keep it, else unfiltered.
  const [stanceKey] = allValues(query, "stance");
  if (stanceKey !== undefined) {
    const stance = findStance(stanceKey);
    if (stance?.issueSlug === issue.slug) {
      const unfiltered: StanceFilter = { issues: [issue.slug], evidence: "all" };
      for (const [within, kept] of [
        [filter, filterQuery],
        [unfiltered, {}],
      ] as const) {
        const at = stanceIndex(stance.id, { ...within, actors: [stance.actorId] });
        if (at === null) continue;
        const page = pageHolding(at, STANCES_PER_PAGE);
        redirect(`${path}${queryString({ ...kept, page: page > 1 ? String(page) : undefined })}#stance-${encodeURIComponent(stanceKey)}`);
      }
    }
    ignored.push(shown("stance", stanceKey));
  }

  const positions = listIssuePositions(filter);
  const totals = { us: positions.find((p) => p.actorId === "us")?.stances ?? 0, co: positions.find((p) => p.actorId === "co")?.stances ?? 0 };
  const paging = pickPage(query.page, "page", Math.max(totals.us, totals.co), STANCES_PER_PAGE, ignored);
  const columns = ACTOR_KEYS.map((actor) => ({ actor, total: totals[actor], stances: listStancePage({ ...filter, actors: [actor] }, paging.offset, paging.size).stances }));
  const perDocument = listDocumentPositions(filter);
  const allPerDocumentRows = [...new Set(perDocument.map((p) => p.documentSlug))];
  const docPaging = pickPage(query["doc-page"], "doc-page", allPerDocumentRows.length, DOCUMENTS_PER_PAGE, ignored);
  const bySlug = new Map<string, { us?: (typeof perDocument)[number]; co?: (typeof perDocument)[number] }>();
  for (const p of perDocument) bySlug.set(p.documentSlug, { ...bySlug.get(p.documentSlug), [p.actorId]: p });
  const perDocumentRows = allPerDocumentRows.slice(docPaging.offset, docPaging.offset + docPaging.size).map((slug) => {
    const at = bySlug.get(slug) ?? {};
    const title = at.us?.documentTitle ?? at.co?.documentTitle ?? null;
    return {
      key: slug,
      slug,
      label: documentLabel({ slug, title }),
      us: at.us?.position ?? null,
      co: at.co?.position ?? null,
      usStances: at.us?.stances ?? 0,
      coStances: at.co?.stances ?? 0,
    };
  });
  const documentsShown = shownRange(docPaging, allPerDocumentRows.length);
  // Each pager keeps the other list's page.
  const stancePagerQuery = { ...filterQuery, "doc-page": docPaging.page > 1 ? String(docPaging.page) : undefined };
  // The filter form offers the documents with the most stances on the issue, and keeps any chosen one.
  const choices = listDocumentChoices({ issues: [issue.slug], evidence }, DOCUMENT_CHOICES, documents);
  const issueTally = listIssuePositions({ issues: [issue.slug], evidence });
  const kindsWithIssue = STANCE_KINDS.filter(
    (k) => kinds.includes(k) || issueTally.some((p) => (k === "table" ? p.tableStances : k === "list" ? p.listStances : p.proseStances) > 0),
  );
  const poles = localPoles(locale, issue);
  const downloadQuery = { issue: issue.slug, ...filterQuery };
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
      <EvidenceSwitch evidence={evidence} path={issuePath(issue.slug)} query={{ document: documents, kind: kinds, month: months }} />

      <form className="filters" method="get" aria-label={t("filtersLabel")}>
        {evidenceQuery ? <input type="hidden" name="evidence" value={evidenceQuery} /> : null}
        {months.map((month) => (
          <input key={month} type="hidden" name="month" value={month} />
        ))}
        <fieldset>
          <legend>{t("documents")}</legend>
          {choices.total > choices.documents.length || choices.documents.length > DOCUMENT_CHOICES ? (
            <p className="fieldset-note">{t("documentChoices", { shown: Math.min(DOCUMENT_CHOICES, choices.documents.length), total: choices.total })}</p>
          ) : null}
          {choices.documents.map((d) => (
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
        {months.length ? (
          <p className="fieldset-note">
            {t("months", { months: months.map((m) => format.month(m)).join(", ") })}{" "}
            <a href={`${path}${queryString({ ...filterQuery, month: undefined })}`}>{t("allMonths")}</a>
          </p>
        ) : null}
        <button type="submit">{t("apply")}</button>{" "}
        {filtered ? <a href={`${path}${queryString({ evidence: evidenceQuery })}`}>{t("clear")}</a> : null}
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

      <section aria-labelledby="stances-heading" id="stances">
        <h2 id="stances-heading">{t("stancesHeading")}</h2>
        <DownloadLinks path="/api/export/stances" query={downloadQuery} label={t("theseStances")} workbook />
        <Pager paging={paging} path={path} query={stancePagerQuery} param="page" label={t("stancePages")} anchor="stances" />
        <div className="columns">
          {columns.map(({ actor, total, stances }) => {
            const shown = shownRange(paging, total);
            return (
              <div key={actor} className={`column column-${actor}`}>
                <h3>
                  {names[actor]} <span className="count">({format.count(total)})</span>
                </h3>
                {total === 0 ? (
                  <p className="empty">{t("noStancesWhy", { actor: names[actor], filtered: filtered ? "yes" : "no", evidence })}</p>
                ) : shown === null ? (
                  <p className="empty">{t("columnPast", { actor: names[actor], total, pages: pageHolding(total - 1, STANCES_PER_PAGE) })}</p>
                ) : (
                  <>
                    {paging.pages > 1 ? <p className="shown">{t("columnShown", { first: shown.first, last: shown.last, total })}</p> : null}
                    <ul className="stance-list">
                      {stances.map((s) => (
                        <StanceItem key={s.id} stance={s} poles={poles} />
                      ))}
                    </ul>
                  </>
                )}
              </div>
            );
          })}
        </div>
        <Pager paging={paging} path={path} query={stancePagerQuery} param="page" label={t("stancePagesEnd")} anchor="stances" />
      </section>

      {poles.negative ? (
        <ChartFigure
          id="per-document"
          title={t("perDocument.title")}
          description={
            <>
              {t("perDocument.description", { negative: poles.negative, positive: poles.positive ?? "" })}
              {docPaging.pages > 1 && documentsShown ? ` ${t("perDocument.shown", { first: documentsShown.first, last: documentsShown.last, total: allPerDocumentRows.length })}` : ""}
            </>
          }
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
              <p className="empty">{t("perDocument.empty", { evidence, filtered: filtered ? "yes" : "no" })}</p>
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
          downloads={
            <>
              <Pager paging={docPaging} path={path} query={{ ...filterQuery, page: paging.page > 1 ? String(paging.page) : undefined }} param="doc-page" label={t("perDocument.pages")} anchor="per-document-title" />
              <DownloadLinks path="/api/export/document-positions" query={downloadQuery} />
            </>
          }
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
          query={filterQuery}
        />
      ) : null}
    </>
  );
}
