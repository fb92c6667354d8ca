import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { ParallaxDb } from "../../db/client";
import { actors, documents, issues, sourceTables, stances } from "../../db/schema";
import type { Codebook } from "./codebook";
import type { DocumentExtraction } from "./extract";
import type { SourceDocument } from "./read";
import type { ExtractedStance } from "./stance";

/** Actors and codebook issues, upserted so labels follow codebook edits. */
export function upsertCodebook(db: ParallaxDb, book: Codebook): void {
  db.transaction((tx) => {
    book.actors.forEach((actor, i) => {
      const row = { id: actor.id, label: actor.label, labelEs: actor.labelEs, sortOrder: i };
      tx.insert(actors).values(row).onConflictDoUpdate({ target: actors.id, set: row }).run();
    });
    book.issues.forEach((issue, i) => {
      const row = {
        slug: issue.slug,
        kind: "codebook" as const,
        label: issue.label,
        labelEs: issue.labelEs,
        description: issue.description,
        descriptionEs: issue.descriptionEs,
        poleNegative: issue.axis.negative.label,
        poleNegativeEs: issue.axis.negative.labelEs,
        polePositive: issue.axis.positive.label,
        polePositiveEs: issue.axis.positive.labelEs,
        sortOrder: i,
      };
      tx.insert(issues).values(row).onConflictDoUpdate({ target: issues.slug, set: row }).run();
    });
  });
}

/** True when the stored copy of this document came from the same bytes and the same codebook. */
export function isUnchanged(db: ParallaxDb, document: SourceDocument, book: Codebook): boolean {
  const stored = db
    .select({ contentHash: documents.contentHash, codebookHash: documents.codebookHash, path: documents.path })
    .from(documents)
    .where(eq(documents.slug, document.slug))
    .get();
  return stored?.contentHash === document.contentHash && stored.codebookHash === book.hash && stored.path === document.path;
}

/** A stance's id that survives re-ingestion: the same document, actor, issue and words give the same key. */
export function stanceKeys(slug: string, extracted: ExtractedStance[]): string[] {
  const seen = new Map<string, number>();
  return extracted.map((stance) => {
    const digest = createHash("sha256")
      .update([slug, stance.actor, stance.issue.slug, stance.span.text].join("\u241F"))
      .digest("hex")
      .slice(0, 12);
    const count = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, count);
    return count === 1 ? `${slug}:${digest}` : `${slug}:${digest}-${count}`;
  });
}

/** Replaces one document's rows in a single transaction: all of the new version or none of it. */
export function loadDocument(
  db: ParallaxDb,
  document: SourceDocument,
  extraction: DocumentExtraction,
  book: Codebook,
  ingestedAt: string,
): void {
  db.transaction((tx) => {
    tx.delete(documents).where(eq(documents.slug, document.slug)).run();
    const { id: documentId } = tx
      .insert(documents)
      .values({
        slug: document.slug,
        path: document.path,
        format: document.format,
        lang: document.lang,
        langSource: document.langSource,
        title: document.metadata.title,
        outlet: document.metadata.outlet,
        author: document.metadata.author,
        published: document.metadata.published,
        publishedBasis: document.metadata.publishedBasis,
        publishedEvidence: document.metadata.publishedEvidence,
        url: document.metadata.url,
        metadataNote: document.metadata.note,
        pageLines: document.pageLines,
        contentHash: document.contentHash,
        codebookHash: book.hash,
        lineCount: document.text.split(/\r\n|\r|\n/).length,
        text: document.text,
        ingestedAt,
      })
      .returning({ id: documents.id })
      .get();

    const tableIds = new Map<number, number>();
    for (const table of extraction.tables) {
      const { id } = tx
        .insert(sourceTables)
        .values({
          documentId,
          ordinal: table.ordinal,
          lineStart: table.table.lineStart,
          lineEnd: table.table.lineEnd,
          header: table.table.header.map((cell) => cell.text),
          rows: table.table.rows.map((row) => row.map((cell) => cell.text)),
          rowLines: table.table.rowLines,
          layout: table.layout,
          note: table.note,
        })
        .returning({ id: sourceTables.id })
        .get();
      tableIds.set(table.ordinal, id);
    }

    for (const issue of new Map(extraction.stances.map((s) => [s.issue.slug, s.issue])).values()) {
      if (issue.kind !== "other") continue;
      tx.insert(issues)
        .values({ slug: issue.slug, kind: "other", label: issue.label, sortOrder: 1000 })
        .onConflictDoNothing()
        .run();
    }

    const keys = stanceKeys(document.slug, extraction.stances);
    extraction.stances.forEach((stance, i) => {
      tx.insert(stances)
        .values({
          stanceKey: keys[i] as string,
          documentId,
          issueSlug: stance.issue.slug,
          actorId: stance.actor,
          kind: stance.kind,
          text: stance.span.text,
          issueEvidence: stance.issueEvidence,
          lineStart: stance.span.lineStart,
          lineEnd: stance.span.lineEnd,
          columnStart: stance.span.columnStart,
          columnEnd: stance.span.columnEnd,
          sourceTableId: stance.table ? (tableIds.get(stance.table.ordinal) ?? null) : null,
          tableRow: stance.table?.row ?? null,
          tableColumn: stance.table?.column ?? null,
          rule: stance.rule,
          confidence: stance.confidence,
          holder: stance.holder ?? null,
          attribution: stance.attribution ?? null,
          attributionCue: stance.attributionCue ?? null,
        })
        .run();
    });
  });
}

/** Issues no stance refers to that are no longer wanted: "other" issues, and issues dropped from the codebook. */
export function pruneOrphanIssues(db: ParallaxDb, book: Codebook): void {
  const keep = book.issues.map((issue) => issue.slug);
  db.$client
    .prepare(
      `DELETE FROM issues WHERE slug NOT IN (SELECT DISTINCT issue_slug FROM stances)
       AND (kind = 'other' OR slug NOT IN (SELECT value FROM json_each(?)))`,
    )
    .run(JSON.stringify(keep));
}
