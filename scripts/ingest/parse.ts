import type { Nodes, Root, Table, TableCell } from "mdast";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { type Processor, unified } from "unified";
import type { NormalizedText } from "./blocks";
import { CHUNK_CHARS, splitIntoChunks } from "./chunks";
import { oneByte } from "./fold";

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

/**
 * The document's blocks in reading order, for the stages that need context: issue sections (a
 * heading and what follows it) and prose (paragraphs, with the sentence before for pronouns).
 * `heading` is a Markdown heading; a plain-text heading line arrives as a paragraph.
 */
export type ParsedBlock =
  | { type: "heading"; depth: number; span: SourceSpan }
  | { type: "paragraph"; span: SourceSpan; container: "root" | "blockquote" | "listItem" }
  | { type: "listItem"; span: SourceSpan; depth: number }
  | { type: "table"; table: ParsedTable };

export interface ParsedDocument {
  tables: ParsedTable[];
  listItems: ParsedListItem[];
  blocks: ParsedBlock[];
}

/** GitHub's Markdown as remark-gfm reads it. */
const gfm = unified().use(remarkParse).use(remarkGfm);

/** The same less its literal autolinks ("www.…", "https://…", e-mail addresses): looking for them at every letter was a third of parsing. */
function gfmWithoutAutolinks(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
  data.fromMarkdownExtensions = [
    ...(data.fromMarkdownExtensions ?? []),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ];
}
const gfmNoAutolinks = unified().use(remarkParse).use(gfmWithoutAutolinks);

/**
 * remark-gfm's literal autolinks need an "@", "www" or "http" (its tokenizer and its tree transform alike): a part with
 * none parses to the same blocks and spans without them, and a part with one is parsed by remark-gfm whole, so every
 * span stays remark-gfm's, even where its tree transform loses a cell's first position (tests/unit/parse.test.ts).
 */
const MAY_AUTOLINK = /@|www|http/i;

/** A long text is parsed part by part (chunks.ts), so the parser's memory stays that of one part. */
export function parseMarkdown(normalized: NormalizedText, chunkChars = CHUNK_CHARS): ParsedDocument {
  const parts = splitIntoChunks(normalized, chunkChars).map(parseChunk);
  if (parts.length === 1) return parts[0] as ParsedDocument;
  return {
    tables: parts.flatMap((part) => part.tables),
    listItems: parts.flatMap((part) => part.listItems),
    blocks: parts.flatMap((part) => part.blocks),
  };
}

function parseChunk(normalized: NormalizedText): ParsedDocument {
  const tree = (MAY_AUTOLINK.test(normalized.text) ? gfm : gfmNoAutolinks).parse(normalized.text) as Root;
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
      // A span without curly quotes or dashes is read one byte a character (fold.ts), though its document is not.
      text: oneByte(normalized.text.slice(start.offset, end.offset)),
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

  const document: ParsedDocument = { tables: [], listItems: [], blocks: [] };
  const walk = (nodes: Nodes[], container: "root" | "blockquote" | "listItem", listDepth: number) => {
    for (const node of nodes) {
      if (node.type === "table") {
        const table = tableOf(node);
        document.tables.push(table);
        document.blocks.push({ type: "table", table });
      } else if (node.type === "heading") {
        if (node.children.length) document.blocks.push({ type: "heading", depth: node.depth, span: span(node, node) });
      } else if (node.type === "paragraph") {
        document.blocks.push({ type: "paragraph", span: span(node, node), container });
      } else if (node.type === "list") {
        for (const item of node.children) {
          const [lead, ...rest] = item.children;
          if (lead?.type === "paragraph") {
            const itemSpan = span(lead, lead);
            document.listItems.push(itemSpan);
            document.blocks.push({ type: "listItem", span: itemSpan, depth: listDepth + 1 });
          }
          walk(lead?.type === "paragraph" ? rest : item.children, "listItem", listDepth + 1);
        }
      } else if (node.type === "blockquote") walk(node.children, "blockquote", listDepth);
    }
  };
  walk(tree.children, "root", 0);
  return document;
}
