import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ParallaxDb } from "../../db/client";
import { documents, ingestRuns, stances } from "../../db/schema";
import type { Codebook } from "./codebook";
import { contentFingerprint, extractionHash } from "./identity";
import { DEFAULT_MAX_BYTES, formatBytes } from "./limits";
import {
  loadDocument,
  pruneOrphanIssues,
  recordCopy,
  removeDocument,
  setDuplicatePaths,
  storedDocuments,
  storedLookups,
  upsertCodebook,
} from "./load";
import { ExtractionPool } from "./pool";
import { extractStep, readStep, unwrap } from "./prepare";
import { DOCUMENT_EXTENSIONS, DocumentError, documentFile, FORMATS, readBytes, type SourcesFile } from "./read";
import { type Override, type RescoreReport, rescore, stanceScorer } from "./rescore";
import { documentPath, isGone, isInside, walkInputs } from "./walk";

export interface IngestWarning {
  file: string;
  line: number | null;
  message: string;
}

export interface DocumentOutcome {
  file: string;
  slug: string | null;
  /** "duplicate": the same content as a stored document, recorded as a copy of it and counted once. */
  status: "loaded" | "unchanged" | "duplicate" | "failed";
  tables: number;
  stances: number;
  /** For a duplicate: the file of the stored document it is a copy of. */
  duplicateOf: string | null;
  error: string | null;
}

export interface RemovedDocument {
  file: string;
  slug: string;
  /** Copies of it that still exist outside the folders read, so its content can be stored again from them. */
  copies: string[];
}

