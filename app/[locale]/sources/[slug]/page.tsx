import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { sourceTableId } from "@/db/citation";
import { type DocumentDetail, getDocument, type SourceTableView, type StanceView } from "@/db/queries";
import { ActorTag } from "../../../_components/ActorTag";
import { DownloadLinks } from "../../../_components/DownloadLinks";
import { TableHead } from "../../../_components/TableHead";
import { inLocale, localePath } from "../../../_lib/locale";
import { getActorNames, getDocumentLabel, getFormat } from "../../../_lib/page-i18n";
import { useFormat } from "../../../_lib/use-format";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = getDocument((await params).slug);
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

/** One line of text with its stances highlighted; text is rendered as text, never as HTML. */
function LineText({ text, stances }: { text: string; stances: StanceView[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of [...stances].sort((a, b) => a.columnStart - b.columnStart)) {
    const end = s.lineEnd === s.lineStart ? s.columnEnd : text.length;
    if (s.columnStart < at) continue;
    parts.push(text.slice(at, s.columnStart));
    parts.push(
      <StanceMark key={s.key} stance={s}>
        {text.slice(s.columnStart, end)}
      </StanceMark>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function LineNumber({ line }: { line: number }) {
  const t = useTranslations("source");
  return (
    <a className="ln" href={`#L${line}`} aria-label={t("lineLabel", { line })}>
      {line}
    </a>
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

function SourceTableBlock({ doc, table, actorNames }: { doc: DocumentDetail; table: SourceTableView; actorNames: { us: string; co: string } }) {
  const t = useTranslations("source");
  const stanceAt = (row: number, column: number) =>
    doc.stanceList.find((s) => s.tableOrdinal === table.ordinal && s.tableRow === row && s.tableColumn === column);
  const id = sourceTableId(doc.slug, table.ordinal);
  return (
    <div className="source-table" id={`table-${table.ordinal}`}>
      <p className="source-table-caption">
        {t("tableCaption", { table: table.ordinal, start: table.lineStart, end: table.lineEnd })}
        <LayoutNote table={table} actorNames={actorNames} />
      </p>
      <div className="table-scroll">
        <table className="data-table" lang={doc.lang}>
          <thead>
            <tr id={`L${table.lineStart}`}>
              <th scope="col" className="ln-cell">
                <LineNumber line={table.lineStart} />
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
            {table.rows.map((row, r) => {
              const line = table.rowLines[r] ?? table.lineStart;
              return (
                <tr key={line} id={`L${line}`}>
                  <td className="ln-cell">
                    <LineNumber line={line} />
                  </td>
                  {row.map((cell, c) => {
                    const stance = stanceAt(r + 1, c + 1);
                    // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns are positional and never reorder
                    return <td key={c}>{stance ? <StanceMark stance={stance}>{cell}</StanceMark> : cell}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <DownloadLinks path={`/api/export/tables/${id}`} label={t("tableDownload", { table: table.ordinal })} />
    </div>
  );
}

export default async function SourcePage({ params }: Props) {
  const doc = getDocument((await params).slug);
  if (!doc) notFound();
  const locale = await getLocale();
  const t = await getTranslations("source");
  const tags = await getTranslations("actors");
  const format = await getFormat();
  const names = await getActorNames();
  const documentLabel = await getDocumentLabel();
  const lines = doc.text.split(/\r\n|\r|\n/);
  while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const tableAt = new Map(doc.sourceTables.map((table) => [table.lineStart, table]));
  const inTable = new Set(doc.sourceTables.flatMap((table) => Array.from({ length: table.lineEnd - table.lineStart + 1 }, (_, i) => table.lineStart + i)));
  const stancesOn = (line: number) => doc.stanceList.filter((s) => s.lineStart === line && s.kind !== "table");

  // Each line's text is the document's own, marked with the document's language whatever the page's.
  const body: ReactNode[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    const table = tableAt.get(line);
    if (table) body.push(<SourceTableBlock key={`t${table.ordinal}`} doc={doc} table={table} actorNames={names} />);
    if (inTable.has(line)) return;
    body.push(
      <div className="line" id={`L${line}`} key={line}>
        <LineNumber line={line} />
        <span className="line-text" lang={doc.lang}>
          <LineText text={text} stances={stancesOn(line)} />
        </span>
      </div>,
    );
  });

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <a href={localePath(locale, "/sources")}>{t("sources")}</a> › {doc.slug}
      </nav>
      <h1>{documentLabel(doc)}</h1>
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
        <dd>{doc.url ? <a href={doc.url}>{doc.url}</a> : t("addressNotStated")}</dd>
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

      {doc.stanceList.length ? (
        <details className="stance-index">
          <summary>{t("stanceIndex", { count: doc.stanceList.length })}</summary>
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
                      <a href={localePath(locale, `/issues/${s.issueSlug}`)}>{inLocale(locale, s.issueLabel, s.issueLabelEs)}</a>
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

      {doc.stanceList.length ? <p className="section-note highlight-legend">{t("highlightLegend")}</p> : null}
      <section className="document-text" aria-label={t("documentText")}>
        {body}
      </section>
    </>
  );
}
