import type { Nodes, Root, Table, TableCell } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { NormalizedText } from "./blocks";

/** A span of the original document: 1-based lines, 0-based UTF-16 columns within lineStart. */
export interface SourceSpan {
  text: string;
  lineStart: number;
  lineEnd: number;
  columnStart: number;
  columnEnd: number;
}

export interface ParsedTable {
  header: SourceSpan[];
  rows: SourceSpan[][];
  rowLines: number[];
  lineStart: number;
  lineEnd: number;
}

export interface ParsedListItem extends SourceSpan {}

export interface ParsedDocument {
  tables: ParsedTable[];
  listItems: ParsedListItem[];
}

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(normalized: NormalizedText): ParsedDocument {
  const tree = processor.parse(normalized.text) as Root;
  const lineOf = (normalizedLine: number) => normalized.originalLine[normalizedLine - 1] ?? 0;

  /** The exact source text covered by a node's children (not its markup), mapped to original lines. */
  const span = (node: Nodes & { children?: Nodes[] }, fallback: Nodes): SourceSpan => {
    const children = node.children ?? [];
    const first = children[0]?.position ?? fallback.position;
    const last = children[children.length - 1]?.position ?? fallback.position;
    if (!first || !last) throw new Error("remark returned a node without a position");
    const start = first.start;
    const end = children.length === 0 ? first.start : last.end;
    return {
      text: normalized.text.slice(start.offset, end.offset),
      lineStart: lineOf(start.line),
      lineEnd: lineOf(end.line),
      columnStart: start.column - 1,
      columnEnd: end.column - 1,
    };
  };

  const tableOf = (table: Table): ParsedTable => {
    const [headerRow, ...bodyRows] = table.children;
    const cells = (cells: TableCell[]) => cells.map((cell) => span(cell, cell));
    const position = table.position;
    if (!headerRow || !position) throw new Error("remark returned a table without a header row");
    return {
      header: cells(headerRow.children),
      rows: bodyRows.map((row) => cells(row.children)),
      rowLines: bodyRows.map((row) => lineOf(row.position?.start.line ?? 0)),
      lineStart: lineOf(position.start.line),
      lineEnd: lineOf(position.end.line),
    };
  };

  const document: ParsedDocument = { tables: [], listItems: [] };
  const walk = (nodes: Nodes[]) => {
    for (const node of nodes) {
      if (node.type === "table") document.tables.push(tableOf(node));
      else if (node.type === "list") {
        for (const item of node.children) {
          const [lead, ...rest] = item.children;
          if (lead?.type === "paragraph") document.listItems.push(span(lead, lead));
          walk(rest);
        }
      } else if (node.type === "blockquote") walk(node.children);
    }
  };
  walk(tree.children);
  return document;
}
