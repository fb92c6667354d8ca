import { readFileSync } from "node:fs";
import { loadCodebook } from "../ingest/codebook";
import { extractDocument } from "../ingest/extract";
import { loadSources, readDocument } from "../ingest/read";
import { stanceScorer } from "../ingest/rescore";
import { loadGold, locate } from "./gold";
import { type DocumentResult, type EvalDocument, emptyTally, scoreDocument, type Tally } from "./metrics";

/**
 * Runs extraction on every gold document and scores it: tallies per group ("all", "kind:prose",
 * "lang:es", "split:heldout", "issues:four", "rule:…") and, per document, what was missed and
 * what was wrong. Positions are the dictionary scores the stances would get at ingest.
 */
export function evaluate(goldFolder: string, codebookFile: string, sourcesFile = "seeds/sources.json") {
  const book = loadCodebook(codebookFile);
  const sources = loadSources(sourcesFile);
  const score = stanceScorer(book, []);
  const tallies = new Map<string, Tally>();
  const count = (keys: string[], update: (t: Tally) => void) => {
    for (const key of keys) {
      const tally = tallies.get(key) ?? emptyTally();
      update(tally);
      tallies.set(key, tally);
    }
  };
  const details: { name: string; split: string; result: DocumentResult }[] = [];
  for (const gold of loadGold(goldFolder)) {
    const lines = readFileSync(gold.document, "utf8").split(/\r\n|\r|\n/);
    const document = readDocument(gold.document, sources);
    const extraction = extractDocument(document, book);
    const doc: EvalDocument = {
      name: gold.document,
      lang: gold.lang,
      split: gold.split,
      gold: gold.stances.map((g) => ({ ...g, span: locate(gold.file, lines, g.line, g.phrase) })),
      negatives: gold.negatives.map((n) => ({ ...n, span: locate(gold.file, lines, n.line, n.phrase) })),
      stances: extraction.stances.map((s) => ({
          actor: s.actor,
          issue: s.issue.slug,
          issueKind: s.issue.kind,
          kind: s.kind,
          rule: s.rule,
          confidence: s.confidence,
          lineStart: s.span.lineStart,
          lineEnd: s.span.lineEnd,
          columnStart: s.span.columnStart,
          columnEnd: s.span.columnEnd,
          position: score("", { issueSlug: s.issue.slug, actor: s.actor, kind: s.kind, text: s.span.text }).score,
          text: s.span.text,
      })),
    };
    details.push({ name: gold.document, split: gold.split, result: scoreDocument(doc, count) });
  }
  return { tallies, details };
}
