import { normalizeBlocks } from "./blocks";
import type { Codebook } from "./codebook";
import { extractListItem } from "./lists";
import { parseMarkdown, type SourceSpan } from "./parse";
import { extractProse } from "./prose";
import type { SourceDocument } from "./read";
import { extractSections } from "./sections";
import { SpanIndex } from "./span";
import type { ExtractedStance, IngestNote } from "./stance";
import { type ExtractedTable, extractTable } from "./tables";

export interface DocumentExtraction {
  tables: ExtractedTable[];
  /** Every stance in document order: table cells, list clauses and prose. */
  stances: ExtractedStance[];
  notes: IngestNote[];
}

/**
 * Pure: a document's text → its source tables, stances and notes. Stages run from the most to the
 * least structured — tables, issue sections, lists, then prose — and a later stage never reads a passage an
 * earlier one has already turned into a stance, so no position is counted twice; only a section paragraph's sentence,
 * one government's stance, is left to prose for the other government's.
 */
export function extractDocument(document: SourceDocument, book: Codebook): DocumentExtraction {
  const normalized = normalizeBlocks(document.body, document.format === "txt" ? "txt" : "md");
  const parsed = parseMarkdown(normalized);
  const tables = parsed.tables.map((table, i) => extractTable(table, i + 1, book));
  const sections = extractSections(parsed.blocks, book);
  const sectionSpans = new SpanIndex(sections.claimed);
  const lists = parsed.listItems.filter((item) => !sectionSpans.overlaps(item)).map((item) => extractListItem(item, book));
  const structured = [...tables.flatMap((t) => t.stances), ...sections.stances, ...lists.flatMap((l) => l.stances)];
  // A section paragraph's opening sentence is one government's stance; the other government's, told in the same
  // words ("…, when Petro backed down only after President Donald Trump threatened tariffs"), is still prose's to read.
  const sentenceOnly = (s: ExtractedStance) => s.rule === "section:paragraph";
  const byActor = { us: [] as SourceSpan[], co: [] as SourceSpan[] };
  for (const s of structured) if (sentenceOnly(s)) byActor[s.actor].push(s.span);
  const prose = extractProse(parsed.blocks, book, document.lang, [...structured.filter((s) => !sentenceOnly(s)).map((s) => s.span), ...sections.claimed], {
    claimedByActor: byActor,
    author: document.metadata.author,
  });
  const stances = [...structured, ...prose.stances].sort(
    (a, b) =>
      a.span.lineStart - b.span.lineStart ||
      a.span.columnStart - b.span.columnStart ||
      (a.table?.column ?? 0) - (b.table?.column ?? 0),
  );
  const notes = [...tables.flatMap((t) => t.notes), ...sections.notes, ...lists.flatMap((l) => l.notes), ...prose.notes].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
  return { tables, stances, notes };
}
