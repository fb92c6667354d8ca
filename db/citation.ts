/** How a document and a stance are named to people: in pages, in the `citation` download column, in JSON meta. */
export interface CitableDocument {
  slug: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** For paged documents (PDF): the line each page starts on, so lines are cited as "page p, line l". */
  pageLines?: number[] | null;
}

export function documentLabel(doc: Pick<CitableDocument, "slug" | "title">): string {
  return doc.title ?? `${doc.slug} (untitled)`;
}

export interface CitableLocation {
  kind: "table" | "list" | "prose";
  lineStart: number;
  lineEnd: number;
  tableOrdinal?: number | null;
  tableRow?: number | null;
}

/** Where a stance sits in its document, apart from how it is worded: a table cell, a bullet list, or running text. */
export type CitedPlace = { kind: "table"; table: number; row: number | null } | { kind: "list" } | { kind: "text" };

export function citedPlace(at: CitableLocation): CitedPlace {
  if (at.kind === "table" && at.tableOrdinal) return { kind: "table", table: at.tableOrdinal, row: at.tableRow ?? null };
  return at.kind === "list" ? { kind: "list" } : { kind: "text" };
}

/** Cited lines; for a paged document (PDF) each end as page and line within the page, else the pages are null. */
export interface CitedLines {
  startPage: number | null;
  start: number;
  endPage: number | null;
  end: number;
}

/** A document line as page and line within the page: line 27 of a PDF whose page 2 starts at line 22 is page 2, line 6. */
function onPage(line: number, pageLines: number[]): { page: number; line: number } {
  let page = 1;
  pageLines.forEach((first, i) => {
    if (first <= line) page = i + 1;
  });
  return { page, line: line - (pageLines[page - 1] ?? 1) + 1 };
}

export function citedLines(doc: Pick<CitableDocument, "pageLines">, at: Pick<CitableLocation, "lineStart" | "lineEnd">): CitedLines {
  if (!doc.pageLines?.length) return { startPage: null, start: at.lineStart, endPage: null, end: at.lineEnd };
  const from = onPage(at.lineStart, doc.pageLines);
  const to = onPage(at.lineEnd, doc.pageLines);
  return { startPage: from.page, start: from.line, endPage: to.page, end: to.line };
}

function lines(start: number, end: number): string {
  return start === end ? `line ${start}` : `lines ${start}–${end}`;
}

function describeLines({ startPage, start, endPage, end }: CitedLines): string {
  if (startPage === null) return lines(start, end);
  return startPage === endPage ? `page ${startPage}, ${lines(start, end)}` : `page ${startPage}, line ${start} – page ${endPage}, line ${end}`;
}

function describePlace(place: CitedPlace): string {
  if (place.kind === "table") return `table ${place.table}${place.row ? ` row ${place.row}` : ""}`;
  return place.kind === "list" ? "bullet list" : "text";
}

/** "Title", Outlet, 2026-02-04, table 2 row 1, line 27 (a PDF: page 2, line 6) — with "outlet not stated" and "undated" where unknown. The pages word the same parts in the reader's language. */
export function formatCitation(doc: CitableDocument, at: CitableLocation): string {
  return `“${documentLabel(doc)}”, ${doc.outlet ?? "outlet not stated"}, ${doc.published ?? "undated"}, ${describePlace(citedPlace(at))}, ${describeLines(citedLines(doc, at))}`;
}

/** The stable id of a source table in URLs and downloads: `<document slug>-t<number>`. */
export function sourceTableId(documentSlug: string, ordinal: number): string {
  return `${documentSlug}-t${ordinal}`;
}

export function parseSourceTableId(id: string): { documentSlug: string; ordinal: number } | null {
  const match = /^(.+)-t([1-9]\d{0,5})$/.exec(id);
  return match ? { documentSlug: match[1] as string, ordinal: Number(match[2]) } : null;
}
