import { describe, expect, it } from "vitest";
import { extractListItem } from "../../scripts/ingest/lists";
import type { ParsedListItem } from "../../scripts/ingest/parse";
import { seedCodebook } from "../helpers";

const book = seedCodebook();
const item = (text: string): ParsedListItem => ({ text, lineStart: 3, lineEnd: 3, columnStart: 2, columnEnd: 2 + text.length });
const stancesOf = (text: string) => extractListItem(item(text), book).stances.map((s) => [s.issue.slug, s.actor, s.span.text]);
const notesOf = (text: string) => extractListItem(item(text), book).notes.map((n) => n.message);

describe("bullets labelled with an issue: 'Issue: clause; clause'", () => {
  it.each([
    [
      "Coca: Washington presses for aerial spraying; Bogotá insists on voluntary substitution.",
      [
        ["drug-policy", "us", "Washington presses for aerial spraying"],
        ["drug-policy", "co", "Bogotá insists on voluntary substitution"],
      ],
    ],
    [
      "Energía: EE. UU. quiere más gas natural; Colombia apuesta por la eólica.",
      [
        ["energy", "us", "EE. UU. quiere más gas natural"],
        ["energy", "co", "Colombia apuesta por la eólica"],
      ],
    ],
    [
      "Venezuela: the White House keeps sanctions on Caracas in place; Petro calls for talks with Caracas.",
      [
        ["venezuela", "us", "the White House keeps sanctions on Caracas in place"],
        ["venezuela", "co", "Petro calls for talks with Caracas"],
      ],
    ],
    ["Tariffs: U.S. growers want quotas", [["other-tariffs", "us", "U.S. growers want quotas"]]],
    // A subject inside a reported clause does not start a stance of its own.
    ["Drugs: U.S. officials say Colombia must extradite more traffickers", [["drug-policy", "us", "U.S. officials say Colombia must extradite more traffickers"]]],
  ])("%j", (text, expected) => {
    expect(stancesOf(text)).toEqual(expected);
  });

  it("splits at a comma and a connective, not only at a semicolon (one US stance held both clauses)", () => {
    expect(stancesOf("Migration: Washington wants faster removals, while Bogotá argues for legal pathways.")).toEqual([
      ["migration", "us", "Washington wants faster removals"],
      ["migration", "co", "Bogotá argues for legal pathways"],
    ]);
    expect(stancesOf("Migración: Washington exige más deportaciones, mientras Bogotá pide vías regulares.")).toEqual([
      ["migration", "us", "Washington exige más deportaciones"],
      ["migration", "co", "Bogotá pide vías regulares"],
    ]);
  });

  it("gives a subject naming both governments one stance for each, on the same words (it split into nonsense)", () => {
    expect(stancesOf("Drugs: The United States and Colombia both want more port inspections")).toEqual([
      ["drug-policy", "us", "The United States and Colombia both want more port inspections"],
      ["drug-policy", "co", "The United States and Colombia both want more port inspections"],
    ]);
  });

  it("reads 'American officials' as the United States, not 'Latin American' ones", () => {
    expect(stancesOf("Energy: American officials push LNG exports; Colombian officials push solar.")).toEqual([
      ["energy", "us", "American officials push LNG exports"],
      ["energy", "co", "Colombian officials push solar"],
    ]);
    expect(stancesOf("Energy: Latin American leaders debate gas prices")).toEqual([]);
  });

  it.each([
    ["Migration: tensions between Bogotá and Washington over removals", 'clause "tensions between Bogotá and Washington over removals"'],
    ["Drugs: under Petro, coca planting grew", 'clause "under Petro, coca planting grew"'],
    ["Migración: roces entre Bogotá y Washington por los vuelos", 'clause "roces entre Bogotá y Washington por los vuelos"'],
  ])("does not read an actor after a preposition as a subject: %j", (text, clause) => {
    expect(stancesOf(text)).toEqual([]);
    expect(notesOf(text)).toEqual([`bullet "${text.split(":")[0]}:" ${clause} names no actor as its subject; skipped`]);
  });

  it("reports a clause without a subject and keeps the others", () => {
    const text = "Drugs: Washington wants more seizures; the rest is unclear";
    expect(stancesOf(text)).toEqual([["drug-policy", "us", "Washington wants more seizures"]]);
    expect(notesOf(text)).toEqual(['bullet "Drugs:" clause "the rest is unclear" names no actor as its subject; skipped']);
  });

  it("reports a label naming two issues and stores it under the label", () => {
    const text = "Drugs and migration: Washington wants both routes closed";
    expect(stancesOf(text)).toEqual([["other-drugs-and-migration", "us", "Washington wants both routes closed"]]);
    expect(notesOf(text)).toEqual([
      'bullet label "Drugs and migration" names more than one issue (Drug policy, Migration); stored as other issue "Drugs and migration"',
    ]);
  });

  it("gives each clause its own columns in the original line", () => {
    const [first, second] = extractListItem(item("Coca: U.S. wants spraying; Petro wants titles."), book).stances;
    expect([first?.span.columnStart, first?.span.columnEnd]).toEqual([8, 27]);
    expect([second?.span.columnStart, second?.span.columnEnd]).toEqual([29, 47]);
  });
});

