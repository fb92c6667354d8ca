import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getCorpusSummary, listIssuePositions, listStancePage } from "@/db/queries";
import { DownloadLinks } from "../../_components/DownloadLinks";
import { EvidenceSwitch } from "../../_components/EvidenceSwitch";
import { FilterNotice } from "../../_components/FilterNotice";
import { Pager } from "../../_components/Pager";
import { ACTOR_KEYS } from "../../_components/series";
import { StanceItem } from "../../_components/StanceItem";
import { queryString } from "../../_lib/format";
import { inLocale, localePath } from "../../_lib/locale";
import { getActorNames, getFormat } from "../../_lib/page-i18n";
import { pickPage, shownRange } from "../../_lib/paging";
import { ignoreOthers, type PageSearchParams, pickEvidence } from "../../_lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("otherIssues");
  return { title: t("metaTitle") };
}

const NO_POLES = { negative: null, positive: null };
/** Topics per page, and each government's first stances on each: the rest are on the topic's own (paged) page. */
const TOPICS_PER_PAGE = 10;
const STANCES_PER_TOPIC = 3;

/** Stances the documents give on topics outside the four codebook issues: listed as found, never scored. */
export default async function OtherIssuesPage({ searchParams }: { searchParams: PageSearchParams }) {
  const locale = await getLocale();
  const t = await getTranslations("otherIssues");
  const format = await getFormat();
  const names = await getActorNames();
  const query = await searchParams;
  const ignored: string[] = [];
  const evidence = pickEvidence(query, ignored);
  ignoreOthers(query, ["evidence", "page"], ignored);
  const evidenceQuery = evidence === "structured" ? evidence : undefined;
  // Counted in SQL over every stance: each topic with stances, and each government's count on it.
  const counts = listIssuePositions({ evidence }).filter((p) => p.issueKind === "other");
  const topics = [...new Set(counts.filter((p) => p.stances > 0).map((p) => p.issueSlug))].map((slug) => {
    const held = counts.filter((p) => p.issueSlug === slug);
    const first = held[0];
    return {
      slug,
      label: first ? inLocale(locale, first.issueLabel, first.issueLabelEs) : slug,
      stances: { us: held.find((p) => p.actorId === "us")?.stances ?? 0, co: held.find((p) => p.actorId === "co")?.stances ?? 0 },
    };
  });
  const stanceTotal = topics.reduce((sum, topic) => sum + topic.stances.us + topic.stances.co, 0);
  const paging = pickPage(query.page, "page", topics.length, TOPICS_PER_PAGE, ignored);
  const shown = shownRange(paging, topics.length);
  const path = localePath(locale, "/other-issues");
  const documents = getCorpusSummary({ evidence }).documents;

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <a href={localePath(locale, "/")}>{t("overview")}</a> › {t("heading")}
      </nav>
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede", { issues: topics.length, stances: stanceTotal })}</p>
      <FilterNotice ignored={ignored} />
      <EvidenceSwitch evidence={evidence} path="/other-issues" query={{}} />
      {topics.length ? (
        <DownloadLinks path="/api/export/stances" query={{ issue: topics.map((i) => i.slug), evidence: evidenceQuery }} label={t("theseStances")} />
      ) : (
        <p className="empty">{t("empty", { documents, evidence })}</p>
      )}
      {paging.pages > 1 && shown ? <p className="shown">{t("shown", { first: shown.first, last: shown.last, total: topics.length })}</p> : null}
      <Pager paging={paging} path={path} query={{ evidence: evidenceQuery }} param="page" label={t("pages")} />
      {topics.slice(paging.offset, paging.offset + paging.size).map((topic) => {
        const total = topic.stances.us + topic.stances.co;
        const topicHref = `${localePath(locale, `/issues/${topic.slug}`)}${queryString({ evidence: evidenceQuery })}`;
        return (
          <section key={topic.slug} className="issue-pair" aria-labelledby={`other-${topic.slug}`}>
            <h2 id={`other-${topic.slug}`}>
              {topic.label} <span className="count">({format.count(total)})</span>
            </h2>
            <div className="columns">
              {ACTOR_KEYS.map((actor) => {
                const held = topic.stances[actor];
                const first = held ? listStancePage({ issues: [topic.slug], actors: [actor], evidence }, 0, STANCES_PER_TOPIC).stances : [];
                return (
                  <div key={actor} className={`column column-${actor}`}>
                    <h3>
                      {names[actor]} <span className="count">({format.count(held)})</span>
                    </h3>
                    {first.length ? (
                      <ul className="stance-list">
                        {first.map((s) => (
                          <StanceItem key={s.id} stance={s} poles={NO_POLES} />
                        ))}
                      </ul>
                    ) : (
                      <p className="empty">{t("noStance", { actor: names[actor], issue: topic.label })}</p>
                    )}
                    {held > first.length ? (
                      <p className="more">
                        <a href={topicHref}>{t("more", { count: held - first.length, actor: names[actor], issue: topic.label })}</a>
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
      <Pager paging={paging} path={path} query={{ evidence: evidenceQuery }} param="page" label={t("pagesEnd")} />
    </>
  );
}
