import { fold, foldKeepAccents } from "../fold";

/**
 * A paragraph as the prose rules read it. Every copy has exactly the length of `text`, so an
 * offset found in any of them slices the original words:
 * - `plain`: Markdown inline syntax (link targets, emphasis markers, escapes) blanked to spaces;
 * - `folded`: `plain` folded for matching (lower case, no accents, straight quotes);
 * - `lower`: `plain` in lower case with accents kept, for Spanish verb forms.
 */
export interface Passage {
  text: string;
  plain: string;
  folded: string;
  lower: string;
}

const blank = (match: string) => " ".repeat(match.length);

/** Markdown inline syntax replaced by spaces of the same length; the words stay where they are. */
export function maskMarkup(text: string): string {
  return (
    text
      // [label](target) and ![alt](src): keep the label, blank the brackets and the target.
      .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, (match, label: string) => {
        const opening = match.startsWith("!") ? 2 : 1;
        return `${" ".repeat(opening)}${label}${" ".repeat(match.length - opening - label.length)}`;
      })
      // Backslash escapes (\* \_ \[) from HTML or Word conversion: blank the backslash.
      .replace(/\\(?=[\\`*_{}[\]()#+\-.!|<>])/g, " ")
      // Emphasis and code markers that touch a word.
      .replace(/(?:\*\*|__|\*|`)(?=\S)|(?<=\S)(?:\*\*|__|\*|`)/g, blank)
      .replace(/(?<![\p{L}\p{N}])_(?=\S)|(?<=\S)_(?![\p{L}\p{N}])/gu, " ")
      // Inline HTML tags left in Markdown.
      .replace(/<\/?[a-zA-Z][^>\n]*>/g, blank)
  );
}

/**
 * Dashes that set off an aside in mid-sentence ("U.S. officials — speaking anonymously — said") read as the
 * commas they stand for; the lengths stay. A dateline's dash ("BOGOTA (AP) —") is no aside.
 */
function asideCommas(text: string): string {
  return text.replace(/(?<![)\p{Lu}]) ([—–]) ([^—–.!?\n]{1,120}?) ([—–]) /gu, (_m, _a, inner: string) => `,  ${inner},  `);
}

export function toPassage(text: string): Passage {
  const plain = asideCommas(maskMarkup(text));
  return { text, plain, folded: fold(plain), lower: foldKeepAccents(plain) };
}
