import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import {
  type DocumentDetail,
  documentIndex,
  documentLines,
  getDocument,
  getDocumentSummary,
  getLineSizes,
  type SourceTableView,
  type StanceView,
} from "@/db/queries";
import { ActorTag } from "../../../_components/ActorTag";
import { DownloadLinks } from "../../../_components/DownloadLinks";
import { FilterNotice } from "../../../_components/FilterNotice";
import { LineWindowGuard } from "../../../_components/LineWindowGuard";
import { TableHead } from "../../../_components/TableHead";
import {
  frontMatterField,
  frontMatterLength,
  headingLevels,
  type InlineMarkup,
  inlineMarkup,
  type LineBlock,
  lineBlock,
  linePieces,
  type Span,
} from "../../../_lib/document-lines";
import { queryString } from "../../../_lib/format";
import { type LineWindow, lineWindow, parseFrom, windowStarts } from "../../../_lib/line-window";
import { inLocale, localePath } from "../../../_lib/locale";
import { externalHref, issuePath, sourcePath, sourceTableDownloadPath } from "../../../_lib/paths";
import { getActorNames, getDocumentLabel, getFormat } from "../../../_lib/page-i18n";
import { pageHolding, SOURCES_PER_PAGE } from "../../../_lib/paging";
import { ignoreOthers, type PageSearchParams } from "../../../_lib/search-params";
import { routeSegment } from "../../../_lib/url-segment";
import { useFormat } from "../../../_lib/use-format";

type Props = { params: Promise<{ slug: string }>; searchParams: PageSearchParams };

