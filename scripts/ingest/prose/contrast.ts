import { type CompiledAxis, type CompiledNegation, placedCues } from "../score";
import type { Range } from "./frames";

/**
 * Where a clause turns ("…, but", "pero", "sino", "yet", "whereas", "mientras que") or a second reported clause
 * starts ("… and that …", "… y que …"): the words on either side may hold opposite positions on the same issue, as in
 * "will destroy laboratories every day, but not fumigate".
 */
const CONTRAST = /,?\s+(?=(?:but|whereas|pero|sino|mientras que|aunque)(?!\p{L}))|,\s+(?=yet(?!\p{L}))|;\s+|,?\s+(?:and|y) (?:that|que)\s+/giu;

/**
 * After the contrast word the holder's clause goes on ("but will not fumigate", "pero que lo hará", "but that its
 * diplomacy…"); a new subject ("yet proven gas reserves have fallen", "mientras que la delegación estadounidense
 * mantuvo") starts someone else's clause, which is no stance of the holder's.
 */
const GOES_ON =
  /^(?:but|yet|whereas|pero|sino|mientras que|aunque)\s+(?:also\s+|still\s+|only\s+|tambi[eé]n\s+|s[oó]lo\s+)?(?:that|not|never|to|will|would|won['’]t|can|cannot|could|must|should|shall|may|might|has|have|had|is|was|are|were|does|did|do|it|he|she|we|they|i|its|his|her|our|their|que|no|nunca|lo|le|se|nos|ya|s[ií])(?![\p{L}])/iu;

/** A sentence's end inside a stance: its stop (kept with the sentence), then the space before the next sentence. */
const SENTENCE_END = /(?<!\b\p{Lu}{1,2})[.!?](?=["”»’]?\s+["“«¿¡]?\p{Lu})["”»’]?\s+/gu;

/**
 * One part of a stance cut where its clauses turn between the two poles of its issue's axis: a reported
 * unit with two directions is two stances, each with its own words. Pieces that lean nowhere stay with
 * the piece before them (or after, at the start); a part that never changes direction is returned whole.
 */
export function splitByContrast(text: string, range: Range, axis: CompiledAxis, negation: CompiledNegation): Range[] {
  const cuts: number[] = [];
  const inner = text.slice(range.start, range.end);
  for (const m of inner.matchAll(CONTRAST)) {
    const after = range.start + m.index + m[0].length;
    // A semicolon, or a second clause the verb reports ("aseguró que … y que …"), is a turn whoever its subject.
    if (/;|(?:and|y) (?:that|que)/i.test(m[0]) || GOES_ON.test(text.slice(after, range.end))) cuts.push(range.start + m.index, after);
  }
  // A quotation or statement goes on sentence after sentence in one voice: each sentence is a turn too.
  for (const m of inner.matchAll(SENTENCE_END)) cuts.push(range.start + m.index + 1, range.start + m.index + m[0].length);
  cuts.sort((a, b) => a - b);
  if (cuts.length === 0) return [range];
  // One reading of the whole part: negation never crosses a cut (each is a scope breaker), so each piece's cues are its own.
  const cues = placedCues(inner, axis, negation);
  const lean = (from: number, end: number): number | null => {
    const sum = cues.reduce((total, c) => (c.start >= from - range.start && c.start < end - range.start ? total + (c.pole === "positive" ? 1 : -1) : total), 0);
    return sum === 0 ? null : Math.sign(sum);
  };
  const pieces: (Range & { lean: number | null })[] = [];
  for (let i = 0, from = range.start; i <= cuts.length; i += 2) {
    const end = i < cuts.length ? (cuts[i] as number) : range.end;
    pieces.push({ start: from, end, lean: lean(from, end) });
    from = i + 1 < cuts.length ? (cuts[i + 1] as number) : range.end;
  }
  const merged: (Range & { lean: number | null })[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && (piece.lean === null || last.lean === null || piece.lean === last.lean)) {
      last.end = piece.end;
      last.lean ??= piece.lean;
    } else merged.push({ ...piece });
  }
  return merged.length === 1 ? [range] : merged.map(({ start, end }) => ({ start, end }));
}
