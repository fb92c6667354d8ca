import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AliasIndex, aliasHits, CodebookError, findActorMentions, matchIssue, parseCodebook } from "../../scripts/ingest/codebook";
import { holderMarkers } from "../../scripts/ingest/prose/holders";
import { issueForLabel } from "../../scripts/ingest/stance";
import { seedCodebook } from "../helpers";

const book = seedCodebook();
type RawCodebook = { actors: Record<string, unknown>[]; issues: (Record<string, unknown> & { aliases: unknown[]; topics: unknown[] })[] };
const raw = (): RawCodebook => JSON.parse(readFileSync("seeds/codebook.json", "utf8"));

describe("codebook validation", () => {
  it("accepts the seed codebook with both actors and the four issues", () => {
    expect(book.actors.map((a) => a.id)).toEqual(["us", "co"]);
    expect(book.issues.map((i) => i.slug)).toEqual(["drug-policy", "energy", "venezuela", "migration"]);
  });

  it.each([
    ["an unknown actor id", (c: RawCodebook) => Object.assign(c.actors[1] ?? {}, { id: "ve" }), 'actors[1].id: must be "us" or "co"'],
    ["an empty alias", (c: RawCodebook) => c.issues[2]?.aliases.push(""), "issues[2].aliases[14]: an alias must not be empty"],
    ["a bad slug", (c: RawCodebook) => Object.assign(c.issues[0] ?? {}, { slug: "Drug Policy" }), "issues[0].slug: must be lower-case letters"],
    ["a missing label", (c: RawCodebook) => delete c.issues[3]?.label, "issues[3].label"],
    ["a missing Spanish description", (c: RawCodebook) => delete c.issues[0]?.descriptionEs, "issues[0].descriptionEs"],
    ["an unknown field", (c: RawCodebook) => Object.assign(c.issues[1] ?? {}, { colour: "red" }), "issues[1]: Unrecognized key"],
    ["duplicate slugs", (c: RawCodebook) => Object.assign(c.issues[1] ?? {}, { slug: "drug-policy" }), "issues: issue slugs must be unique"],
    ["a star inside a term", (c: RawCodebook) => c.issues[3]?.topics.push("recall* its ambassador"), 'issues[3].topics[63]: a "*" may only end a term'],
  ])("rejects %s, naming the field", (_, mutate, message) => {
    const codebook = raw();
    mutate(codebook);
    expect(() => parseCodebook(codebook, "seeds/codebook.json")).toThrowError(CodebookError);
    try {
      parseCodebook(codebook, "seeds/codebook.json");
    } catch (err) {
      expect((err as Error).message).toContain("seeds/codebook.json: invalid codebook");
      expect((err as Error).message).toContain(message);
    }
  });

  it("hashes the content, so a codebook edit is noticed", () => {
    const edited = raw();
    edited.issues[0]?.aliases.push("Coca leaf");
    expect(parseCodebook(edited).hash).not.toBe(book.hash);
    expect(parseCodebook(raw()).hash).toBe(book.hash);
  });
});

describe("actor aliases", () => {
  it.each([
    ["Petro’s Goal", ["co"]],
    ["U.S. Concern", ["us"]],
    ["Trump’s Priorities", ["us"]],
    ["Petro’s Stance", ["co"]],
    ["Key Issue", []],
    ["EE. UU. y Colombia", ["us", "co"]],
    ["Estados Unidos", ["us"]],
    ["la Casa de Nariño", ["co"]],
    ["Bogota and Washington", ["co", "us"]],
    ["Trump told us", ["us"]],
    ["the US view", ["us"]],
    ["Latin America", []],
    ["petróleo", []],
    ["American officials", ["us"]],
    ["the American position", ["us"]],
    ["Latin American leaders", []],
    ["Inter‑American Commission", []],
    ["funcionarios estadounidenses", ["us"]],
    // Cased aliases: "US" and "ÚS" (its accent folded) name the United States, "us" and "Us" do not.
    ["let us talk", []],
    ["Us and them", []],
    ["US officials", ["us"]],
    ["ÚS officials", ["us"]],
    ["thus US-backed forces", ["us"]],
  ])("%j mentions %j", (text, expected) => {
    expect(findActorMentions(text, book).map((hit) => hit.target.id)).toEqual(expected);
  });

  it("prefers the longest alias where aliases overlap", () => {
    expect(findActorMentions("Gustavo Petro said", book).map((hit) => hit.alias)).toEqual(["Gustavo Petro"]);
  });
});

describe("alias index", () => {
  const markers = holderMarkers(book);
  const index = new AliasIndex(markers, (m) => m.aliases);
  // The index asks only about aliases some word of the text opens as; the hits, their order and the overlaps kept
  // must be aliasHits' own: cased aliases ("US"), exclusions, ties between markers, aliases that open with no word.
  it.each([
    "Gustavo Petro said the US would not",
    "El presidente Gustavo Petro y el Departamento de Estado de EE.UU. dijeron",
    "Latin American leaders and U.S. officials met the Colombian foreign minister in Washington",
    "Trump, Rubio and Bessent; la Casa Blanca, la Cancillería, Petro",
    "us and US and U.S.: Americans, estadounidenses, colombianos",
    "nothing here names anyone",
    "",
    // Spelled from each word start: an alias inside a longer word, one that runs to the end, one ending in a full stop.
    "Petrolero Petros Petro",
    "the U.S.-backed plan; the U.S.",
    "the State Department's the State Departments la Cancillería de Colombia",
    "US",
  ])("finds in %j what aliasHits finds", (text) => {
    const expected = aliasHits(text, markers, (m) => m.aliases);
    expect(index.hits(text)).toEqual(expected);
  });

  it("gives each hit its marker and place", () => {
    const hits = index.hits("El presidente Gustavo Petro y funcionarios estadounidenses");
    expect(hits.map((h) => [h.alias, h.target.type, h.target.actor, h.start, h.end])).toEqual([
      ["Gustavo Petro", "person", "co", 14, 27],
      ["estadounidenses", "demonym", "us", 43, 58],
    ]);
  });
});

describe("issue aliases", () => {
  it.each([
    ["Drug Policy", "drug-policy"],
    ["Drug policy", "drug-policy"],
    ["Drugs", "drug-policy"],
    ["Counternarcotics", "drug-policy"],
    ["Anti‑narcotics", "drug-policy"],
    ["Energy Transition", "energy"],
    ["Climate", "energy"],
    ["Caracas ties", "venezuela"],
    ["Maduro", "venezuela"],
    ["Border flows", "migration"],
    ["Deportations", "migration"],
    ["Migration management", "migration"],
    ["Migración", "migration"],
    ["Política de drogas", "drug-policy"],
    ["Transición energética", "energy"],
    ["Trade and investment", null],
    ["Human trafficking", null],
    ["Asylum and returns", "migration"],
    ["Venezuelan migrants", "migration"],
    ["Palm oil exports", null],
    ["Drugs and migration", null],
    ["Drugs, more drugs and migration", "drug-policy"],
  ])("%j → %s", (label, expected) => {
    expect(matchIssue(label, book)?.issue.slug ?? null).toBe(expected);
  });
});

describe("issueForLabel", () => {
  it("reports a label naming two issues instead of guessing (ties went to the longer alias)", () => {
    expect(issueForLabel("Drugs and migration", book)).toEqual({
      issue: { slug: "other-drugs-and-migration", label: "Drugs and migration", kind: "other" },
      evidence: "Drugs and migration",
      ambiguous: ["Drug policy", "Migration"],
    });
    expect(issueForLabel("Coca and cocaine", book).issue.slug).toBe("drug-policy");
  });
});
