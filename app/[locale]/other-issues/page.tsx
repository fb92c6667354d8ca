import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getCorpusSummary, listIssues, listStances } from "@/db/queries";
import { DownloadLinks } from "../../_components/DownloadLinks";
import { EvidenceSwitch } from "../../_components/EvidenceSwitch";
import { FilterNotice } from "../../_components/FilterNotice";
import { ACTOR_KEYS } from "../../_components/series";
import { StanceItem } from "../../_components/StanceItem";
import { inLocale, localePath } from "../../_lib/locale";
import { getActorNames, getFormat } from "../../_lib/page-i18n";
import { ignoreOthers, type PageSearchParams, pickEvidence } from "../../_lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("otherIssues");
  return { title: t("metaTitle") };
}

const NO_POLES = { negative: null, positive: null };

/** Stances the documents give on topics outside the four codebook issues: listed as found, never scored. */
export default async function OtherIssuesPage({ searchParams }: { searchParams: PageSearchParams }) {
  const locale = await getLocale();
  const t = await getTranslations("otherIssues");
  const format = await getFormat();
  const names = await getActorNames();
  const query = await searchParams;
  const ignored: string[] = [];
  const evidence = pickEvidence(query, ignored);
  ignoreOthers(query, ["evidence"], ignored);
  const others = listIssues().filter((i) => i.kind === "other");
  const stances = others.length ? listStances({ issues: others.map((i) => i.slug), evidence }) : [];
  const shown = others.filter((i) => stances.some((s) => s.issueSlug === i.slug));
  const evidenceQuery = evidence === "structured" ? evidence : undefined;
  const documents = getCorpusSummary({ evidence }).documents;

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <a href={localePath(locale, "/")}>{t("overview")}</a> › {t("heading")}
      </nav>
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede", { issues: shown.length, stances: stances.length })}</p>
      <FilterNotice ignored={ignored} />
      <EvidenceSwitch evidence={evidence} path="/other-issues" query={{}} />
      {shown.length ? (
        <DownloadLinks path="/api/export/stances" query={{ issue: shown.map((i) => i.slug), evidence: evidenceQuery }} label={t("theseStances")} />
      ) : (
        <p className="empty">{t("empty", { documents, evidence })}</p>
      )}
      {shown.map((issue) => {
        const own = stances.filter((s) => s.issueSlug === issue.slug);
        const label = inLocale(locale, issue.label, issue.labelEs);
        return (
          <section key={issue.slug} className="issue-pair" aria-labelledby={`other-${issue.slug}`}>
            <h2 id={`other-${issue.slug}`}>
              {label} <span className="count">({format.count(own.length)})</span>
            </h2>
            <div className="columns">
              {ACTOR_KEYS.map((actor) => {
                const held = own.filter((s) => s.actorId === actor);
                return (
                  <div key={actor} className={`column column-${actor}`}>
                    <h3>
                      {names[actor]} <span className="count">({format.count(held.length)})</span>
                    </h3>
                    {held.length ? (
                      <ul className="stance-list">
                        {held.map((s) => (
                          <StanceItem key={s.id} stance={s} poles={NO_POLES} />
                        ))}
                      </ul>
                    ) : (
                      <p className="empty">{t("noStance", { actor: names[actor], issue: label })}</p>
                    )}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </>
  );
}