export interface IngestReport {
  startedAt: string;
  finishedAt: string;
  outcomes: DocumentOutcome[];
  /** Documents whose files are gone from a folder that was read: removed with everything extracted from them. */
  removed: RemovedDocument[];
  /** Inputs and folder entries that could not be read (missing, link loops, unreadable): the run exits 1. */
  skipped: IngestWarning[];
  warnings: IngestWarning[];
  /** Stances per issue and actor in the documents of this run, as stored. */
  stancesByIssue: { issue: string; us: number; co: number }[];
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
  /** Files larger than this are refused unread (default 10 MB). */
  maxBytes?: number;
  root?: string;
  /**
   * Worker threads that read and extract files ahead of the one being loaded (pool.ts); 0 reads every
   * file on this thread. Default: one per core but this thread's when there are at least POOL_MIN_FILES files, else 0.
   */
  threads?: number;
  now?: () => Date;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Fewer files than this are read on this thread: starting the workers would cost more than they save. */
const POOL_MIN_FILES = 64;
/** Larger files are read on this thread: a worker's reading of one is held twice while it crosses to this thread. */
const POOL_MAX_BYTES = 1024 * 1024;
/** Files handed to the workers ahead of the one being loaded, per worker. */
const AHEAD_PER_THREAD = 4;

/** The worker threads a run over `files` files uses: as asked, else one per core but the loading thread's, from POOL_MIN_FILES files. */
export function workerThreads(files: number, asked?: number): number {
  return asked ?? (files >= POOL_MIN_FILES ? availableParallelism() - 1 : 0);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** An error as one line a person can act on; a bug in Parallax says so instead of passing for bad input. */
function describeError(path: string, err: unknown, root: string): string {
  if (err instanceof DocumentError) return `${documentPath(err.file, root)}${err.line ? `:${err.line}` : ""}: ${err.problem}`;
  if (err instanceof Database.SqliteError)
    return `${path}: not stored: the database refused the write (${err.code}: ${err.message}); what was stored for it is unchanged`;
  if (err instanceof RangeError && /call stack/i.test(err.message))
    return `${path}: nested too deeply to read (lists, quotes, brackets or HTML elements inside each other thousands of levels deep): flatten the nesting`;
  return `${path}: internal error while reading this document (${(err as Error).message}); please report it`;
}

/**
 * Reads every document under `inputs` and loads each changed one in its own transaction, its
 * stances scored in that same transaction. A document that fails is reported and leaves what was
 * stored for it untouched; documents whose files are gone from a folder read are removed; a file
 * with the content of a stored document is recorded as its copy, not stored twice.
 */
export function ingest(db: ParallaxDb, options: IngestOptions): IngestReport {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const root = options.root ?? process.cwd();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const book = options.codebook;
  const display = (file: string) => documentPath(file, root);
  const walk = options.rescoreOnly ? { files: [], folders: [], skipped: [], problems: [] } : walkInputs(options.inputs, Object.keys(FORMATS));
  const warnings: IngestWarning[] = walk.skipped.map((file) => ({
    file: display(file),
    line: null,
    message: `not a document Parallax reads (${DOCUMENT_EXTENSIONS}); skipped`,
  }));
  const skipped: IngestWarning[] = walk.problems.map((p) => ({ file: display(p.path), line: null, message: p.problem }));
  const outcomes: DocumentOutcome[] = [];
  const score = stanceScorer(book, options.overrides ?? []);
  upsertCodebook(db, book);

  // Documents read from a folder whose files are gone: removed first, each in its own transaction.
  const gone = (path: string) => {
    const file = resolve(root, path);
    return walk.folders.some((folder) => isInside(file, folder)) && isGone(file);
  };
  const removed: RemovedDocument[] = [];
  for (const stored of walk.folders.length ? storedDocuments(db) : []) {
    const copies = stored.duplicatePaths.filter((path) => !gone(path));
    if (gone(stored.path)) {
      removeDocument(db, stored.id);
      removed.push({ file: stored.path, slug: stored.slug, copies: copies.filter((path) => !walk.files.includes(resolve(root, path))) });
    } else if (copies.length < stored.duplicatePaths.length) {
      setDuplicatePaths(db, stored.id, copies);
      for (const path of stored.duplicatePaths.filter(gone))
        warnings.push({ file: path, line: null, message: `gone; no longer listed as a copy of ${stored.path}` });
    }
  }

  const lookup = storedLookups(db);
  const pending = new Set(walk.files.map(display));
  /** Content read in this run → the document that holds it. */
  const holders = new Map<string, { id: number; path: string; slug: string }>();
  /** Document names taken in this run → the file that took them. */
  const names = new Map<string, string>();

  /** The stored document under a file's name, and whether it was stored from these bytes with what reading depends on now. */
  const storedState = (identity: ReturnType<typeof documentFile>, bytesHash: string) => {
    const hash = extractionHash({ ...identity, contentHash: bytesHash }, options.sources.documents[identity.name]);
    const named = lookup.bySlug(identity.slug);
    return { named, hash, unchanged: named?.path === identity.path && named.codebookHash === book.hash && named.extractionHash === hash };
  };

  const threads = workerThreads(walk.files.length, options.threads);
  const pool = threads > 0 ? new ExtractionPool(threads, book, options.sources, root) : null;
  let next = 0;
  /** Hands the files after `index` to the workers, up to a few each; a file that looks unchanged now is left to be looked up. */
  const readAhead = (index: number) => {
    if (!pool) return;
    for (next = Math.max(next, index + 1); next < walk.files.length && pool.inFlight < threads * AHEAD_PER_THREAD; next++) {
      const file = walk.files[next] as string;
      try {
        if (statSync(file).size > Math.min(maxBytes, POOL_MAX_BYTES)) continue;
        const bytes = readBytes(file);
        const bytesHash = sha256(bytes);
        if (storedState(documentFile(file, root), bytesHash).unchanged) continue;
        if (!pool.submit(file, bytes, bytesHash)) break;
      } catch {
        // Left to its turn, which reads it again and reports what is wrong with it.
      }
    }
  };

  const readOne = (file: string, final: boolean): DocumentOutcome | "deferred" => {
    const path = display(file);
    const outcome: DocumentOutcome = { file: path, slug: null, status: "failed", tables: 0, stances: 0, duplicateOf: null, error: null };
    try {
      const size = statSync(file).size;
      if (size > maxBytes)
        throw new DocumentError(path, null, `${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; not read (raise the limit with --max-bytes to read it)`);
      const identity = documentFile(file, root);
      const claimName = () => {
        const owner = names.get(identity.slug);
        if (owner && owner !== identity.path)
          throw new DocumentError(identity.path, null, `same name as ${owner}: documents are named after their file (without extension), so rename one of them`);
        names.set(identity.slug, identity.path);
      };
      // Unchanged is decided on the bytes and what reading depends on, before anything is decoded.
      const bytes = readBytes(file);
      const bytesHash = sha256(bytes);
      const { named, hash, unchanged } = storedState(identity, bytesHash);
      if (named && unchanged) {
        claimName();
        holders.set(named.contentHash, named);
        for (const note of named.readWarnings) warnings.push({ file: named.path, ...note });
        return { ...outcome, slug: named.slug, status: "unchanged", ...lookup.counts(named.id) };
      }

      // A worker's reading of the same bytes, when the pool read it ahead.
      const early = pool?.take(file);
      const ready = early?.contentHash === bytesHash ? early : null;
      const document = unwrap(ready?.read ?? readStep(file, options.sources, root, bytes));
      outcome.file = document.path;
      outcome.slug = document.slug;
      const contentHash = contentFingerprint(document.text);
      const replaces: number[] = [];

      let original = holders.get(contentHash);
      if (!original) {
        const stored = lookup.byContent(contentHash, document.path);
        // Its stored twin is read later in this run and may have changed: decide once it has been.
        if (stored && !final && pending.has(stored.path)) return "deferred";
        if (stored && !isGone(resolve(root, stored.path))) original = stored;
        else if (stored) {
          replaces.push(stored.id);
          warnings.push({ file: document.path, line: null, message: `takes the place of ${stored.path} (same content; that file is gone)` });
        }
      }
      for (const note of document.warnings) warnings.push({ file: document.path, ...note });
      if (original && original.path !== document.path) {
        recordCopy(db, original.id, document.path);
        warnings.push({ file: document.path, line: null, message: `same content as ${original.path}; stored once, as ${original.path}` });
        return { ...outcome, slug: original.slug, status: "duplicate", duplicateOf: original.path };
      }

      claimName();
      if (named && named.path !== document.path && !replaces.includes(named.id)) {
        if (!isGone(resolve(root, named.path)))
          throw new DocumentError(
            document.path,
            null,
            `a different document, ${named.path}, is already stored under the name "${document.slug}": documents are named after their file (without extension), so rename one of them`,
          );
        warnings.push({ file: document.path, line: null, message: `takes the place of ${named.path} (same name; that file is gone)` });
      }

      const extraction = unwrap(ready?.extract ?? extractStep(document, book));
      for (const note of extraction.notes) warnings.push({ file: document.path, ...note });
      const same = named?.path === document.path && named.contentHash === contentHash;
      const copies = same ? named.duplicatePaths.filter((copy) => !isGone(resolve(root, copy))) : [];
      const id = loadDocument(db, { document, contentHash, extractionHash: hash, duplicatePaths: copies, replaces }, extraction, book, score, now().toISOString());
      holders.set(contentHash, { id, path: document.path, slug: document.slug });
      return { ...outcome, status: "loaded", tables: extraction.tables.length, stances: extraction.stances.length };
    } catch (err) {
      return { ...outcome, status: "failed", error: describeError(outcome.file, err, root) };
    }
  };

  const deferred: string[] = [];
  try {
    walk.files.forEach((file, index) => {
      options.onProgress?.(index, walk.files.length, display(file));
      pending.delete(display(file));
      readAhead(index);
      const outcome = readOne(file, false);
      // A reading ahead that its turn did not need (the file was unchanged after all) is not waited for.
      pool?.forget(file);
      if (outcome === "deferred") deferred.push(file);
      else outcomes.push(outcome);
    });
  } finally {
    pool?.close();
  }
  for (const file of deferred) outcomes.push(readOne(file, true) as DocumentOutcome);
  options.onProgress?.(walk.files.length, walk.files.length, "");
  outcomes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  pruneOrphanIssues(db, book);
  const scoring = rescore(db, book, options.overrides ?? []);
  for (const key of scoring.unknownOverrides)
    warnings.push({ file: options.overridesFile ?? "overrides", line: null, message: `override for stance "${key}", which no longer exists; ignored` });

  const slugs = outcomes.flatMap((o) => (o.slug && o.status !== "failed" ? [o.slug] : []));
  const byIssue = new Map<string, { issue: string; us: number; co: number }>();
  const counted = slugs.length
    ? db
        .select({ issue: stances.issueSlug, actor: stances.actorId, n: sql<number>`count(*)` })
        .from(stances)
        .innerJoin(documents, and(eq(documents.id, stances.documentId), inArray(documents.slug, [...new Set(slugs)])))
        .groupBy(stances.issueSlug, stances.actorId)
        .all()
    : [];
  for (const row of counted) {
    const entry = byIssue.get(row.issue) ?? { issue: row.issue, us: 0, co: 0 };
    if (row.actor === "us" || row.actor === "co") entry[row.actor] = row.n;
    byIssue.set(row.issue, entry);
  }

  const report: IngestReport = {
    startedAt,
    finishedAt: now().toISOString(),
    outcomes,
    removed,
    skipped,
    warnings,
    stancesByIssue: [...byIssue.values()].sort((a, b) => a.issue.localeCompare(b.issue)),
    scoring,
  };
  const count = (...statuses: DocumentOutcome["status"][]) => outcomes.filter((o) => statuses.includes(o.status)).length;
  db.insert(ingestRuns)
    .values({
      startedAt,
      finishedAt: report.finishedAt,
      documentsSeen: outcomes.length,
      documentsChanged: count("loaded"),
      documentsUnchanged: count("unchanged", "duplicate"),
      documentsFailed: count("failed"),
      tables: outcomes.reduce((n, o) => n + o.tables, 0),
      stances: outcomes.reduce((n, o) => n + o.stances, 0),
      warnings: [
        ...skipped,
        ...warnings,
        ...removed.map((r) => ({ file: r.file, line: null, message: "file gone; removed" })),
        ...outcomes.flatMap((o) => (o.error ? [{ file: o.file, line: null, message: o.error }] : [])),
      ],
    })
    .run();
  return report;
}

/** The exit code of a run: 1 when any document or folder entry could not be read, else 0. */
export function exitCode(report: IngestReport): number {
  return report.outcomes.some((o) => o.status === "failed") || report.skipped.length > 0 ? 1 : 0;
}
