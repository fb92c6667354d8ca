import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { listIssuePositions } from "@/db/queries";
import { EvidenceSwitch } from "../../_components/EvidenceSwitch";
import { FilterNotice } from "../../_components/FilterNotice";
import { inLocale, localePath, localPoles } from "../../_lib/locale";
import { getActorNames, getFormat } from "../../_lib/page-i18n";
import { scaleExampleOf } from "../../_lib/scale";
import { ignoreOthers, type PageSearchParams, pickEvidence } from "../../_lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scale");
  return { title: t("metaTitle") };
}

/** What a position such as −2.83 means and how it is computed, worked through on the dashboard's own numbers. */
export default async function ScalePage({ searchParams }: { searchParams: PageSearchParams }) {
  const locale = await getLocale();
  const t = await getTranslations("scale");
  const format = await getFormat();
  const names = await getActorNames();
  const query = await searchParams;
  const ignored: string[] = [];
  const evidence = pickEvidence(query, ignored);
  ignoreOthers(query, ["evidence"], ignored);
  const example = scaleExampleOf(listIssuePositions({ evidence }).filter((p) => p.issueKind === "codebook"));
  const poles = example ? localPoles(locale, example) : null;
  const code = (chunks: ReactNode) => <code>{chunks}</code>;

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <a href={localePath(locale, "/")}>{t("overview")}</a> › {t("heading")}
      </nav>
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede")}</p>
      <FilterNotice ignored={ignored} />
      <EvidenceSwitch evidence={evidence} path="/scale" query={{}} />
      <h2>{t("cuesHeading")}</h2>
      <p>{t("cues")}</p>
      <p>{t("perStance")}</p>
      <h2>{t("positionHeading")}</h2>
      <p>{t.rich("formula", { code })}</p>
      <p>{t("reading", { two: format.position(Math.log(2)), three: format.position(Math.log(3)), ten: format.position(Math.log(10)) })}</p>
      {example && poles ? (
        <p className="scale-example">
          {t.rich("example", {
            actor: names[example.actorId],
            issue: inLocale(locale, example.issueLabel, example.issueLabelEs),
            position: format.position(example.position),
            positive: format.ratio(example.positive),
            negative: format.ratio(example.negative),
            positivePole: poles.positive ?? "",
            negativePole: poles.negative ?? "",
            ratio: format.ratio(Math.exp(Math.abs(example.position))),
            code,
          })}
        </p>
      ) : (
        <p className="empty">{t("noExample")}</p>
      )}
      <h2>{t("gapHeading")}</h2>
      <p>{t("gap")}</p>
      <h2>{t("notScoredHeading")}</h2>
      <p>{t("notScored")}</p>
      <p>{t("overrides")}</p>
    </>
  );
}
