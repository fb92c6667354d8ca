import type { ActorId, Codebook } from "./codebook";
import { findActorMentions, matchIssue } from "./codebook";
import type { ParsedTable, SourceSpan } from "./parse";
import type { ExtractedStance, IngestNote, IssueRef } from "./stance";
import { issueForLabel, UNCLASSIFIED } from "./stance";

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

const ISSUE_HEADER = /\b(issue|issues|topic|area|theme|policy area|tema|temas|asunto|cuestion|ambito)\b/i;

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
  const noteOther = (issue: IssueRef, line: number | null, why: string) => {
    if (issue.kind === "other")
      base.notes.push({ line, message: `${why} matches none of the codebook issues; stored as other issue "${issue.label}"` });
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
          const { issue, evidence } = issueForLabel(label, book);
          if (r === 0) noteOther(issue, table.lineStart, `column "${label}"`);
          stance(actor, issue, evidence, cell, r, c + 1);
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
    otherColumns.find((column) => ISSUE_HEADER.test(table.header[column]?.text ?? "")) ?? otherColumns[0];
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
      resolved = issueForLabel(label, book);
      noteOther(resolved.issue, line, `issue "${label}"`);
    } else {
      const match = matchIssue(actorColumns.map(({ column }) => row[column]?.text ?? "").join("\n"), book);
      resolved = match
        ? { issue: { slug: match.issue.slug, label: match.issue.label, kind: "codebook" }, evidence: match.evidence }
        : { issue: UNCLASSIFIED, evidence: "" };
      if (!match)
        base.notes.push({
          line,
          message: `table ${ordinal} row ${r + 1}: no issue named in its cells; stored as other issue "Unclassified"`,
        });
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
