import type { Element, Root as HastRoot } from "hast";
import type { Parents, PhrasingContent, Text } from "mdast";
import type { State } from "mdast-util-to-markdown";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";

type Info = Parameters<State["containerPhrasing"]>[1];

/** Inline markup is dropped: what the reader sees is the words, and stance text is sliced from this rendering. */
const plainPhrasing = (node: Parents & { children: PhrasingContent[] }, _parent: unknown, state: State, info: Info) =>
  state.containerPhrasing(node, info);

const inTableCell = (state: State) => state.stack.includes("tableCell");

/**
 * HTML → Markdown in which every block keeps its shape (headings, paragraphs one per line, lists,
 * pipe tables) and every text is exactly the text a reader sees: no escapes (`\*`, `\_`), no
 * emphasis or link markup. Only a `|` inside a table cell is escaped, or the row would split.
 */
const toMarkdown = unified()
  .use(rehypeRemark)
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStringify, {
    bullet: "-",
    handlers: {
      text: (node: Text, _parent: unknown, state: State) =>
        inTableCell(state) ? node.value.replace(/\s+/g, " ").replaceAll("|", "\\|") : node.value,
      emphasis: plainPhrasing,
      strong: plainPhrasing,
      delete: plainPhrasing,
      link: plainPhrasing,
      linkReference: plainPhrasing,
      inlineCode: (node: { value: string }) => node.value,
      image: () => "",
      imageReference: () => "",
      html: () => "",
      break: (_node: unknown, _parent: unknown, state: State) => (inTableCell(state) ? " " : "\n"),
    },
  });

const isElement = (node: unknown, tag: string): node is Element =>
  typeof node === "object" && node !== null && (node as Element).type === "element" && (node as Element).tagName === tag;

/**
 * Word tables (and many web tables) mark no header row; a pipe table needs one, and a stance
 * table's first row is its header, so a table without <thead> or <th> gets its first row as header.
 */
function promoteFirstRow(tree: HastRoot): void {
  visit(tree, "element", (table: Element) => {
    if (table.tagName !== "table") return;
    const rows: Element[] = [];
    visit(table, "element", (node: Element) => {
      if (node.tagName === "tr") rows.push(node);
    });
    const [first] = rows;
    if (!first || table.children.some((child) => isElement(child, "thead"))) return;
    if (first.children.some((cell) => isElement(cell, "th"))) return;
    for (const cell of first.children) if (isElement(cell, "td")) cell.tagName = "th";
  });
}

export function hastToMarkdown(tree: HastRoot): string {
  promoteFirstRow(tree);
  return String(toMarkdown.stringify(toMarkdown.runSync(tree)));
}

export function htmlToMarkdown(html: string): string {
  return hastToMarkdown(unified().use(rehypeParse, { fragment: true }).parse(html));
}
