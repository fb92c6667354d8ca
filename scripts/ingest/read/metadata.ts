import { findDateline, inferDate } from "../dates";
import type { IngestNote } from "../stance";
import type { DocumentMetadata, StatedMetadata } from "./document";

/** A seeds/sources.json entry: what the document states, set by hand; null where it states nothing. */
export interface ListedMetadata {
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  published?: string | null;
  url?: string | null;
  note?: string | null;
}

/** How a value set by hand is cited: the file is seeds/sources.json unless --sources names another. */
export const SOURCES_FILE_LABEL = "sources.json entry";

/** The address itself when it is an absolute http: or https: URL; anything else (javascript:, data:, relative) is null. */
export function httpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function shorten(value: string): string {
  const oneLine = value.replace(/\s+/g, " ").trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}

/**
 * The document's metadata: seeds/sources.json where it sets a value, else what the document
 * states, else (for the date) a dateline in the text, else the latest full date the text names.
 * Only http(s) addresses are kept; any other is dropped with a warning.
 */
export function resolveMetadata(
  stated: StatedMetadata,
  listed: ListedMetadata | undefined,
  text: string,
  sourcesFile = SOURCES_FILE_LABEL,
): { metadata: DocumentMetadata; warnings: IngestNote[] } {
  const warnings: IngestNote[] = [];
  const candidates: { value: string; evidence: string }[] = [];
  if (listed?.url) candidates.push({ value: listed.url, evidence: `"url" in ${sourcesFile}` });
  if (stated.url) candidates.push(stated.url);
  let url: string | null = null;
  for (const candidate of candidates) {
    const kept = httpUrl(candidate.value);
    if (kept) {
      url = kept;
      break;
    }
    warnings.push({ line: null, message: `address "${shorten(candidate.value)}" (${candidate.evidence}) is not an http(s) URL; dropped` });
  }

  const dateline = findDateline(text);
  const inferred = listed?.published || stated.published || dateline ? null : inferDate(text);
  const published = listed?.published
    ? { date: listed.published, basis: "stated" as const, evidence: sourcesFile }
    : stated.published
      ? { ...stated.published, basis: "stated" as const }
      : dateline
        ? { ...dateline, basis: "stated" as const }
        : inferred
          ? { ...inferred, basis: "inferred" as const }
          : null;

  return {
    metadata: {
      title: listed?.title ?? stated.title ?? null,
      outlet: listed?.outlet ?? stated.outlet ?? null,
      author: listed?.author ?? stated.author ?? null,
      published: published?.date ?? null,
      publishedBasis: published?.basis ?? null,
      publishedEvidence: published?.evidence ?? null,
      url,
      note: listed?.note ?? null,
    },
    warnings,
  };
}
