import { describe, expect, it } from "vitest";
import { logitPosition } from "../../db/positions";
import { compileNegation, compileTerm, matchCopy, scoreStance } from "../../scripts/ingest/score";
import { axisOf, seedCodebook } from "../helpers";

const book = seedCodebook();
const score = (slug: string, text: string) => scoreStance(text, axisOf(book, slug), book.negation);
const cueList = (slug: string, text: string) =>
  score(slug, text).cues.map((c) => `${c.matched}${c.negatedBy ? ` ¬${c.negatedBy}` : ""} ${c.pole === "positive" ? "+" : "-"}`);

describe("compileTerm", () => {
  it.each([
    ["seizure", "two seizures at sea", true],
    ["arrest", "the arrests continued", true],
    ["eradicate", "eradicating coca", true],
    ["policy", "drug policies", true],
    ["negociación", "las negociaciones", true],
    ["militari*", "a militarized border", true],
    ["public health", "a public‑health lens", true],
    ["public health", "public healthy", false],
    ["oil", "soil erosion", false],
    ["gas", "gasoline prices", false],
    // Every word of a phrase inflects, since its verb may be any of them.
    ["phase out", "they phased out subsidies", true],
    ["crack down", "cracking down on smugglers", true],
    ["curb trafficking", "curbing trafficking", true],
    ["reduce crossings", "reduced crossings", true],
  ])("%j finds %j: %s", (term, text, expected) => {
    expect(compileTerm(term).pattern.test(matchCopy(text))).toBe(expected);
  });

  // Scoring skips a term unless a word of the stance opens with its opening; a term without one is tried on every stance.
  it.each([
    ["eradicate", "eradicat", "er"],
    ["negociación", "negociacion", "ne"],
    ["militari*", "militari", "mi"],
    ["phase out", "phas", "ph"],
    ["3%", "3%", "3%"],
    ["y", "", null],
    ["#MeToo", "#metoo", null],
  ])("%j is searched for as %j, opening %j", (term, literal, opening) => {
    expect(compileTerm(term)).toMatchObject({ literal, opening });
  });

  it("keeps single-word negators exact: 'no' is not 'nos'", () => {
    expect(compileTerm("no", false).pattern.test(matchCopy("nos dijeron"))).toBe(false);
    expect(compileTerm("no", false).pattern.test(matchCopy("no más"))).toBe(true);
  });
});

