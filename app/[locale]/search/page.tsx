import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ACTOR_IDS, STANCE_KINDS } from "@/db/filters";
import { listDocumentTitles, listIssuePositions, listIssues, SEARCH_PAGE_SIZE, searchPage } from "@/db/queries";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "@/db/search-query";
import { DownloadLinks } from "../../_components/DownloadLinks";
import { EvidenceSwitch } from "../../_components/EvidenceSwitch";
import { FilterNotice } from "../../_components/FilterNotice";
import { SearchResult } from "../../_components/SearchResult";
import { queryString } from "../../_lib/format";
import { inLocale, localePath, localPoles } from "../../_lib/locale";
import { getActorNames, getDocumentLabel, getFormat } from "../../_lib/page-i18n";
import { allValues, ignoreOthers, type PageSearchParams, pickAllowed, pickDocuments, pickEvidence, shown } from "../../_lib/search-params";
import { topTopics } from "../../_lib/topics";

export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }): Promise<Metadata> {
  const t = await getTranslations("search");
  const [q] = allValues(await searchParams, "q");
  return { title: q?.trim() ? t("metaTitleFor", { query: q.trim() }) : t("metaTitle") };
}

const KNOWN = ["q", "issue", "actor", "kind", "document", "evidence", "page"];
/** Documents and other topics the form offers by name: those with the most hits (or stances), and any already chosen. */
const DOCUMENT_CHOICES = 20;
const TOPIC_CHOICES = 20;

