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

function lines(start: number, end: number): string {
  return start === end ? `line ${start}` : `lines ${start}–${end}`;
}

/** A document line as page and line within the page: line 27 of a PDF whose page 2 starts at line 22 is page 2, line 6. */
function onPage(line: number, pageLines: number[]): { page: number; line: number } {
  let page = 1;
  pageLines.forEach((first, i) => {
    if (first <= line) page = i + 1;
  });
  return { page, line: line - (pageLines[page - 1] ?? 1) + 1 };
}

function pagedLines(start: number, end: number, pageLines: number[]): string {
  const from = onPage(start, pageLines);
  const to = onPage(end, pageLines);
  return from.page === to.page
    ? `page ${from.page}, ${lines(from.line, to.line)}`
    : `page ${from.page}, line ${from.line} – page ${to.page}, line ${to.line}`;
}

/** "Title", Outlet, 2026-02-04, table 2 row 1, line 27 (a PDF: page 2, line 6) — with "outlet not stated" and "undated" where unknown. */
export function formatCitation(doc: CitableDocument, at: CitableLocation): string {
  const where =
    at.kind === "table" && at.tableOrdinal
      ? `table ${at.tableOrdinal}${at.tableRow ? ` row ${at.tableRow}` : ""}`
      : at.kind === "list"
        ? "bullet list"
        : "text";
  return `“${documentLabel(doc)}”, ${doc.outlet ?? "outlet not stated"}, ${doc.published ?? "undated"}, ${where}, ${doc.pageLines?.length ? pagedLines(at.lineStart, at.lineEnd, doc.pageLines) : lines(at.lineStart, at.lineEnd)}`;
}

/** The stable id of a source table in URLs and downloads: `<document slug>-t<number>`. */
export function sourceTableId(documentSlug: string, ordinal: number): string {
  return `${documentSlug}-t${ordinal}`;
}

export function parseSourceTableId(id: string): { documentSlug: string; ordinal: number } | null {
  const match = /^(.+)-t([1-9]\d{0,5})$/.exec(id);
  return match ? { documentSlug: match[1] as string, ordinal: Number(match[2]) } : null;
}
