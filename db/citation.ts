/** How a document and a stance are named to people: in pages, in the `citation` download column, in JSON meta. */
export interface CitableDocument {
  slug: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
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

/** "Title", Outlet, 2026-02-04, table 2 row 1, line 27 — with "outlet not stated" and "undated" where unknown. */
export function formatCitation(doc: CitableDocument, at: CitableLocation): string {
  const where =
    at.kind === "table" && at.tableOrdinal
      ? `table ${at.tableOrdinal}${at.tableRow ? ` row ${at.tableRow}` : ""}`
      : at.kind === "list"
        ? "bullet list"
        : "text";
  return `“${documentLabel(doc)}”, ${doc.outlet ?? "outlet not stated"}, ${doc.published ?? "undated"}, ${where}, ${lines(at.lineStart, at.lineEnd)}`;
}

/** The stable id of a source table in URLs and downloads: `<document slug>-t<number>`. */
export function sourceTableId(documentSlug: string, ordinal: number): string {
  return `${documentSlug}-t${ordinal}`;
}

export function parseSourceTableId(id: string): { documentSlug: string; ordinal: number } | null {
  const match = /^(.+)-t([1-9]\d{0,5})$/.exec(id);
  return match ? { documentSlug: match[1] as string, ordinal: Number(match[2]) } : null;
}