/** The name the address gives; null (404) for a segment the proxy did not pass. */
async function slugOf(params: Props["params"]): Promise<string | null> {
  return routeSegment((await params).slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = await slugOf(params);
  const doc = slug === null ? null : getDocumentSummary(slug);
  const t = await getTranslations("source");
  const documentLabel = await getDocumentLabel();
  return { title: doc ? documentLabel(doc) : t("notFoundTitle") };
}

function StanceMark({ stance, children }: { stance: StanceView; children: ReactNode }) {
  const t = useTranslations("source");
  const locale = useLocale();
  const format = useFormat();
  const described = {
    actor: inLocale(locale, stance.actorLabel, stance.actorLabelEs),
    issue: inLocale(locale, stance.issueLabel, stance.issueLabelEs),
    position: format.position(stance.position),
    override: stance.positionSource === "override" ? "yes" : "no",
  };
  const prose = stance.kind === "prose";
  // Prose is outlined and says who holds it; a table cell or bullet the document lays out itself is filled.
  const title = prose
    ? t("markTitleProse", {
        ...described,
        holder: stance.holder ?? "",
        attribution: stance.attribution ?? "reported",
        cue: stance.attributionCue ?? "",
        rule: stance.rule,
        confidence: format.confidence(stance.confidence),
      })
    : t("markTitle", described);
  return (
    <mark
      className={`stance-mark stance-mark-${stance.actorId} stance-mark-${prose ? "prose" : "structured"}`}
      id={`stance-${stance.key}`}
      title={title}
      data-kind={stance.kind}
    >
      <ActorTag actor={stance.actorId} />
      {prose ? <span className="visually-hidden"> ({t("markProse")})</span> : null}
      {children}
    </mark>
  );
}

const NO_MARKUP: InlineMarkup = { hidden: [], strong: [], em: [] };

/**
 * One line's text from `from` to `to` (the part its block shows), with its stances marked and, in Markdown,
 * its bold and italics; text is rendered as text, never as HTML. Stances that overlap an earlier one are left out.
 */
function LineText({ text, stances, markdown, from, to }: { text: string; stances: StanceView[]; markdown: boolean; from: number; to: number }) {
  const kept: StanceView[] = [];
  const spans: Span[] = [];
  let at = 0;
  for (const s of [...stances].sort((a, b) => a.columnStart - b.columnStart)) {
    if (s.columnStart < at) continue;
    const end = s.lineEnd === s.lineStart ? s.columnEnd : text.length;
    kept.push(s);
    spans.push({ start: s.columnStart, end });
    at = end;
  }
  const pieces = linePieces(spans, markdown ? inlineMarkup(text, from) : NO_MARKUP, from, to);
  const out: ReactNode[] = [];
  for (let i = 0; i < pieces.length; ) {
    const stance = pieces[i]?.stance ?? -1;
    const run: ReactNode[] = [];
    let j = i;
    for (; j < pieces.length && pieces[j]?.stance === stance; j++) {
      const piece = pieces[j];
      if (!piece) continue;
      let node: ReactNode = text.slice(piece.start, piece.end);
      if (piece.em) node = <em key={`e${piece.start}`}>{node}</em>;
      if (piece.strong) node = <strong key={`s${piece.start}`}>{node}</strong>;
      run.push(node);
    }
    const owner = stance >= 0 ? kept[stance] : undefined;
    if (owner) out.push(<StanceMark key={owner.key} stance={owner}>{run}</StanceMark>);
    else out.push(...run);
    i = j;
  }
  return <>{out}</>;
}

function LineNumber({ line }: { line: number }) {
  const t = useTranslations("source");
  return (
    <a className="ln" href={`#L${line}`} aria-label={t("lineLabel", { line })}>
      {line}
    </a>
  );
}

/** A line drawn as its block reads: a heading as a heading, a bullet with its bullet, a rule as a rule. */
function DocumentLine({ line, text, block, stances, doc, level }: { line: number; text: string; block: LineBlock; stances: StanceView[]; doc: DocumentDetail; level: number }) {
  const markdown = doc.format === "md";
  if (block.kind === "heading") {
    const Heading = `h${level}` as "h2";
    return (
      <div className="line line-heading" id={`L${line}`}>
        <LineNumber line={line} />
        <Heading className={`line-text doc-heading doc-heading-${block.level}`} lang={doc.lang}>
          <LineText text={text} stances={stances} markdown={markdown} from={block.start} to={block.end} />
        </Heading>
      </div>
    );
  }
  if (block.kind === "rule")
    return (
      <div className="line line-rule" id={`L${line}`}>
        <LineNumber line={line} />
        <hr />
      </div>
    );
  const from = block.kind === "bullet" || block.kind === "quote" ? block.start : 0;
  return (
    <div className={`line line-${block.kind}`} id={`L${line}`}>
      <LineNumber line={line} />
      {block.kind === "bullet" ? (
        <span className="line-text" lang={doc.lang}>
          <span className="bullet-marker" aria-hidden="true">
            {block.marker}
          </span>
          <span className="bullet-body">
            <LineText text={text} stances={stances} markdown={markdown} from={from} to={text.length} />
          </span>
        </span>
      ) : (
        <span className="line-text" lang={doc.lang}>
          <LineText text={text} stances={stances} markdown={markdown} from={from} to={text.length} />
        </span>
      )}
    </div>
  );
}

/** A Markdown file's front matter as the metadata it is: name and value per line, each line still anchored. */
function FrontMatter({ lines, first, last, view, lang }: { lines: string[]; first: number; last: number; view: LineWindow; lang: string }) {
  const t = useTranslations("source");
  const fields: ReactNode[] = [];
  for (let line = Math.max(first + 1, view.from); line < last && line <= view.to; line++) {
    const field = frontMatterField(lines[line - 1] ?? "");
    fields.push(
      <div key={line} id={`L${line}`} className="front-matter-row">
        <dt>
          <LineNumber line={line} /> {field.name}
        </dt>
        <dd lang={lang}>{field.value}</dd>
      </div>,
    );
  }
  return (
    <section className="front-matter" aria-label={t("frontMatter")} id={first >= view.from ? `L${first}` : undefined}>
      <p className="front-matter-caption">{t("frontMatterCaption", { start: first, end: last })}</p>
      <dl>{fields}</dl>
      {last <= view.to ? <span id={`L${last}`} /> : null}
    </section>
  );
}

/** Why a source table was read as it was, from its layout: the stored note is the ingest's English for the same thing. */
function LayoutNote({ table, actorNames }: { table: SourceTableView; actorNames: { us: string; co: string } }) {
  const t = useTranslations("source.tableLayout");
  if (table.layout === "no-actors") return <strong className="no-stances"> · {t("noActors", actorNames)}</strong>;
  if (table.layout === "transposed") return <> · {t("transposed")}</>;
  if (table.layout === "issue-from-content") return <> · {t("issueFromContent")}</>;
  return null;
}

/** A source table as a table, its rows those of the window (the read model reads no others); its header always shows, so every row keeps its columns' names. */
function SourceTableBlock({
  doc,
  table,
  actorNames,
  cellStance,
  view,
}: {
  doc: DocumentDetail;
  table: SourceTableView;
  actorNames: { us: string; co: string };
  cellStance: Map<string, StanceView>;
  view: LineWindow;
}) {
  const t = useTranslations("source");
  const headerShown = table.lineStart >= view.from && table.lineStart <= view.to;
  return (
    <div className="source-table" id={headerShown ? `table-${table.ordinal}` : undefined}>
      <p className="source-table-caption">
        {t("tableCaption", { table: table.ordinal, start: table.lineStart, end: table.lineEnd })}
        <LayoutNote table={table} actorNames={actorNames} />
      </p>
      <div className="table-scroll">
        <table className="data-table" lang={doc.lang}>
          <thead>
            <tr id={headerShown ? `L${table.lineStart}` : undefined}>
              <th scope="col" className="ln-cell">
                {headerShown ? <LineNumber line={table.lineStart} /> : null}
              </th>
              {table.header.map((cell, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns are positional and never reorder
                <th scope="col" key={c}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map(({ row, line, cells }) => {
              return (
                <tr key={line} id={`L${line}`}>
                  <td className="ln-cell">
                    <LineNumber line={line} />
                  </td>
                  {cells.map((cell, c) => {
                    const stance = cellStance.get(`${table.ordinal}:${row}:${c + 1}`);
                    // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns are positional and never reorder
                    return <td key={c}>{stance ? <StanceMark stance={stance}>{cell}</StanceMark> : cell}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <DownloadLinks path={sourceTableDownloadPath(doc.slug, table.ordinal)} label={t("tableDownload", { table: table.ordinal })} />
    </div>
  );
}

/** Where a long document is cut: which lines show, the neighbouring windows, and a line to jump to. */
function WindowNav({ view, path, place }: { view: LineWindow; path: string; place: "top" | "bottom" }) {
  const t = useTranslations("source.window");
  const format = useFormat();
  return (
    <nav className="window-note" aria-label={place === "top" ? t("label") : t("labelEnd")}>
      <p>{t("showing", { from: format.count(view.from), to: format.count(view.to), count: view.lineCount, total: format.count(view.lineCount) })}</p>
      {view.previous !== null ? (
        <a href={`${path}?from=${view.previous.from}`}>{t("previous", { from: format.count(view.previous.from), to: format.count(view.previous.to) })}</a>
      ) : null}
      {view.next !== null ? (
        <a href={`${path}?from=${view.next.from}`}>{t("next", { from: format.count(view.next.from), to: format.count(view.next.to) })}</a>
      ) : null}
      <form method="get" action={path} className="window-form">
        <label>
          {t("goTo")} <input type="number" name="from" min={1} max={view.lineCount} defaultValue={view.from} />
        </label>{" "}
        <button type="submit">{t("go")}</button>
      </form>
    </nav>
  );
}

/** The table that holds `line`, found by halving (tables are in document order and never overlap): a long table's lines are not listed one by one. */
function tableAt(tables: readonly SourceTableView[], line: number): SourceTableView | undefined {
  let low = 0;
  let high = tables.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const table = tables[middle];
    if (!table) return undefined;
    if (line < table.lineStart) high = middle - 1;
    else if (line > table.lineEnd) low = middle + 1;
    else return table;
  }
  return undefined;
}

export default async function SourcePage({ params, searchParams }: Props) {
  const slug = await slugOf(params);
  const summary = slug === null ? null : getDocumentSummary(slug);
  if (!summary) notFound();
  const query = await searchParams;
  const ignored: string[] = [];
  const parsed = parseFrom(query.from, summary.lineCount);
  if (parsed.ignored) ignored.push(parsed.ignored);
  ignoreOthers(query, ["from"], ignored);
  // Windows are cut by what the lines carry, so a page of a dense stance table holds fewer lines than one of plain text.
  const sizes = getLineSizes(summary.slug);
  if (!sizes) notFound();
  const view = lineWindow(parsed.from, windowStarts(sizes), summary.lineCount);
  // A window reads only its own stances: the page's work grows with the window, and the text and tables are read once.
  const doc = getDocument(summary.slug, undefined, view.partial ? { from: view.from, to: view.to } : undefined);
  if (!doc) notFound();
  const locale = await getLocale();
  const t = await getTranslations("source");
  const tags = await getTranslations("actors");
  const format = await getFormat();
  const names = await getActorNames();
  const documentLabel = await getDocumentLabel();
  const lines = documentLines(doc.text);
  const path = localePath(locale, sourcePath(doc.slug));
  // Shown as text, not a link, unless it is an http(s) address.
  const href = externalHref(doc.url);
  // The breadcrumb goes back to the page of the sources list that holds this document.
  const listPage = pageHolding(documentIndex(doc.slug) ?? 0, SOURCES_PER_PAGE);
  const listHref = `${localePath(locale, "/sources")}${queryString({ page: listPage > 1 ? String(listPage) : undefined })}#doc-${encodeURIComponent(doc.slug)}`;

  // Every index is built in one pass, so drawing a line never scans the document's stances or tables.
  const stancesOn = new Map<number, StanceView[]>();
  const cellStance = new Map<string, StanceView>();
  for (const s of doc.stanceList) {
    if (s.kind === "table" && s.tableOrdinal !== null) cellStance.set(`${s.tableOrdinal}:${s.tableRow}:${s.tableColumn}`, s);
    else {
      const onLine = stancesOn.get(s.lineStart);
      if (onLine) onLine.push(s);
      else stancesOn.set(s.lineStart, [s]);
    }
  }
  const tableOn = (line: number) => tableAt(doc.sourceTables, line);
  const frontMatter = doc.format === "md" ? frontMatterLength(lines) : 0;
  const blocks = lines.map((text, i) => (i < frontMatter || tableOn(i + 1) ? null : lineBlock(text)));
  const levels = headingLevels(blocks.flatMap((b) => (b?.kind === "heading" ? [b.level] : [])));

  // Each line's text is the document's own, marked with the document's language whatever the page's.
  const body: ReactNode[] = [];
  for (let line = view.from; line <= Math.min(view.to, lines.length); line++) {
    if (line <= frontMatter) {
      body.push(<FrontMatter key="front-matter" lines={lines} first={1} last={frontMatter} view={view} lang={doc.lang} />);
      line = frontMatter;
      continue;
    }
    const table = tableOn(line);
    if (table) {
      body.push(<SourceTableBlock key={`t${table.ordinal}`} doc={doc} table={table} actorNames={names} cellStance={cellStance} view={view} />);
      line = table.lineEnd;
      continue;
    }
    const block = blocks[line - 1] ?? { kind: "text" as const };
    body.push(
      <DocumentLine
        key={line}
        line={line}
        text={lines[line - 1] ?? ""}
        block={block}
        stances={stancesOn.get(line) ?? []}
        doc={doc}
        level={block.kind === "heading" ? (levels.get(block.level) ?? 2) : 2}
      />,
    );
  }

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <a href={listHref}>{t("sources")}</a> › {doc.slug}
      </nav>
      <h1>{documentLabel(doc)}</h1>
      <FilterNotice ignored={ignored} />
      <dl className="doc-meta">
        <dt>{t("outlet")}</dt>
        <dd>{doc.outlet ?? t("outletNotStated")}</dd>
        <dt>{t("published")}</dt>
        <dd>
          {doc.published ? format.date(doc.published) : t("publishedNotStated")}
          {doc.published && doc.publishedEvidence
            ? ` ${t("publishedEvidence", { basis: doc.publishedBasis === "inferred" ? "inferred" : "stated", evidence: doc.publishedEvidence })}`
            : ""}
        </dd>
        <dt>{t("address")}</dt>
        <dd>{href ? <a href={href}>{doc.url}</a> : (doc.url ?? t("addressNotStated"))}</dd>
        {doc.metadataNote ? (
          <>
            <dt>{t("metadataNote")}</dt>
            <dd>{doc.metadataNote}</dd>
          </>
        ) : null}
        <dt>{t("file")}</dt>
        <dd>{t("fileDetails", { path: doc.path, format: doc.format, lines: doc.lineCount })}</dd>
        <dt>{t("extracted")}</dt>
        <dd>{t("extractedCounts", { tables: doc.tables, stances: doc.stances })}</dd>
      </dl>

      {doc.stances ? (
        <details className="stance-index">
          <summary>
            {view.partial
              ? t("stanceIndexWindow", { count: doc.stanceList.length, total: doc.stances, from: format.count(view.from), to: format.count(view.to) })
              : t("stanceIndex", { count: doc.stanceList.length })}
          </summary>
          <DownloadLinks path="/api/export/stances" query={{ document: doc.slug }} label={t("theseStances")} />
          <div className="table-scroll">
            <table className="data-table wide">
              <TableHead columns={[t("columns.line"), t("columns.actor"), t("columns.issue"), t("columns.stance"), t("columns.position"), t("columns.key")]} />
              <tbody>
                {doc.stanceList.map((s) => (
                  <tr key={s.key}>
                    <td className="num">
                      <a href={`#L${s.lineStart}`}>{s.lineStart}</a>
                    </td>
                    <td>{s.actorId === "us" ? tags("us") : tags("co")}</td>
                    <td>
                      <a href={`${localePath(locale, issuePath(s.issueSlug))}${queryString({ stance: s.key })}`}>{inLocale(locale, s.issueLabel, s.issueLabelEs)}</a>
                    </td>
                    <td>{s.text}</td>
                    <td className="num">
                      {format.position(s.position)}
                      {s.positionSource === "override" ? ` ${t("override")}` : ""}
                    </td>
                    <td>
                      <code>{s.key}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}

      {doc.stances ? <p className="section-note highlight-legend">{t("highlightLegend")}</p> : null}
      {view.partial ? <WindowNav view={view} path={path} place="top" /> : null}
      <LineWindowGuard from={view.from} to={view.to} lineCount={view.lineCount} />
      <section className="document-text" aria-label={t("documentText")}>
        {body}
      </section>
      {view.partial ? <WindowNav view={view} path={path} place="bottom" /> : null}
    </>
  );
}
