import type { ActorId, Codebook } from "./codebook";
import { findActorMentions, matchIssue, namedIssues } from "./codebook";
import { fold } from "./fold";
import type { ParsedTable, SourceSpan } from "./parse";
import type { ExtractedStance, IngestNote, IssueRef } from "./stance";
import { issueForLabel, type LabelIssue, otherIssueNote, UNCLASSIFIED } from "./stance";

export type TableLayout = "issue-column" | "issue-from-content" | "transposed" | "no-actors";

/** A cell under an actor's column is unambiguous; a row whose issue is read from its cells less so. */
const LAYOUT_CONFIDENCE: Record<Exclude<TableLayout, "no-actors">, number> = {
  "issue-column": 1,
  transposed: 1,
  "issue-from-content": 0.9,
};

export interface ExtractedTable {
  ordinal: number;
  table: ParsedTable;
  layout: TableLayout;
  note: string | null;
  stances: ExtractedStance[];
  notes: IngestNote[];
}

/** Header words that name the issue column, matched on the folded header ("Ámbito", "Cuestión"). */
const ISSUE_HEADER =
  /(?<![\p{L}\p{N}])(?:issues?|topics?|areas?|themes?|subjects?|questions?|matters?|policy areas?|agenda|temas?|asuntos?|cuestion(?:es)?|ambitos?|ejes?|materias?)(?![\p{L}\p{N}])/u;
/** Header words of a date column, which is never the issue column. */
const DATE_HEADER = /(?<![\p{L}\p{N}])(?:dates?|dated|when|day|month|year|fechas?|dia|mes|ano|cuando)(?![\p{L}\p{N}])/u;
const MONTH =
  "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
/** A cell that is a date: 2026-02-03, 3/2/2026, 3 Feb 2026, February 3, 2026, 3 de febrero de 2026. */
const DATE_CELL = new RegExp(
  `^(?:\\d{4}-\\d{1,2}(?:-\\d{1,2})?|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{1,2}\\.?\\s+(?:de\\s+)?(?:${MONTH})\\.?(?:\\s+(?:de\\s+)?\\d{4})?|(?:${MONTH})\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?|(?:${MONTH})\\s+(?:de\\s+)?\\d{4})$`,
  "u",
);

/** A column of dates (by its header or by every filled cell): it dates the rows, it does not name their issue. */
function isDateColumn(table: ParsedTable, column: number): boolean {
  if (DATE_HEADER.test(fold(table.header[column]?.text ?? ""))) return true;
  const cells = table.rows.map((row) => fold(row[column]?.text ?? "").trim()).filter(Boolean);
  return cells.length > 0 && cells.every((cell) => DATE_CELL.test(cell));
}

/** The one actor a header or cell names, or null when it names none or both. */
function soleActor(text: string, book: Codebook): ActorId | null {
  const actors = new Set(findActorMentions(text, book).map((hit) => hit.target.id));
  return actors.size === 1 ? ([...actors][0] as ActorId) : null;
}

function headerText(table: ParsedTable): string {
  return table.header.map((cell) => cell.text).join(" | ");
}

export function extractTable(table: ParsedTable, ordinal: number, book: Codebook): ExtractedTable {
  const header = table.header.map((cell) => soleActor(cell.text, book));
  const actorColumns = header.flatMap((actor, column) => (actor ? [{ actor, column }] : []));
  const base = { ordinal, table, notes: [] as IngestNote[], stances: [] as ExtractedStance[] };
  // Set once the table's layout is known, before any stance is read from it.
  let layout: Exclude<TableLayout, "no-actors"> = "issue-column";
  const stance = (actor: ActorId, issue: IssueRef, evidence: string, cell: SourceSpan, row: number, column: number) =>
    base.stances.push({
      rule: `table:${layout}`,
      confidence: LAYOUT_CONFIDENCE[layout],
      actor,
      issue,
      issueEvidence: evidence,
      kind: "table",
      span: cell,
      table: { ordinal, row: row + 1, column: column + 1 },
    });
  const noteOther = (found: LabelIssue, line: number | null, what: string) => {
    if (found.issue.kind === "other") base.notes.push({ line, message: otherIssueNote(what, found) });
  };

  if (actorColumns.length === 0) {
    const rowActors = table.rows.map((row) => (row[0] ? soleActor(row[0].text, book) : null));
    const issueColumns = table.header.slice(1).filter((cell) => matchIssue(cell.text, book)).length;
    if (issueColumns > 0 && rowActors.some((actor) => actor)) {
      layout = "transposed";
      table.rows.forEach((row, r) => {
        const actor = rowActors[r];
        if (!actor) {
          base.notes.push({ line: table.rowLines[r] ?? null, message: `row ${r + 1} names no actor in its first cell; skipped` });
          return;
        }
        row.slice(1).forEach((cell, c) => {
          const label = table.header[c + 1]?.text ?? "";
          if (!cell.text.trim()) return;
          const found = issueForLabel(label, book);
          if (r === 0) noteOther(found, table.lineStart, `column "${label}"`);
          stance(actor, found.issue, found.evidence, cell, r, c + 1);
        });
      });
      return { ...base, layout, note: "actors in the first column, issues in the header" };
    }
    const note = `no column header names the United States or Colombia (${headerText(table)}); stored without stances`;
    base.notes.push({ line: table.lineStart, message: `table ${ordinal}: ${note}` });
    return { ...base, layout: "no-actors", note };
  }

  const otherColumns = header.flatMap((actor, column) => (actor ? [] : [column]));
  const issueColumn =
    otherColumns.find((column) => ISSUE_HEADER.test(fold(table.header[column]?.text ?? ""))) ??
    otherColumns.find((column) => !isDateColumn(table, column));
  for (const column of otherColumns) {
    if (column !== issueColumn)
      base.notes.push({
        line: table.lineStart,
        message: `table ${ordinal}: column "${table.header[column]?.text}" names no actor and is not the issue column; its cells are not stances`,
      });
  }

  layout = issueColumn === undefined ? "issue-from-content" : "issue-column";
  table.rows.forEach((row, r) => {
    const line = table.rowLines[r] ?? null;
    let resolved: { issue: IssueRef; evidence: string };
    if (issueColumn !== undefined) {
      const label = row[issueColumn]?.text.trim() ?? "";
      if (!label) {
        base.notes.push({ line, message: `table ${ordinal} row ${r + 1}: empty issue cell; row skipped` });
        return;
      }
      const found = issueForLabel(label, book);
      noteOther(found, line, `issue "${label}"`);
      resolved = found;
    } else {
      const cells = actorColumns.map(({ column }) => row[column]?.text ?? "").join("\n");
      const match = matchIssue(cells, book);
      resolved = match
        ? { issue: { slug: match.issue.slug, label: match.issue.label, kind: "codebook" }, evidence: match.evidence }
        : { issue: UNCLASSIFIED, evidence: "" };
      if (!match) {
        const named = namedIssues(cells, book).map((n) => n.issue.label);
        const why = named.length ? `its cells name ${named.join(" and ")} equally often` : "no issue named in its cells";
        base.notes.push({ line, message: `table ${ordinal} row ${r + 1}: ${why}; stored as other issue "Unclassified"` });
      }
    }
    for (const { actor, column } of actorColumns) {
      const cell = row[column];
      if (cell?.text.trim()) stance(actor, resolved.issue, resolved.evidence, cell, r, column);
    }
  });
  return {
    ...base,
    layout,
    note: layout === "issue-from-content" ? "no issue column: each row's issue is read from its cells" : null,
  };
}