describe("cues from each axis's policy vocabulary, in news sentences", () => {
  it.each([
    ["drug-policy", "Colombian police extradited two cartel bosses to Miami.", ["extradited -"]],
    ["drug-policy", "Marines seized four tonnes of cocaine off the Pacific coast.", ["seized -"]],
    ["drug-policy", "The embassy wants aerial spraying of coca fields to resume.", ["aerial spraying -"]],
    ["drug-policy", "The plan pairs land titling with crop substitution.", ["land titling +", "crop substitution +"]],
    ["drug-policy", "The ministry will fund harm reduction and treatment centres.", ["harm reduction +", "treatment +"]],
    ["drug-policy", "La Armada incautó ocho toneladas de cocaína.", ["incautó -"]],
    ["drug-policy", "El gobierno descartó volver a la erradicación forzosa.", ["erradicación forzosa ¬descartó +"]],
    ["drug-policy", "Petro defendió la sustitución voluntaria y el desarrollo rural.", ["sustitución voluntaria +", "desarrollo rural +"]],
    ["drug-policy", "Colombia will suspend intelligence sharing with U.S. agencies.", ["intelligence sharing ¬suspend +"]],
    ["drug-policy", "El Gobierno calificó de «inaceptable» la decisión de descertificar al país.", ["descertificar ¬inaceptable +"]],
    ["drug-policy", "Bogotá resumed sharing intelligence with the DEA.", ["sharing intelligence -"]],
    ["energy", "Washington wants Bogotá to keep drilling and to expand gas exports.", ["drilling -", "gas -"]],
    ["energy", "Bogotá wants climate finance for wind and solar.", ["climate finance +", "wind +", "solar +"]],
    ["energy", "Petro refused to sign new oil exploration contracts.", ["oil ¬refused +", "exploration ¬refused +"]],
    ["energy", "Bogotá will wind down oil production.", ["oil ¬wind down +", "production ¬wind down +"]],
    ["energy", "El gobierno apuesta por la transición energética y las renovables.", ["transición energética +", "renovables +"]],
    ["energy", "Colombia no firmará nuevos contratos de exploración.", ["exploración ¬no +"]],
    ["venezuela", "Rubio pushed for new sanctions on Caracas.", ["sanctions -"]],
    ["venezuela", "Petro called for dialogue with Caracas and the reopening of the border.", ["dialogue +", "reopening +"]],
    ["venezuela", "EE. UU. mantiene la presión y las sanciones sobre Caracas.", ["presión -", "sanciones -"]],
    ["venezuela", "Bogotá insiste en el diálogo con Caracas.", ["diálogo +"]],
    ["venezuela", "Petro pidió levantar las sanciones contra Venezuela.", ["levantar las sanciones +"]],
    ["migration", "The U.S. deported 200 Colombians on military flights.", ["deported -", "military flights -"]],
    ["migration", "Customs and Border Protection agents detained the group.", ["Border Protection -", "detained -"]],
    ["migration", "Bogotá granted temporary protected status to Venezuelan migrants.", ["temporary protected status +"]],
    ["migration", "Trump anunció redadas y más deportaciones.", ["redadas -", "deportaciones -"]],
    ["migration", "Colombia ofrece regularización y protección a los migrantes.", ["regularización +", "protección +"]],
    ["migration", "Petro rechazó los vuelos de deportación.", ["deportación ¬rechazó +"]],
  ])("%s: %j", (slug, text, cues) => {
    expect(cueList(slug, text)).toEqual(cues);
  });

  it("returns null, not 0, when no cue matches", () => {
    expect(score("energy", "The two leaders met for an hour.")).toEqual({ score: null, positive: 0, negative: 0, cues: [] });
  });

  it("scores an exact balance as 0, which is different from not scored", () => {
    expect(score("drug-policy", "Interdiction at sea and treatment at home").score).toBe(0);
  });

  it("prefers the longest cue where two overlap", () => {
    expect(cueList("drug-policy", "voluntary eradication, not forced eradication")).toEqual(["voluntary eradication +", "forced eradication ¬not +"]);
  });
});

