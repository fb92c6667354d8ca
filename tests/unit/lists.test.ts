import { describe, expect, it } from "vitest";
import { extractListItem } from "../../scripts/ingest/lists";
import type { ParsedListItem } from "../../scripts/ingest/parse";
import { seedCodebook } from "../helpers";

const book = seedCodebook();
const item = (text: string): ParsedListItem => ({ text, lineStart: 7, lineEnd: 7, columnStart: 2, columnEnd: 2 + text.length });
const stancesOf = (text: string) => extractListItem(item(text), book).stances.map((s) => [s.issue.slug, s.actor, s.span.text]);

describe("labelled bullets: 'Issue: clause; clause'", () => {
  it.each([
    [
      "Migration: Washington pushes for immediate deterrence; Bogotá argues for humanitarian corridors.",
      [
        ["migration", "us", "Washington pushes for immediate deterrence"],
        ["migration", "co", "Bogotá argues for humanitarian corridors"],
      ],
    ],
    [
      "Venezuela: Colombia favors engagement; the U.S. seeks calibrated pressure tied to the U.S.",
      [
        ["venezuela", "co", "Colombia favors engagement"],
        ["venezuela", "us", "the U.S. seeks calibrated pressure tied to the U.S."],
      ],
    ],
    [
      "Migración: EE. UU. exige disuasión; Colombia pide corredores humanitarios.",
      [
        ["migration", "us", "EE. UU. exige disuasión"],
        ["migration", "co", "Colombia pide corredores humanitarios"],
      ],
    ],
    ["Trade: U.S. firms want stability", [["other-trade", "us", "U.S. firms want stability"]]],
  ])("%j", (text, expected) => {
    expect(stancesOf(text)).toEqual(expected);
  });

  it("does not read a bullet labelled with an actor as stances", () => {
    const result = extractListItem(item("For Petro: policy flexibility on drugs and Venezuela, budget relief"), book);
    expect(result.stances).toEqual([]);
    expect(result.notes[0]?.message).toBe('bullet "For Petro:" names an actor, not an issue; not read as stances');
  });

  it("reports a clause that names no actor", () => {
    const result = extractListItem(item("Drugs: Washington wants seizures; nobody else spoke"), book);
    expect(result.stances.map((s) => s.span.text)).toEqual(["Washington wants seizures"]);
    expect(result.notes[0]?.message).toContain('clause "nobody else spoke" names no actor');
  });

  it("gives each clause its own columns in the original line", () => {
    const [first, second] = extractListItem(item("Drugs: U.S. wants seizures; Petro wants reform."), book).stances;
    expect([first?.span.columnStart, first?.span.columnEnd]).toEqual([9, 28]);
    expect([second?.span.columnStart, second?.span.columnEnd]).toEqual([30, 48]);
  });
});

describe("unlabelled bullets: split at the actor mentions", () => {
  it.each([
    [
      "Energy and climate policy as Petro pushes a post-oil development model and the U.S. eyes supply stability.",
      [
        ["energy", "co", "Petro pushes a post-oil development model"],
        ["energy", "us", "the U.S. eyes supply stability"],
      ],
    ],
    [
      "On drugs, Washington demands eradication while Bogotá prefers substitution.",
      [
        ["drug-policy", "us", "Washington demands eradication"],
        ["drug-policy", "co", "Bogotá prefers substitution"],
      ],
    ],
    ["Migration management across routes like the Darién Gap and onward to the U.S. southern border.", []],
    ["Trade and investment signals for U.S. companies monitoring regulatory and tax changes in Colombia.", []],
    ["Counternarcotics cooperation amid shifting trafficking patterns.", []],
    ["Petro and Colombia want nothing named here", []],
  ])("%j", (text, expected) => {
    expect(stancesOf(text)).toEqual(expected);
  });
});