describe("bullets labelled with an actor: 'Actor: clause; clause' (they were dropped)", () => {
  it("reads each clause as the actor's stance on the issue it names", () => {
    const text = "Washington: tougher extradition of cocaine traffickers; wider sanctions on Maduro; stay firm";
    expect(extractListItem(item(text), book).stances.map((s) => [s.issue.slug, s.actor, s.span.text, s.rule, s.confidence])).toEqual([
      ["drug-policy", "us", "tougher extradition of cocaine traffickers", "list:actor-labelled", 0.85],
      ["venezuela", "us", "wider sanctions on Maduro", "list:actor-labelled", 0.85],
    ]);
    expect(notesOf(text)).toEqual(['bullet "Washington:" clause "stay firm" names no single issue; skipped']);
  });

  it("takes a labelled position as the actor's", () => {
    expect(stancesOf("Posición de Colombia: más sustitución de cultivos ilícitos; diálogo con Caracas")).toEqual([
      ["drug-policy", "co", "más sustitución de cultivos ilícitos"],
      ["venezuela", "co", "diálogo con Caracas"],
    ]);
  });

  it("does not read a label that names an actor after a preposition ('what is in it for them')", () => {
    const text = "For Bogotá: fewer strings on aid, room on coca policy";
    expect(stancesOf(text)).toEqual([]);
    expect(notesOf(text)).toEqual(['bullet "For Bogotá:" names an actor, not an issue, and not as the holder of a position; not read as stances']);
  });
});

describe("bullets without a label: split at the subjects", () => {
  it.each([
    [
      "On energy, Washington backs more drilling while Bogotá backs wind farms.",
      [
        ["energy", "us", "Washington backs more drilling"],
        ["energy", "co", "Bogotá backs wind farms"],
      ],
    ],
    [
      "Coca eradication stays a sore point as Washington wants spraying and the Petro government wants substitution.",
      [
        ["drug-policy", "us", "Washington wants spraying"],
        ["drug-policy", "co", "the Petro government wants substitution"],
      ],
    ],
    [
      "The United States and Colombia both want fewer cocaine shipments.",
      [
        ["drug-policy", "us", "The United States and Colombia both want fewer cocaine shipments"],
        ["drug-policy", "co", "The United States and Colombia both want fewer cocaine shipments"],
      ],
    ],
    ["Tensions between Bogotá and Washington over deportation flights keep rising.", []],
    ["Migrant flows toward the U.S. border keep growing.", []],
    ["Investors in the U.S. watch tax changes in Colombia.", []],
    ["Petro and Bogotá want nothing on any issue here", []],
    // The object of an attribution verb is not the clause's subject: the unnamed asker is left to the prose stage.
    ["Villavicencio asked Washington to stop handcuffing deportees on the flights.", []],
    // Likewise «pedirá a Washington» (the accent makes it the verb); a demonym after its noun is an adjective.
    ["La canciller pedirá a Washington audiencias para los padres de niños estadounidenses antes de su deportación.", []],
  ])("%j", (text, expected) => {
    expect(stancesOf(text)).toEqual(expected);
  });
});
