import type { Writable } from "node:stream";
import ExcelJS from "exceljs";

/** One dataset as a sheet: the download's own columns and rows (db/export.ts), in the same order. */
export interface WorkbookSheet {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rule for sheet names). */
  name: string;
  columns: readonly string[];
  rows: Iterable<Record<string, unknown>>;
  /** What a row is, and which of the filters the sheet applies. */
  description: string;
}

export interface WorkbookSource {
  document: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
}

/** The first sheet: what the workbook is, the filters it was made with, how to cite it, and its sources. */
export interface WorkbookAbout {
  title: string;
  generatedAt: Date;
  filters: { name: string; value: string }[];
  citation: string;
  notes: string[];
  sources: WorkbookSource[];
}

/** Columns of running text get room; the rest are as wide as their name. */
const WIDE = new Set(["stance", "citation", "document_title", "title", "position_cues", "source_url", "url", "published_evidence", "pole_negative", "pole_positive"]);
const width = (column: string) => (WIDE.has(column) ? 48 : Math.max(10, column.length + 2));

/** A download value as a cell: numbers stay numbers, text stays exactly as written (a cell is never a formula), null is empty. */
function cell(value: unknown): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === "number" ? value : String(value);
}

/** Resolves when `out` can take more, or is gone. */
const drained = (out: Writable) =>
  new Promise<void>((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });

/** Rows are written this many at a time before the writer waits for the reader (a slow client must not fill memory). */
const PACE = 500;

/**
 * Writes an .xlsx workbook to `out` as it goes (exceljs's streaming writer): the About sheet first in the
 * workbook, though it is filled last, so it can give each sheet's row count. Stops early when `out` is
 * destroyed (the reader went away). Resolves with the rows written per sheet.
 */
export async function writeWorkbook(out: Writable, sheets: WorkbookSheet[], about: WorkbookAbout): Promise<number[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Parallax";
  workbook.created = about.generatedAt;
  const aboutSheet = workbook.addWorksheet("About");
  const counts: number[] = [];
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({ header: column, key: column, width: width(column) }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    let count = 0;
    for (const row of sheet.rows) {
      if (out.destroyed) throw new Error("workbook reader went away");
      worksheet.addRow(sheet.columns.map((column) => cell(row[column]))).commit();
      if (++count % PACE === 0 && out.writableNeedDrain) await drained(out);
    }
    worksheet.commit();
    counts.push(count);
  }

  aboutSheet.columns = [{ width: 22 }, { width: 60 }, { width: 36 }, { width: 14 }, { width: 48 }];
  const add = (values: (string | number | undefined)[], bold = false) => {
    const row = aboutSheet.addRow(values);
    if (bold) row.font = { bold: true };
    row.commit();
  };
  const title = aboutSheet.addRow([about.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  add(["Generated", about.generatedAt.toISOString()]);
  for (const filter of about.filters) add([`Filter: ${filter.name}`, filter.value]);
  add(["How to cite", about.citation]);
  for (const note of about.notes) add(["Note", note]);
  add([]);
  add(["Sheet", "What a row is", "Rows"], true);
  sheets.forEach((sheet, i) => {
    add([sheet.name, sheet.description, counts[i]]);
  });
  add([]);
  add(["Sources"], true);
  add(["document", "title", "outlet", "published", "url"], true);
  for (const source of about.sources) add([source.document, source.title ?? undefined, source.outlet ?? undefined, source.published ?? undefined, source.url ?? undefined]);
  aboutSheet.commit();
  await workbook.commit();
  return counts;
}
