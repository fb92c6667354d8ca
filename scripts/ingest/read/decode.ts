import { analyse } from "chardet";
import iconv from "iconv-lite";
import type { IngestNote } from "../stance";
import { DocumentError } from "./document";

const LATIN_1_FAMILY = new Set(["ISO-8859-1", "windows-1252", "ISO-8859-15"]);
/** Windows-1252 bytes that are undefined or C1 controls: never in real Latin-1 text. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const LETTER = /\p{L}/u;
/** Sequences UTF-8 text shows after it was once decoded as Windows-1252 ("BogotÃ¡", "Petroâ€™s"). */
const MOJIBAKE = /â€|Ã[\u0080-\u00BF‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/;

export interface DecodedText {
  text: string;
  warnings: IngestNote[];
}

/**
 * Plausible Windows-1252 text in a Latin-alphabet language: no undefined bytes, every non-ASCII
 * letter inside a word, and most letters plain ASCII (Spanish and English are; Cyrillic or CJK
 * bytes read as Windows-1252 are not).
 */
function looksLikeWindows1252(bytes: Buffer, text: string): boolean {
  if (bytes.some((b) => UNDEFINED_1252.has(b))) return false;
  let letters = 0;
  let extended = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (!LETTER.test(ch)) continue;
    letters++;
    if (ch.charCodeAt(0) < 0x80) continue;
    extended++;
    if (!LETTER.test(text[i - 1] ?? "") && !LETTER.test(text[i + 1] ?? "")) return false;
  }
  return extended <= letters * 0.25;
}

/** C0 control characters other than tab, line breaks and form feed, and DEL: binary data, not text. */
function controlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f) count++;
  }
  return count;
}

/** UTF-16 text with its byte-order mark (Windows Notepad's "Unicode"), when it decodes to Latin-alphabet text. */
function utf16WithBom(bytes: Buffer): string | null {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (!encoding) return null;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = text.match(/\p{Script=Latin}/gu) ?? [];
  return letters.length > 0 && latin.length >= letters.length / 2 && controlCharacters(text) === 0 ? text : null;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/**
 * A text file's bytes as text, NFC-normalised (macOS tools save decomposed accents, which would
 * not match the codebook's aliases). UTF-8 (with or without BOM) and UTF-16 with a BOM are read as
 * they are; text that is not UTF-8 but reads as Windows-1252/Latin-1 is decoded with a warning;
 * anything else is refused, never guessed.
 */
export function decodeText(file: string, bytes: Buffer): DecodedText {
  if (bytes.length === 0) throw new DocumentError(file, null, "empty file");
  const warnings: IngestNote[] = [];
  let text = utf16WithBom(bytes);
  if (text === null) {
    if (bytes.includes(0)) throw new DocumentError(file, null, "binary file (contains NUL bytes), not a text document");
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      // Node's TextDecoder reads "windows-1252" as ISO-8859-1 (0x93 → U+0093, not “): iconv-lite maps it right.
      const latin = iconv.decode(bytes, "win1252");
      const [guess] = analyse(bytes);
      const otherEncoding = guess && !LATIN_1_FAMILY.has(guess.name) && guess.name !== "ASCII" && guess.confidence >= 50;
      if (otherEncoding || !looksLikeWindows1252(bytes, latin)) {
        const invalid = bytes.toString("utf8");
        const hint = guess && guess.name !== "ASCII" ? ` (it may be ${guess.name})` : "";
        throw new DocumentError(
          file,
          lineOf(invalid, invalid.indexOf("\uFFFD")),
          `not UTF-8, and its encoding is not clear${hint}: save it as UTF-8`,
        );
      }
      text = latin;
      warnings.push({ line: null, message: "not UTF-8: decoded as Windows-1252 (Latin-1); save it as UTF-8 to be sure" });
    }
  }
  if (controlCharacters(text) > text.length / 100) throw new DocumentError(file, null, "binary file (control characters), not a text document");
  text = text.normalize("NFC");
  if (text.trim() === "") throw new DocumentError(file, null, "empty document (only white space)");
  const garbled = MOJIBAKE.exec(text);
  if (garbled)
    warnings.push({
      line: lineOf(text, garbled.index),
      message: `"${garbled[0]}" looks like text that was decoded with the wrong encoding before it was saved; check the source`,
    });
  return { text, warnings };
}
