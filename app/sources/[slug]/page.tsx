import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { documentLabel, sourceTableId } from "@/db/citation";
import { type DocumentDetail, getDocument, type SourceTableView, type StanceView } from "@/db/queries";
import { DownloadLinks } from "../../_components/DownloadLinks";
import { ACTOR_SERIES } from "../../_components/series";
import { formatPosition } from "../../_lib/format";
import { TableHead } from "../../_components/TableHead";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = getDocument((await params).slug);
  return { title: doc ? documentLabel(doc) : "Document not found" };
}

function StanceMark({ stance, children }: { stance: StanceView; children: ReactNode }) {
  const title = `${ACTOR_SERIES[stance.actorId].label} · ${stance.issueLabel} · ${formatPosition(stance.position)}${stance.positionSource === "override" ? " (override)" : ""}`;
  return (
    <mark className={`stance-mark stance-mark-${stance.actorId}`} id={`stance-${stance.key}`} title={title}>
      <span className={`actor-tag actor-tag-${stance.actorId}`}>{ACTOR_SERIES[stance.actorId].short}</span>
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
  return (
    <a className="ln" href={`#L${line}`} aria-label={`Line ${line}`}>
      {line}
    </a>
  );
}

function SourceTableBlock({ doc, table }: { doc: DocumentDetail; table: SourceTableView }) {
  const stanceAt = (row: number, column: number) =>
    doc.stanceList.find((s) => s.tableOrdinal === table.ordinal && s.tableRow === row && s.tableColumn === column);
  const id = sourceTableId(doc.slug, table.ordinal);
  return (
    <div className="source-table" id={`table-${table.ordinal}`}>
      <p className="source-table-caption">
        Table {table.ordinal}, lines {table.lineStart}–{table.lineEnd}
        {table.layout === "no-actors" ? <strong className="no-stances"> · no stances: {table.note}</strong> : table.note ? ` · ${table.note}` : ""}
      </p>
      <div className="table-scroll">
        <table className="data-table">
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
      <DownloadLinks path={`/api/export/tables/${id}`} label={`Table ${table.ordinal} as in the document`} />
    </div>
  );
}

export default async function SourcePage({ params }: Props) {
  const doc = getDocument((await params).slug);
  if (!doc) notFound();
  const lines = doc.text.split(/\r\n|\r|\n/);
  while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const tableAt = new Map(doc.sourceTables.map((t) => [t.lineStart, t]));
  const inTable = new Set(doc.sourceTables.flatMap((t) => Array.from({ length: t.lineEnd - t.lineStart + 1 }, (_, i) => t.lineStart + i)));
  const stancesOn = (line: number) => doc.stanceList.filter((s) => s.lineStart === line && s.kind !== "table");

  const body: ReactNode[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    const table = tableAt.get(line);
    if (table) body.push(<SourceTableBlock key={`t${table.ordinal}`} doc={doc} table={table} />);
    if (inTable.has(line)) return;
    body.push(
      <div className="line" id={`L${line}`} key={line}>
        <LineNumber line={line} />
        <span className="line-text">
          <LineText text={text} stances={stancesOn(line)} />
        </span>
      </div>,
    );
  });

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="/sources">Sources</a> › {doc.slug}
      </nav>
      <h1>{documentLabel(doc)}</h1>
      <dl className="doc-meta">
        <dt>Outlet</dt>
        <dd>{doc.outlet ?? "not stated in the document"}</dd>
        <dt>Published</dt>
        <dd>
          {doc.published ?? "not stated in the document, and no full date in its text"}
          {doc.published && doc.publishedEvidence
            ? ` (${doc.publishedBasis === "inferred" ? "inferred" : "stated"}: ${doc.publishedEvidence})`
            : ""}
        </dd>
        <dt>Address</dt>
        <dd>{doc.url ? <a href={doc.url}>{doc.url}</a> : "not stated in the document"}</dd>
        {doc.metadataNote ? (
          <>
            <dt>Where these come from</dt>
            <dd>{doc.metadataNote}</dd>
          </>
        ) : null}
        <dt>File</dt>
        <dd>
          {doc.path} ({doc.format}, {doc.lineCount} lines)
        </dd>
        <dt>Extracted</dt>
        <dd>
          {doc.tables} table{doc.tables === 1 ? "" : "s"}, {doc.stances} stance{doc.stances === 1 ? "" : "s"}
        </dd>
      </dl>

      {doc.stanceList.length ? (
        <details className="stance-index">
          <summary>All {doc.stanceList.length} stances in this document, with their keys (for analyst overrides)</summary>
          <DownloadLinks path="/api/export/stances" query={{ document: doc.slug }} label="These stances" />
          <div className="table-scroll">
            <table className="data-table wide">
              <TableHead columns={["Line", "Actor", "Issue", "Stance", "Position", "Key"]} />
              <tbody>
                {doc.stanceList.map((s) => (
                  <tr key={s.key}>
                    <td className="num">
                      <a href={`#L${s.lineStart}`}>{s.lineStart}</a>
                    </td>
                    <td>{ACTOR_SERIES[s.actorId].short}</td>
                    <td>
                      <a href={`/issues/${s.issueSlug}`}>{s.issueLabel}</a>
                    </td>
                    <td>{s.text}</td>
                    <td className="num">
                      {formatPosition(s.position)}
                      {s.positionSource === "override" ? " (override)" : ""}
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

      <section className="document-text" aria-label="Document text">
        {body}
      </section>
    </>
  );
}
