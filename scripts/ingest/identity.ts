import { createHash } from "node:crypto";
import type { SourceDocument } from "./read";
import type { ListedMetadata } from "./read/metadata";

/**
 * Bump when a change to reading or extraction (a new rule, a fixed span) should reach documents
 * already stored: the next ingest then re-reads every document instead of skipping unchanged ones.
 */
export const EXTRACTION_VERSION = 13;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Text is normalised a megabyte at a time, so a long document never needs several copies of itself at once. */
const SLICE_CHARS = 1 << 20;

/**
 * What makes two files the same document: their text with runs of white space collapsed and curly,
 * low and prime quotes written straight. Stored as documents.content_hash.
 */
export function contentFingerprint(text: string): string {
  const hash = createHash("sha256");
  let written = false;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + SLICE_CHARS, text.length);
    // Cut only before white space: NFC never joins across it, and the collapsed runs meet cleanly.
    while (end < text.length && !/\s/.test(text[end] as string)) end++;
    const part = text
      .slice(start, end)
      .normalize("NFC")
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u2035]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g, '"')
      .replace(/\s+/g, " ")
      .trim();
    if (part) {
      hash.update(written ? ` ${part}` : part);
      written = true;
    }
    start = end;
  }
  return hash.digest("hex");
}

/**
 * Everything reading and extraction depend on besides the codebook, all known before the file is
 * decoded: its bytes (SHA-256), its seeds/sources.json entry, its path and format, and the
 * extraction version. What is read from a file (text, metadata, language) follows from these, so
 * equal hashes mean re-reading would store the same rows, and an unchanged file is never decoded.
 */
export function extractionHash(file: Pick<SourceDocument, "path" | "format" | "contentHash">, listed?: ListedMetadata): string {
  return sha256(JSON.stringify({ version: EXTRACTION_VERSION, path: file.path, format: file.format, bytes: file.contentHash, listed: listed ?? null }));
}