export default async function SearchPage({ searchParams }: { searchParams: PageSearchParams }) {
  const locale = await getLocale();
  const t = await getTranslations("search");
  const format = await getFormat();
  const names = await getActorNames();
  const documentLabel = await getDocumentLabel();
  const query = await searchParams;
  const ignored: string[] = [];
  const [rawQ, ...extraQ] = allValues(query, "q");
  ignored.push(...extraQ.map((value) => shown("q", value)));
  const q = (rawQ ?? "").trim();
  const allIssues = listIssues();
  const issues = pickAllowed(query, "issue", allIssues.map((i) => i.slug), ignored);
  const actors = pickAllowed(query, "actor", ACTOR_IDS, ignored);
  const kinds = pickAllowed(query, "kind", STANCE_KINDS, ignored);
  const documents = pickDocuments(query, ignored);
  const evidence = pickEvidence(query, ignored);
  const [rawPage, ...extraPages] = allValues(query, "page");
  const validPage = rawPage !== undefined && /^[1-9]\d{0,5}$/.test(rawPage);
  if (rawPage !== undefined && !validPage) ignored.push(shown("page", rawPage));
  ignored.push(...extraPages.map((value) => shown("page", value)));
  ignoreOthers(query, KNOWN, ignored);
  const page = validPage ? Number(rawPage) : 1;

  const some = <T,>(values: T[]) => (values.length ? values : undefined);
  const filter = { issues: some(issues), actors: some(actors), kinds: some(kinds), documents: some(documents), evidence };
  const results = q ? searchPage(parseSearchQuery(q), filter, page) : null;
  const evidenceQuery = evidence === "structured" ? evidence : undefined;
  const filterQuery = { issue: issues, actor: actors, kind: kinds, document: documents };
  const pageHref = (to: number) => `${localePath(locale, "/search")}${queryString({ q, ...filterQuery, evidence: evidenceQuery, page: to > 1 ? String(to) : undefined })}`;
  const kindLabels = { table: t("kinds.table"), list: t("kinds.list"), prose: t("kinds.prose") };
  const issueBySlug = new Map(allIssues.map((i) => [i.slug, i]));
  const polesOf = (slug: string) => {
    const issue = issueBySlug.get(slug);
    return issue ? localPoles(locale, issue) : { negative: null, positive: null };
  };
  // The document choices: those with the most hits under the other filters, and any chosen already.
  const withHits = results?.documents ?? [];
  const topDocuments = withHits.slice(0, DOCUMENT_CHOICES);
  const chosenElsewhere = documents.filter((slug) => !topDocuments.some((d) => d.slug === slug));
  const titles = listDocumentTitles(chosenElsewhere);
  const documentChoices = [
    ...topDocuments,
    ...chosenElsewhere.map((slug) => ({ slug, title: titles.get(slug) ?? null, hits: withHits.find((d) => d.slug === slug)?.hits ?? 0 })),
  ];
  // Every codebook issue, then the other topics with the most stances, and any chosen one.
  const offeredTopics = topTopics(listIssuePositions({ evidence }), TOPIC_CHOICES);
  const issueChoices = allIssues.filter((i) => i.kind === "codebook" || offeredTopics.has(i.slug) || issues.includes(i.slug));
  const first = results ? (results.page - 1) * SEARCH_PAGE_SIZE + 1 : 0;
  const last = results ? first + results.hits.length - 1 : 0;
  const filtered = issues.length + actors.length + kinds.length + documents.length > 0;

  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede")}</p>
      <FilterNotice ignored={ignored} />

      <search aria-label={t("formLabel")}>
        <form className="filters search-form" method="get" action={localePath(locale, "/search")}>
          <div className="search-field">
            <label htmlFor="search-q">{t("queryLabel")}</label>
            <input id="search-q" type="search" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} autoComplete="off" />
          </div>
          {evidenceQuery ? <input type="hidden" name="evidence" value={evidenceQuery} /> : null}
          <fieldset>
            <legend>{t("issues")}</legend>
            {issueChoices.map((issue) => (
              <label key={issue.slug}>
                <input type="checkbox" name="issue" value={issue.slug} defaultChecked={issues.includes(issue.slug)} /> {inLocale(locale, issue.label, issue.labelEs)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("governments")}</legend>
            {ACTOR_IDS.map((actor) => (
              <label key={actor}>
                <input type="checkbox" name="actor" value={actor} defaultChecked={actors.includes(actor)} /> {names[actor]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("kind")}</legend>
            {STANCE_KINDS.map((kind) => (
              <label key={kind}>
                <input type="checkbox" name="kind" value={kind} defaultChecked={kinds.includes(kind)} /> {kindLabels[kind]}
              </label>
            ))}
          </fieldset>
          {documentChoices.length ? (
            <fieldset>
              <legend>{t("documents")}</legend>
              {withHits.length > DOCUMENT_CHOICES ? <p className="fieldset-note">{t("documentChoices", { shown: DOCUMENT_CHOICES, total: withHits.length })}</p> : null}
              {documentChoices.map((d) => (
                <label key={d.slug}>
                  <input type="checkbox" name="document" value={d.slug} defaultChecked={documents.includes(d.slug)} /> {documentLabel(d)}{" "}
                  <span className="muted">({format.count(d.hits)})</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <button type="submit">{t("submit")}</button>{" "}
          {filtered ? <a href={`${localePath(locale, "/search")}${queryString({ q, evidence: evidenceQuery })}`}>{t("clear")}</a> : null}
        </form>
      </search>
      <p className="section-note">{t("filtersNote")}</p>

      <details className="search-help">
        <summary>{t("help.summary")}</summary>
        <ul>
          <li>{t.rich("help.words", { code: (chunks) => <code>{chunks}</code> })}</li>
          <li>{t.rich("help.phrase", { code: (chunks) => <code>{chunks}</code> })}</li>
          <li>{t.rich("help.prefix", { code: (chunks) => <code>{chunks}</code> })}</li>
          <li>{t.rich("help.or", { code: (chunks) => <code>{chunks}</code> })}</li>
          <li>{t.rich("help.exclude", { code: (chunks) => <code>{chunks}</code> })}</li>
          <li>{t("help.indexed")}</li>
        </ul>
      </details>

      <EvidenceSwitch evidence={evidence} path="/search" query={{ q: q || undefined, ...filterQuery }} />

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t("resultsHeading")}</h2>
        {!q ? (
          <p className="empty">{t("noQuery")}</p>
        ) : !results ? (
          <p className="empty">{t("nothingToSearch", { query: q })}</p>
        ) : (
          <>
            <p className="search-summary" role="status">
              {t("summary", { total: results.total, query: q })}
              {results.pages > 1 && results.hits.length > 0 ? ` ${t("showing", { first, last, page: results.page, pages: results.pages })}` : ""}
            </p>
            {results.mode === "any" ? <p className="notice">{t("widened")}</p> : null}
            {results.total > 0 && results.hits.length === 0 ? (
              <p className="notice">
                {t("pastLastPage", { page: results.page, pages: results.pages })} <a href={pageHref(1)}>{t("firstPage")}</a>
              </p>
            ) : null}
            {results.hits.length ? (
              <ol className="stance-list search-results" start={first}>
                {results.hits.map((hit) => (
                  <SearchResult key={`${hit.rank}`} hit={hit} poles={polesOf(hit.stance?.issueSlug ?? "")} />
                ))}
              </ol>
            ) : null}
            {results.pages > 1 ? (
              <nav className="pager" aria-label={t("pages")}>
                {results.page > 1 ? (
                  <a href={pageHref(Math.min(results.page - 1, results.pages))} rel="prev">
                    {t("previous")}
                  </a>
                ) : null}
                <span>{t("pageOf", { page: results.page, pages: results.pages })}</span>
                {results.page < results.pages ? (
                  <a href={pageHref(results.page + 1)} rel="next">
                    {t("next")}
                  </a>
                ) : null}
              </nav>
            ) : null}
            {results.total > 0 ? (
              <DownloadLinks path="/api/export/search" query={{ q, ...filterQuery, evidence: evidenceQuery }} label={t("theseResults", { total: results.total })} />
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
