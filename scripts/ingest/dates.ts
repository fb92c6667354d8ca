import { createRequire } from "node:module";
import type * as Chrono from "chrono-node";

export interface FoundDate {
  /** YYYY-MM-DD */
  date: string;
  /** Where it was found, for people: `dateline on line 1: “date 2026-02-04”`, `line 12: “3 de marzo de 2026”`. */
  evidence: string;
}

const load = createRequire(import.meta.url);
let parsers: Chrono.Chrono[] | null = null;
/** chrono-node takes a third of a second to load: loaded when a date is first looked for, not when the CLI starts. */
function dateParsers(): Chrono.Chrono[] {
  if (!parsers) {
    const chrono = load("chrono-node") as typeof Chrono;
    parsers = [chrono.en.strict, chrono.es.strict];
  }
  return parsers;
}
/** Day and month as bare numbers ("3/4/2026") mean 3 April in Bogotá and March 4 in Washington: never read. */
const NUMERIC_DAY_MONTH = /^\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}$/;
/** The year must be written in the phrase: chrono marks "two days later" as certain relative to its reference date. */
const WRITTEN_YEAR = /(?:^|\D)(?:1[89]|2[01])\d{2}(?:\D|$)/;
/** A label that says the date beside it is the publication date, at the start of a line or sentence. */
const DATELINE_LABEL =
  /(?:^|[\s|•·])(?:date|dated|published(?: on)?|posted(?: on)?|fecha(?: de publicación)?|publicado(?: el)?|publicada(?: el)?)\s*[:\-–—]?\s*$/i;
const DATELINE_LINES = 8;
/** Inference reads the start of long documents only: the date of a piece is stated or discussed early. */
const INFERENCE_CHARS = 200_000;

const pad = (n: number) => String(n).padStart(2, "0");

interface ExplicitDate {
  date: string;
  text: string;
  index: number;
}

/** Dates the text names with day, month and year all written out; never relative ("on Tuesday", "next week"). */
function explicitDates(text: string): ExplicitDate[] {
  const found = new Map<number, ExplicitDate>();
  for (const parser of dateParsers()) {
    for (const result of parser.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
      const start = result.start;
      if (!start.isCertain("day") || !start.isCertain("month") || !start.isCertain("year")) continue;
      if (NUMERIC_DAY_MONTH.test(result.text.trim()) || !WRITTEN_YEAR.test(result.text)) continue;
      const year = start.get("year") ?? 0;
      if (year < 1900 || year > 2199) continue;
      const date = `${year}-${pad(start.get("month") ?? 0)}-${pad(start.get("day") ?? 0)}`;
      if (!found.has(result.index)) found.set(result.index, { date, text: result.text, index: result.index });
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A metadata value as a date: ISO ("2026-02-04", "2026-02-04T08:00:00-05:00"), PDF ("D:20260204…") or written out. */
export function normalizeDate(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(trimmed) ?? /^D:(\d{4})(\d{2})(\d{2})/.exec(trimmed);
  if (iso) {
    const [, y, m, d] = iso;
    const month = Number(m);
    const day = Number(d);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${y}-${m}-${d}` : null;
  }
  const [written] = explicitDates(trimmed);
  return written && written.text.length >= trimmed.length - 2 ? written.date : null;
}

/** A dateline near the top: "date 2026-02-04", "Published: March 3, 2026", "Fecha: 3 de marzo de 2026". */
export function findDateline(text: string): FoundDate | null {
  const lines = text.split(/\r\n|\r|\n/);
  let seen = 0;
  for (let i = 0; i < lines.length && seen < DATELINE_LINES; i++) {
    const line = (lines[i] as string).slice(0, 300);
    if (line.trim() === "") continue;
    seen++;
    for (const date of explicitDates(line)) {
      const label = DATELINE_LABEL.exec(line.slice(0, date.index));
      if (!label) continue;
      const phrase = line.slice(date.index - label[0].trimStart().length, date.index + date.text.length).trim();
      return { date: date.date, evidence: `dateline on line ${i + 1}: “${phrase}”` };
    }
  }
  return null;
}

/** The latest full date the text mentions, with the phrase and its line; null when it names none. */
export function inferDate(text: string): FoundDate | null {
  const sample = text.length > INFERENCE_CHARS ? text.slice(0, INFERENCE_CHARS) : text;
  const dates = explicitDates(sample);
  const latest = dates.reduce<ExplicitDate | null>((best, d) => (!best || d.date > best.date ? d : best), null);
  return latest ? { date: latest.date, evidence: `latest date in the text, line ${lineAt(sample, latest.index)}: “${latest.text}”` } : null;
}
