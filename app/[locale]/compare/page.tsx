import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listDocumentChoices, listIssuePositions, listIssues } from "@/db/queries";
import { ActorBarChart } from "../../_components/ActorBarChart";
import { ChartFigure } from "../../_components/ChartFigure";
import { DownloadLinks } from "../../_components/DownloadLinks";
import { EvidenceSwitch } from "../../_components/EvidenceSwitch";
import { FilterNotice } from "../../_components/FilterNotice";
import { PositionTable } from "../../_components/PositionTable";
import { inLocale, localPoles } from "../../_lib/locale";
import { getActorNames, getDocumentLabel } from "../../_lib/page-i18n";
import { ignoreOthers, type PageSearchParams, pickAllowed, pickDocuments, pickEvidence } from "../../_lib/search-params";
import { topTopics } from "../../_lib/topics";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("metaTitle") };
}

/** Documents and other topics the form offers by name: those with the most stances, and any already chosen. */
const DOCUMENT_CHOICES = 20;
const TOPIC_CHOICES = 20;

export default async function ComparePage({ searchParams }: { searchParams: PageSearchParams }) {
  const locale = await getLocale();
  const t = await getTranslations("compare");
  const names = await getActorNames();
  const documentLabel = await getDocumentLabel();
  const query = await searchParams;
  const issues = listIssues();
  const ignored: string[] = [];
  const chosenIssues = pickAllowed(query, "issue", issues.map((i) => i.slug), ignored);
  const chosenDocuments = pickDocuments(query, ignored);
  const evidence = pickEvidence(query, ignored);
  ignoreOthers(query, ["issue", "document", "evidence"], ignored);
  const filter = {
    issues: chosenIssues.length ? chosenIssues : issues.filter((i) => i.kind === "codebook").map((i) => i.slug),
    documents: chosenDocuments.length ? chosenDocuments : undefined,
    evidence,
  };
  const evidenceQuery = evidence === "structured" ? evidence : undefined;
  const positions = listIssuePositions(filter);
  const shown = [...new Set(positions.map((p) => p.issueSlug))];
  const rows = shown.map((slug) => {
    const at = (actor: "us" | "co") => positions.find((p) => p.issueSlug === slug && p.actorId === actor);
    const us = at("us");
    const poles = us ? localPoles(locale, us) : null;
    return {
      key: slug,
      label: us ? inLocale(locale, us.issueLabel, us.issueLabelEs) : slug,
      us: us?.position ?? null,
      co: at("co")?.position ?? null,
      usStances: us?.stances ?? 0,
      coStances: at("co")?.stances ?? 0,
      poles: poles?.negative && poles.positive ? { negative: poles.negative, positive: poles.positive } : null,
    };
  });
  const anyStances = positions.some((p) => p.stances > 0);
  const documentChoices = listDocumentChoices({ issues: filter.issues, evidence }, DOCUMENT_CHOICES, chosenDocuments);
  // Every codebook issue, then the other topics with the most stances, and any chosen one.
  const offeredTopics = topTopics(listIssuePositions({ evidence }), TOPIC_CHOICES);
  const issueChoices = issues.filter((i) => i.kind === "codebook" || offeredTopics.has(i.slug) || chosenIssues.includes(i.slug));
  const downloadQuery = { issue: filter.issues, document: chosenDocuments, evidence: evidenceQuery };

  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede")}</p>
      <FilterNotice ignored={ignored} />
      <EvidenceSwitch evidence={evidence} path="/compare" query={{ issue: chosenIssues, document: chosenDocuments }} />
      <form className="filters" method="get" aria-label={t("filtersLabel")}>
        {evidenceQuery ? <input type="hidden" name="evidence" value={evidenceQuery} /> : null}
        <fieldset>
          <legend>{t("issues")}</legend>
          {issueChoices.map((i) => (
            <label key={i.slug}>
              <input type="checkbox" name="issue" value={i.slug} defaultChecked={filter.issues.includes(i.slug)} /> {inLocale(locale, i.label, i.labelEs)}
              {i.kind === "other" ? ` ${t("otherIssue")}` : ""}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("documents")}</legend>
          {documentChoices.total > DOCUMENT_CHOICES ? (
            <p className="fieldset-note">{t("documentChoices", { shown: DOCUMENT_CHOICES, total: documentChoices.total })}</p>
          ) : null}
          {documentChoices.documents.map((d) => (
            <label key={d.slug}>
              <input type="checkbox" name="document" value={d.slug} defaultChecked={chosenDocuments.includes(d.slug)} /> {documentLabel(d)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t("submit")}</button>
      </form>

      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">{t("matrixHeading")}</h2>
        <div className="table-scroll">
          <PositionTable positions={positions} caption={t("matrixCaption")} actorNames={names} />
        </div>
        {anyStances ? null : <p className="empty">{t("empty", { documents: chosenDocuments.length, evidence })}</p>}
        <DownloadLinks path="/api/export/issues" query={downloadQuery} label={t("thisMatrix")} workbook />
      </section>

      <ChartFigure
        id="compare-positions"
        title={t("chart.title")}
        description={t("chart.description")}
        exportable={anyStances}
        chart={
          anyStances ? (
            <ActorBarChart mode="position" rows={rows} names={names} span="full" ariaLabel={t("chart.chartLabel")} />
          ) : (
            <p className="empty">{t("empty", { documents: chosenDocuments.length, evidence })}</p>
          )
        }
        table={<PositionTable positions={positions} caption={t("chart.caption")} actorNames={names} />}
        downloads={<DownloadLinks path="/api/export/issues" query={downloadQuery} />}
      />
    </>
  );
}
