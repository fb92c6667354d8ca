import type { NormalizedText } from "./blocks";

/**
 * Splits a long normalised text into parts the Markdown parser can take one at a time: its memory
 * grows with the text it holds (about 100 bytes a character), so a 10 MB document parsed whole
 * needs a gigabyte. A part ends only at a blank line before a top-level paragraph, heading or
 * table, outside code fences and raw HTML blocks, where CommonMark would start a new block anyway,
 * so the parts parse to the same blocks as the whole.
 */
/** Small parts: a part's parse trees die young, where 64 kB parts pushed a 10 MB document's parse past 500 MB resident. */
export const CHUNK_CHARS = 4 * 1024;

/** A line that starts a new top-level block no matter what came before the blank line above it. */
const SAFE_START = /^(?:[\p{L}\p{N}#|"'“‘¿¡(]|\*\*)/u;
const LIST_START = /^\d{1,9}[.)](?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)|^ {0,3}<!--/i;

export function splitIntoChunks(normalized: NormalizedText, size = CHUNK_CHARS): NormalizedText[] {
  if (normalized.text.length <= size) return [normalized];
  const lines = normalized.text.split("\n");
  const chunks: NormalizedText[] = [];
  let start = 0;
  // Parts are slices of the text, not copies: V8 shares the characters, where joining the lines copied all 10 MB again.
  let startOffset = 0;
  let offset = 0;
  let fence: string | null = null;
  let rawHtml: RegExp | null = null;
  lines.forEach((line, i) => {
    if (fence) {
      if (line.trim().startsWith(fence)) fence = null;
    } else if (rawHtml) {
      if (rawHtml.test(line)) rawHtml = null;
    } else {
      const opened = FENCE.exec(line);
      const html = RAW_HTML_OPEN.exec(line);
      if (opened?.[1]) fence = opened[1];
      else if (html) {
        const closing = html[1] ? new RegExp(`</${html[1]}>`, "i") : /-->/;
        if (!closing.test(line.slice(html[0].length))) rawHtml = closing;
      }
    }
    const next = lines[i + 1];
    const boundary =
      offset - startOffset >= size && line === "" && !fence && !rawHtml && next !== undefined && SAFE_START.test(next) && !LIST_START.test(next);
    offset += line.length + 1;
    if (!boundary) return;
    chunks.push({ text: normalized.text.slice(startOffset, offset - 1), originalLine: normalized.originalLine.slice(start, i + 1) });
    start = i + 1;
    startOffset = offset;
  });
  chunks.push({ text: normalized.text.slice(startOffset), originalLine: normalized.originalLine.slice(start) });
  return chunks;
}
