import type { ParallaxDb } from "../../db/client";
import { ingestRuns } from "../../db/schema";
import type { Codebook } from "./codebook";
import { extractDocument } from "./extract";
import { isUnchanged, loadDocument, pruneOrphanIssues, upsertCodebook } from "./load";
import { DOCUMENT_EXTENSIONS, DocumentError, listDocumentFiles, readDocument, type SourcesFile } from "./read";
import { type Override, type RescoreReport, rescore } from "./rescore";
import type { ExtractedStance } from "./stance";

export interface IngestWarning {
  file: string;
  line: number | null;
  message: string;
}

export interface DocumentOutcome {
  file: string;
  slug: string | null;
  status: "loaded" | "unchanged" | "failed";
  tables: number;
  stances: ExtractedStance[];
  error: string | null;
}

export interface IngestReport {
  startedAt: string;
  finishedAt: string;
  outcomes: DocumentOutcome[];
  warnings: IngestWarning[];
  scoring: RescoreReport;
}

export interface IngestOptions {
  inputs: string[];
  codebook: Codebook;
  sources: SourcesFile;
  overrides?: Override[];
  /** Where the overrides came from, for warnings about stance keys that no longer exist. */
  overridesFile?: string;
  /** Re-score stored stances only; read no document. */
  rescoreOnly?: boolean;
  root?: string;
  now?: () => Date;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Reads every document under `inputs` and loads each changed one in its own transaction. A
 * document that fails is reported and leaves what was stored for it untouched.
 */
export function ingest(db: ParallaxDb, options: IngestOptions): IngestReport {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const { files, skipped } = options.rescoreOnly ? { files: [], skipped: [] } : listDocumentFiles(options.inputs);
  const warnings: IngestWarning[] = skipped.map((file) => ({ file, line: null, message: `not a document (${DOCUMENT_EXTENSIONS}); skipped` }));
  const outcomes: DocumentOutcome[] = [];
  const slugs = new Map<string, string>();
  upsertCodebook(db, options.codebook);

  files.forEach((file, index) => {
    options.onProgress?.(index, files.length, file);
    const outcome: DocumentOutcome = { file, slug: null, status: "failed", tables: 0, stances: [], error: null };
    outcomes.push(outcome);
    try {
      const document = readDocument(file, options.sources, options.root);
      outcome.file = document.path;
      for (const note of document.warnings) warnings.push({ file: document.path, ...note });
      const clash = slugs.get(document.slug);
      if (clash) throw new DocumentError(document.path, null, `same name as ${clash}; documents are keyed by file name, so rename one`);
      slugs.set(document.slug, document.path);
      outcome.slug = document.slug;
      const extraction = extractDocument(document, options.codebook);
      outcome.tables = extraction.tables.length;
      outcome.stances = extraction.stances;
      for (const note of extraction.notes) warnings.push({ file: document.path, ...note });
      if (isUnchanged(db, document, options.codebook)) outcome.status = "unchanged";
      else {
        loadDocument(db, document, extraction, options.codebook, now().toISOString());
        outcome.status = "loaded";
      }
    } catch (err) {
      outcome.status = "failed";
      outcome.error = err instanceof DocumentError ? err.message : `${file}: ${(err as Error).message}`;
    }
  });
  options.onProgress?.(files.length, files.length, "");
  pruneOrphanIssues(db, options.codebook);
  const scoring = rescore(db, options.codebook, options.overrides ?? []);
  for (const key of scoring.unknownOverrides)
    warnings.push({ file: options.overridesFile ?? "overrides", line: null, message: `override for stance "${key}", which no longer exists; ignored` });

  const report: IngestReport = { startedAt, finishedAt: now().toISOString(), outcomes, warnings, scoring };
  const count = (status: DocumentOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  db.insert(ingestRuns)
    .values({
      startedAt,
      finishedAt: report.finishedAt,
      documentsSeen: outcomes.length,
      documentsChanged: count("loaded"),
      documentsUnchanged: count("unchanged"),
      documentsFailed: count("failed"),
      tables: outcomes.reduce((n, o) => n + o.tables, 0),
      stances: outcomes.reduce((n, o) => n + o.stances.length, 0),
      warnings: [...warnings, ...outcomes.flatMap((o) => (o.error ? [{ file: o.file, line: null, message: o.error }] : []))],
    })
    .run();
  return report;
}
