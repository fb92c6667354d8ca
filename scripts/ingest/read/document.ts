import type { DocumentFormat } from "../../../db/schema";
import type { Language } from "../language";
import type { IngestNote } from "../stance";

export type { DocumentFormat };

export interface DocumentMetadata {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD, or null when neither stated nor inferable from the text. */
  published: string | null;
  /** "stated": the document, its metadata or seeds/sources.json says it; "inferred": read from a date in the text. */
  publishedBasis: "stated" | "inferred" | null;
  /** Where the date came from: a metadata field, a dateline, or the phrase of the text it was inferred from. */
  publishedEvidence: string | null;
  /** Only ever an absolute http: or https: address. */
  url: string | null;
  note: string | null;
}

export interface SourceDocument {
  path: string;
  slug: string;
  format: DocumentFormat;
  contentHash: string;
  /** The text line numbers refer to and the source view shows: the file itself, or for HTML, DOCX and PDF its Markdown rendering. */
  text: string;
  /** Text for the block stage: front matter blanked out (so line numbers stay those of `text`). */
  body: string;
  metadata: DocumentMetadata;
  /** The language its sentences are read in: front matter `lang` or `<html lang>`, else detected from the text. */
  lang: Language;
  langSource: "stated" | "detected";
  /** PDF: the line of `text` each page starts on, so a line can be cited as "page p, line l". */
  pageLines: number[] | null;
  /** What reading had to guess or drop (an encoding, a URL, an empty page): reported, never silent. */
  warnings: IngestNote[];
}

export class DocumentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${problem}`);
    this.name = "DocumentError";
  }
}

/** What a format reader hands back: the text, what the document states about itself, and its warnings. */
export interface FormatReading {
  text: string;
  body: string;
  stated: StatedMetadata;
  lang: Language | null;
  pageLines: number[] | null;
  warnings: IngestNote[];
}

/** Metadata as the document states it, each value with the place it was found (for dates: the evidence). */
export interface StatedMetadata {
  title?: string;
  outlet?: string;
  author?: string;
  published?: { date: string; evidence: string };
  url?: { value: string; evidence: string };
}
