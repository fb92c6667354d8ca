import type { Codebook } from "./codebook";
import { type DocumentExtraction, extractDocument } from "./extract";
import { deepestNesting, MAX_EMPHASIS_MARKS, MAX_NESTING, mostEmphasisMarks } from "./limits";
import { DocumentError, readDocument, type SourceDocument, type SourcesFile } from "./read";

/**
 * The two pure steps of ingesting a file — reading it, then extracting its stances — with what each
 * threw kept as plain data, so a worker thread can take them (pool.ts) and the pipeline still raises
 * each error at the point of the run where it belongs (a duplicate's extraction error is never seen).
 */

/** An error as data that crosses threads; `unwrap` raises it again as the class the pipeline tells apart. */
export type StepError = { kind: "document"; file: string; line: number | null; problem: string } | { kind: "range" | "error"; message: string };

export type Step<T> = { ok: T } | { error: StepError };

function step<T>(work: () => T): Step<T> {
  try {
    return { ok: work() };
  } catch (err) {
    if (err instanceof DocumentError) return { error: { kind: "document", file: err.file, line: err.line, problem: err.problem } };
    return { error: { kind: err instanceof RangeError ? "range" : "error", message: err instanceof Error ? err.message : String(err) } };
  }
}

/** The step's value, or its error raised again. */
export function unwrap<T>(done: Step<T>): T {
  if ("ok" in done) return done.ok;
  const error = done.error;
  if (error.kind === "document") throw new DocumentError(error.file, error.line, error.problem);
  throw error.kind === "range" ? new RangeError(error.message) : new Error(error.message);
}

export function readStep(file: string, sources: SourcesFile, root: string, bytes: Buffer): Step<SourceDocument> {
  return step(() => readDocument(file, sources, root, bytes));
}

/** Refuses text nested deeper, or with more emphasis marks, than the parser can take, naming the line, before it is parsed. */
function checkNesting(document: SourceDocument): void {
  const marks = mostEmphasisMarks(document.body);
  if (marks.count > MAX_EMPHASIS_MARKS)
    throw new DocumentError(
      document.path,
      marks.line,
      `${marks.count} emphasis marks (* or _) in one paragraph (at most ${MAX_EMPHASIS_MARKS} are read): remove the runs of * or _`,
    );
  const deepest = deepestNesting(document.body);
  if (deepest.depth <= MAX_NESTING) return;
  const problem =
    deepest.what === "brackets"
      ? `${deepest.depth} brackets open at once (links or brackets nested ${deepest.depth} deep; at most ${MAX_NESTING} are read): remove the unmatched or nested brackets`
      : `lists and quotes nested ${deepest.depth} deep (at most ${MAX_NESTING} levels are read): flatten the nesting`;
  throw new DocumentError(document.path, deepest.line, problem);
}

export function extractStep(document: SourceDocument, book: Codebook): Step<DocumentExtraction> {
  return step(() => {
    checkNesting(document);
    return extractDocument(document, book);
  });
}

/** A file read and extracted ahead of its turn; `contentHash` is of the bytes it was given, so a file changed since is read again. */
export interface Prepared {
  contentHash: string;
  read: Step<SourceDocument>;
  extract: Step<DocumentExtraction> | null;
}

export function prepare(file: string, bytes: Buffer, contentHash: string, sources: SourcesFile, root: string, book: Codebook): Prepared {
  const read = readStep(file, sources, root, bytes);
  return { contentHash, read, extract: "ok" in read ? extractStep(read.ok, book) : null };
}
