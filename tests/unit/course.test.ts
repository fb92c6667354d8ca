import { describe, expect, it } from "vitest";
import type { ActorId } from "../../scripts/ingest/codebook";
import { otherCourse } from "../../scripts/ingest/course";
import { scoreStance } from "../../scripts/ingest/score";
import { axisOf, seedCodebook } from "../helpers";

const book = seedCodebook();

describe("otherCourse: a holder telling what the other government does", () => {
  it.each<[ActorId, string, string | null]>([
    // The other government as the subject of the reported clause, a possessor, or the one accused.
    ["co", 'Petro said on X that the United States "applies sanctions to Venezuela only when they suit its oil companies."', "United States"],
    ["co", "Trump’s vision is to seize oil, seize coal", "Trump"],
    ["us", "The administration argues that Petro's government abandoned forced eradication", "Petro"],
    ["us", "The narcotics report accused Bogotá of “abandoning the forced eradication that once kept cultivation in check.”", "Bogotá"],
    ["co", "escribió en X que Estados Unidos «quiere resolver con glifosato lo que no ha resuelto con diplomacia»", "Estados Unidos"],
    ["co", "dijo que el Gobierno de Estados Unidos mantiene la fumigación", "Gobierno de Estados Unidos"],
    // The other government as an object or a modifier tells nothing of its course.
    ["co", "Colombia agreed to accept US deportation flights", null],
    ["co", "Colombia will keep cooperating with the United States on interdiction", null],
    ["co", "Colombia asked Washington to restore the money for host communities", null],
    // Approving it, asking it to act, or what it should do or has agreed to, is no course opposed.
    ["co", "Petro welcomed Washington's decision to fund crop substitution", null],
    ["co", "Petro demanded that the United States stop the strikes", null],
    ["us", 'Trump said that Petro "should be drilling his own gas."', null],
    ["co", "the minister said that Washington had agreed to resume the aid", null],
    ["us", "dijo a periodistas que Washington espera que Colombia reanude la aspersión aérea", null],
    ["us", "the envoy said he hoped that Colombia would resume aerial spraying", null],
    ["us", "Washington proposed that Bogotá extradite the commanders", null],
    ["us", "planteó que Colombia «podría abastecer a toda la región» de gas", null],
    // Making something depend on it asks for it.
    ["us", "advirtió que la cooperación dependerá de que Bogotá recupere metas concretas de erradicación", null],
    // Its own government is not the other.
    ["co", "Petro said that Colombia will not fumigate", null],
  ])("%s: %j → %j", (holder, text, expected) => {
    expect(otherCourse(text, holder, book)?.words ?? null).toBe(expected);
  });
});

describe("scoreStance with the other government's course", () => {
  const cues = (slug: string, holder: ActorId, text: string) =>
    scoreStance(text, axisOf(book, slug), book.negation, otherCourse(text, holder, book)).cues.map(
      (c) => `${c.matched}${c.negatedBy ? ` ¬${c.negatedBy}${c.byCourse ? " (course)" : ""}` : ""} ${c.pole === "positive" ? "+" : "-"}`,
    );

  it("counts the cues after the other government's name for the opposite pole, and says so", () => {
    expect(cues("venezuela", "co", 'Petro said that the United States "applies sanctions to Venezuela only when they suit its oil companies."')).toEqual([
      "sanctions ¬United States (course) +",
    ]);
    expect(cues("drug-policy", "us", "The administration argues that Petro's government abandoned forced eradication")).toEqual(["forced eradication -"]);
  });

  it("leaves the cues before the name as they are", () => {
    expect(cues("drug-policy", "co", "Petro, who ended fumigation, said that Washington wants fumigation back")).toEqual([
      "fumigation ¬ended +",
      "fumigation ¬Washington (course) +",
    ]);
  });

  it("reads a dual negator and cue as a negator when a cue follows it, and deportees as people, not deportation", () => {
    expect(cues("migration", "co", "Petro turned back two U.S. military aircraft carrying deportees")).toEqual(["military aircraft ¬turned back +"]);
    expect(cues("migration", "co", "Colombia seguirá recibiendo vuelos de deportados siempre que los migrantes sean tratados con dignidad")).toEqual(["dignidad +"]);
  });

  it("does not reverse a course already opposed by a negator whose scope holds the name", () => {
    expect(cues("drug-policy", "co", "Colombia rejects the decision of the Government of the United States to decertify our country")).toEqual([
      "decertify ¬rejects +",
    ]);
  });
});
