import { sourceTableId } from "@/db/citation";

/**
 * Paths to the pages and downloads a name leads to, each name percent-encoded once: a document is named
 * after its file, so `Bogotá`, `a b`, `x#y`, `why?` and `100%` all need encoding to round-trip.
 */
export const issuePath = (slug: string) => `/issues/${encodeURIComponent(slug)}`;

export const sourcePath = (slug: string) => `/sources/${encodeURIComponent(slug)}`;

/** A source table's download, without its .csv/.json (DownloadLinks appends them). */
export const sourceTableDownloadPath = (documentSlug: string, ordinal: number) => `/api/export/tables/${encodeURIComponent(sourceTableId(documentSlug, ordinal))}`;

/** A document's address as a link target: absolute http: and https: only, whatever the database holds (never javascript:). */
export function externalHref(address: string | null): string | null {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
