import type { PdfLine } from "./pdf";

/** Lines [start, end) of a page that form a table, rendered as a Markdown pipe table (header first). */
export interface TableRegion {
  start: number;
  end: number;
  markdown: string[];
}

interface Column {
  x0: number;
  x1: number;
}

/** Prose set in two page columns also lines up in columns; its "cells" are whole paragraphs. */
const MAX_MEAN_CELL_WORDS = 15;

const overlaps = (a: Column, b: Column) => a.x0 < b.x1 && b.x0 < a.x1;

/**
 * The columns a run of lines shares, grown line by line from a line with two or more segments;
 * the run ends at a line with a segment spanning two columns (a paragraph), or at a wide gap.
 */
function growRegion(lines: PdfLine[], start: number, bodySize: number): { end: number; columns: Column[] } {
  const columns: Column[] = (lines[start] as PdfLine).segments.map((s) => ({ x0: s.x0, x1: s.x1 }));
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end] as PdfLine;
    if ((lines[end - 1] as PdfLine).y - line.y > bodySize * 3.5) break;
    const hits = line.segments.map((segment) => columns.filter((column) => overlaps(column, segment)));
    if (hits.some((hit) => hit.length > 1)) break;
    line.segments.forEach((segment, k) => {
      const [column] = hits[k] as Column[];
      if (column) {
        column.x0 = Math.min(column.x0, segment.x0);
        column.x1 = Math.max(column.x1, segment.x1);
      } else columns.push({ x0: segment.x0, x1: segment.x1 });
    });
    columns.sort((a, b) => a.x0 - b.x0);
  }
  return { end, columns };
}

/** Lines grouped into rows: by the extra space between rows where there is some, else a new row per filled first cell. */
function groupRows(lines: PdfLine[], columns: Column[], bodySize: number): PdfLine[][] {
  const columnOf = (x0: number, x1: number) => columns.findIndex((c) => overlaps(c, { x0, x1 }));
  const steps: number[] = [];
  columns.forEach((_, c) => {
    const ys = lines.filter((line) => line.segments.some((s) => columnOf(s.x0, s.x1) === c)).map((line) => line.y);
    for (let k = 1; k < ys.length; k++) steps.push((ys[k - 1] as number) - (ys[k] as number));
  });
  const leading = Math.min(...steps.filter((s) => s >= bodySize * 0.8), bodySize * 1.2);
  const byGap: PdfLine[][] = [];
  lines.forEach((line, k) => {
    const previous = lines[k - 1];
    if (!previous || previous.y - line.y > leading * 1.2) byGap.push([line]);
    else byGap[byGap.length - 1]?.push(line);
  });
  if (byGap.length >= 2) return byGap;
  const byFirstCell: PdfLine[][] = [];
  for (const line of lines) {
    const startsRow = line.segments.some((s) => columnOf(s.x0, s.x1) === 0);
    if (startsRow || byFirstCell.length === 0) byFirstCell.push([line]);
    else byFirstCell[byFirstCell.length - 1]?.push(line);
  }
  return byFirstCell;
}

function cellsOf(row: PdfLine[], columns: Column[]): string[] {
  const cells = columns.map(() => "");
  for (const line of row)
    for (const segment of line.segments) {
      const c = columns.findIndex((column) => overlaps(column, segment));
      const before = cells[c] ?? "";
      cells[c] = before === "" ? segment.text : /[-‑/]$/.test(before) ? before + segment.text : `${before} ${segment.text}`;
    }
  return cells;
}

const pipeRow = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;

/**
 * Tables on a page, found from text positions alone: two or more columns that several lines
 * share. A cell's wrapped lines are joined; the first row is the header. Trailing rows with a
 * single filled cell (a note or paragraph under the table) are left to the text.
 */
export function layoutTable(lines: PdfLine[], bodySize: number): TableRegion[] {
  const regions: TableRegion[] = [];
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as PdfLine).segments.length < 2) continue;
    const { end, columns } = growRegion(lines, i, bodySize);
    const region = lines.slice(i, end);
    if (columns.length < 2 || region.filter((line) => line.segments.length >= 2).length < 2) continue;
    const rows = groupRows(region, columns, bodySize);
    let cells = rows.map((row) => cellsOf(row, columns));
    while (cells.length > 2 && (cells[cells.length - 1] as string[]).filter((c) => c !== "").length < 2) {
      cells = cells.slice(0, -1);
      rows.pop();
    }
    const filled = cells.flat().filter((c) => c !== "");
    const meanWords = filled.reduce((n, c) => n + c.split(/\s+/).length, 0) / Math.max(1, filled.length);
    if (cells.length < 2 || meanWords > MAX_MEAN_CELL_WORDS) continue;
    const used = rows.reduce((n, row) => n + row.length, 0);
    const [header, ...body] = cells as [string[], ...string[][]];
    regions.push({
      start: i,
      end: i + used,
      markdown: [pipeRow(header), pipeRow(columns.map(() => "---")), ...body.map(pipeRow)],
    });
    i += used - 1;
  }
  return regions;
}