describe("negation and reversal", () => {
  it.each([
    ["drug-policy", "Scale back militarization and forced eradication", ["militarization ¬Scale back +", "forced eradication ¬Scale back +"]],
    ["drug-policy", "Health programmes instead of fumigation", ["Health +", "fumigation ¬instead of +"]],
    ["drug-policy", "Desarrollo sin erradicación forzosa", ["Desarrollo +", "erradicación forzosa ¬sin +"]],
    ["migration", "Returns must be dignified, never militarized", ["dignified +", "militarized ¬never +"]],
    ["energy", "A shift away from coal", ["coal ¬away from +"]],
    // "no relief from sanctions" is pressure: the negator governs the relief, not the sanctions.
    ["venezuela", "There will be no relief from sanctions.", ["relief from sanctions ¬no -"]],
    ["venezuela", "Washington will not ease sanctions until there are free and fair elections.", ["ease sanctions ¬not -", "until -", "free and fair elections -"]],
    // "not let up on" is two reversals: more deportations, not fewer.
    ["migration", "Washington will not let up on deportations.", ["deportations -"]],
    // Inflected phrasal negators: "phased out" used to pass unnegated.
    ["energy", "The previous government phased out support for renewables.", ["renewables ¬phased out -"]],
    ["migration", "No a las deportaciones", ["deportaciones ¬No +"]],
    // Predicates after a cue that put it away: "will stay suspended", "es el pasado", "no volvemos".
    ["energy", "fracking pilots will stay suspended", ["fracking ¬stay suspended +"]],
    ["energy", "el petróleo es el pasado", ["petróleo ¬es el pasado +"]],
    ["drug-policy", "al glifosato no volvemos", ["glifosato ¬no volvemos +"]],
    // "replaced eradication with rhetoric": what is replaced is put away.
    ["drug-policy", "ha reemplazado la erradicación por la retórica", ["erradicación ¬reemplazado +"]],
    // Relief tied to a condition is pressure; closing the door to a cue puts it away.
    ["venezuela", "White House ties Venezuela sanctions relief to an election calendar", ["sanctions relief ¬ties -"]],
    ["venezuela", "el alivio de las sanciones dependerá de la liberación de los presos políticos", ["alivio de las sanciones ¬dependerá de -"]],
    ["energy", "el Gobierno decidió cerrar la puerta a la exploración", ["exploración ¬cerrar la puerta a +"]],
    // "sin demora", "without delay": idioms that only look negative.
    ["drug-policy", "pide restablecer sin demora las metas de erradicación forzosa", ["erradicación forzosa -"]],
    ["drug-policy", "must resume forced eradication without delay", ["forced eradication -"]],
  ])("%s: %j", (slug, text, cues) => {
    expect(cueList(slug, text)).toEqual(cues);
  });

  it("ends a negation at punctuation, a contrast word, or after the scope", () => {
    expect(cueList("drug-policy", "No fumigation, but more seizures")).toEqual(["fumigation ¬No +", "seizures -"]);
    expect(cueList("drug-policy", "Not fumigation but seizures")).toEqual(["fumigation ¬Not +", "seizures -"]);
    expect(cueList("drug-policy", "Without a single word from anyone in government about any recent seizures")).toEqual(["seizures -"]);
  });

  it("flips the cues before a failure predicate, back to the clause's start", () => {
    expect(cueList("drug-policy", "Forced eradication has failed")).toEqual(["Forced eradication ¬has failed +"]);
    expect(cueList("migration", "Colombia argued that punitive border controls alone will not work")).toEqual(["punitive ¬will not work +", "border controls ¬will not work +"]);
    expect(cueList("drug-policy", "La erradicación forzada no funciona")).toEqual(["erradicación forzada ¬no funciona +"]);
    expect(cueList("drug-policy", "Crop substitution works, but forced eradication has failed")).toEqual([
      "Crop substitution +",
      "forced eradication ¬has failed +",
    ]);
  });

  it("reads a word that is both a cue and a negator as a negator only when a cue follows in its scope", () => {
    expect(cueList("migration", "Colombia turned back a U.S. deportation flight")).toEqual(["deportation ¬turned back +"]);
    expect(cueList("migration", "Panama turned back the migrants at the border")).toEqual(["turned back -"]);
  });

  it("does not count articles, prepositions and possessives towards the scope", () => {
    expect(cueList("drug-policy", "Colombia rejects the decision of the Government of the United States to decertify our country")).toEqual([
      "decertify ¬rejects +",
    ]);
    expect(cueList("drug-policy", "Rechaza la decisión del Gobierno de los Estados Unidos de descertificar al país")).toEqual([
      "descertificar ¬Rechaza +",
    ]);
  });

  it("reads the dots of an abbreviation or an initial as part of the clause, a full stop as its end", () => {
    expect(cueList("migration", "refused to allow U.S. deportation flights")).toEqual(["deportation ¬refused +"]);
    expect(cueList("migration", "rechazó que EE.UU. deporte a los migrantes")).toEqual(["deporte ¬rechazó +"]);
    expect(cueList("migration", "Refused it. Deportations resumed")).toEqual(["Deportations -"]);
  });

  it("reads a Spanish refusal as a negator", () => {
    expect(cueList("energy", "reiteró su negativa a firmar nuevos contratos de exploración")).toEqual(["exploración ¬negativa a +"]);
    expect(cueList("energy", "el Gobierno se negó a autorizar el fracking")).toEqual(["fracking ¬se negó a +"]);
  });

  it("treats a negator inside a cue as part of the cue, and a cue inside a negator as not a cue", () => {
    expect(cueList("drug-policy", "the fight against drug trafficking")).toEqual(["fight against drug trafficking -"]);
    expect(cueList("energy", "wind down coal")).toEqual(["coal ¬wind down +"]);
  });

  it("two negators cancel", () => {
    const negation = compileNegation(["not", "without"], 6, []);
    expect(scoreStance("not without seizures", axisOf(book, "drug-policy"), negation).cues[0]?.pole).toBe("negative");
  });
});

describe("logitPosition", () => {
  it.each([
    [0, 0, null],
    [3, 0, Math.log(3.5 / 0.5)],
    [0, 3, Math.log(0.5 / 3.5)],
    [2, 2, 0],
    [1.75, 0.25, Math.log(2.25 / 0.75)],
  ])("pos %d, neg %d → %s", (pos, neg, expected) => {
    const value = logitPosition(pos, neg);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });
});
