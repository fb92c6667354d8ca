import { describe, expect, it } from "vitest";
import type { Language } from "../../scripts/ingest/language";
import type { ParsedBlock } from "../../scripts/ingest/parse";
import { extractProse, proseConfidence } from "../../scripts/ingest/prose";
import { holderMarkers, NameRegistry, readChunk } from "../../scripts/ingest/prose/holders";
import { toPassage } from "../../scripts/ingest/prose/passage";
import { findQuotes, splitSentences } from "../../scripts/ingest/prose/sentences";
import { seedCodebook } from "../helpers";

const book = seedCodebook();

/** Paragraphs as the parser gives them: one per line, from line 1. */
function blocks(...paragraphs: string[]): ParsedBlock[] {
  return paragraphs.map((text, i) =>
    text.startsWith("## ")
      ? { type: "heading", depth: 2, span: { text: text.slice(3), lineStart: i + 1, lineEnd: i + 1, columnStart: 3, columnEnd: text.length } }
      : { type: "paragraph", container: "root", span: { text, lineStart: i + 1, lineEnd: i + 1, columnStart: 0, columnEnd: text.length } },
  );
}

const stancesOf = (lang: Language, ...paragraphs: string[]) =>
  extractProse(blocks(...paragraphs), book, lang, []).stances.map((s) => [s.actor, s.issue.slug, s.rule, s.span.text]);

describe("sentences", () => {
  it.each([
    ["U.S. President Donald Trump spoke. Then he left.", ["U.S. President Donald Trump spoke.", "Then he left."]],
    ["El canciller dijo que EE. UU. debe escuchar. Nadie respondió.", ["El canciller dijo que EE. UU. debe escuchar.", "Nadie respondió."]],
    ["“We will not sign. Not now,” she said. The talks ended.", ["“We will not sign. Not now,” she said.", "The talks ended."]],
  ])("%s", (text, expected) => {
    const p = toPassage(text);
    expect(splitSentences(p.plain, "en", findQuotes(p.plain)).map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });
});

describe("holders: who a noun phrase names", () => {
  it("builds one marker list per codebook, so its matching index is built once per run, not once per document", () => {
    expect(holderMarkers(book)).toBe(holderMarkers(book));
  });

  const read = (phrase: string) => {
    const reading = readChunk(toPassage(phrase), 0, phrase.length, holderMarkers(book), new NameRegistry());
    return reading.kind === "holder" ? reading.holder.actor ?? "third party" : reading.kind;
  };
  it.each([
    ["Colombian President Gustavo Petro", "co"],
    ["the U.S. ambassador", "us"],
    ["Colombia's ambassador to the U.S.", "co"],
    ["officials in Bogotá", "co"],
    ["Mexican President Claudia Sheinbaum", "third party"],
    ["several former Colombian presidents", "third party"],
    ["Republican senators", "third party"],
    ["some in Washington", "third party"],
    ["Latin American leaders", "third party"],
    ["el canciller colombiano", "co"],
    ["funcionarios estadounidenses", "us"],
    ["un vocero de la Casa Blanca", "us"],
    ["UN officials", "third party"],
    ["el secretario de Energía", "us"],
    ["he", "pending"],
    ["el mandatario", "pending"],
    ["the coffee harvest", "none"],
    ["a senior officer at U.S. Southern Command", "us"],
    ["officials at the Pentagon", "us"],
    ["The mines and energy ministry", "co"],
    ["el viceministro", "co"],
    ["Venezuela's foreign minister", "third party"],
    // A counterpart is the other government's person: its demonym says which, else it is the other of whose it is.
    ["Petro's U.S. counterpart", "us"],
    ["Petro's counterpart", "us"],
    ["his Colombian counterpart", "co"],
    ["el homólogo estadounidense de Petro", "us"],
    ["a senior administration official", "us"],
    ["Petro administration officials", "co"],
    // A country's lawmakers, courts and control bodies are not its government.
    ["U.S. senators", "third party"],
    ["the U.S. Congress", "third party"],
    ["Colombia's ombudsman", "third party"],
    ["Colombia's Constitutional Court", "third party"],
    ["el Congreso colombiano", "third party"],
    ["the Energy Department's representative", "us"],
  ])("%s → %s", (phrase, expected) => {
    expect(read(phrase)).toBe(expected);
  });

  it.each([
    ["the U.S. began", "the U.S."],
    ["In Petro’s", "Petro’s"],
    ["For Petro", "Petro"],
    ["Colombian President Gustavo Petro", "Colombian President Gustavo Petro"],
    ["the Colombian foreign minister", "the Colombian foreign minister"],
    ["el canciller colombiano", "el canciller colombiano"],
  ])("shows %s as the words that name the holder: %s", (phrase, expected) => {
    const reading = readChunk(toPassage(phrase), 0, phrase.length, holderMarkers(book), new NameRegistry());
    expect(reading.kind === "holder" ? reading.holder.text : reading.kind).toBe(expected);
  });
});

describe("prose stances: attribution frames in English", () => {
  it.each<[string, string[], string[][]]>([
    [
      "a quote with its speaker after it",
      ["“We will not accept military deportation flights,” the Colombian foreign minister said on Tuesday."],
      [["co", "migration", "prose:quote-speaker-after", "We will not accept military deportation flights"]],
    ],
    [
      "reported speech",
      ["Rubio told reporters that Washington would keep sanctions on Caracas until elections are held."],
      [["us", "venezuela", "prose:reported-speech", "Rubio told reporters that Washington would keep sanctions on Caracas until elections are held"]],
    ],
    [
      "a long opening clause is not the subject: the name after it is who a later 'he' means",
      [
        "As the number of armed fighters in the countryside and the cities seems to have grown, Petro has broken off talks. He has halted new petroleum exploration.",
      ],
      [["co", "energy", "prose:action", "He has halted new petroleum exploration"]],
    ],
    [
      "'the spokesperson' is the spokesperson named before, not the more salient president",
      [
        "President Gustavo Petro said Colombia would not accept deportation flights. A State Department spokesperson said the flights were legal. “We expect Colombia to honor its commitments on deportations,” the spokesperson said.",
      ],
      [
        ["co", "migration", "prose:reported-speech", "President Gustavo Petro said Colombia would not accept deportation flights"],
        ["us", "migration", "prose:reported-speech+context", "A State Department spokesperson said the flights were legal"],
        ["us", "migration", "prose:quote-speaker-after", "We expect Colombia to honor its commitments on deportations"],
      ],
    ],
    ["a third country's leader is not a holder", ["Mexican President Claudia Sheinbaum criticized the deportation flights."], []],
    ["analysts are not holders", ["Analysts said Bogotá could lose aid if coca cultivation keeps rising."], []],
    ["an attack on a person is not a position", ["Trump called Petro a liar who protects coca growers."], []],
    ["a forecast of the holder is not a position", ["Trump is expected to demand more coca eradication."], []],
    [
      "an action outside the four issues goes to its other issue",
      ["The State Department suspended visa processing in Bogotá."],
      [["us", "other-visas", "prose:action", "The State Department suspended visa processing in Bogotá"]],
    ],
    [
      "a pronoun takes the person named before",
      ["Colombia's defense minister visited Putumayo on Monday.", "He said the government would not resume aerial fumigation of coca."],
      [["co", "drug-policy", "prose:reported-speech", "He said the government would not resume aerial fumigation of coca"]],
    ],
    [
      "two holders joined by a coordinator",
      ["Washington deported 200 Colombians last week, and Bogotá refused to accept the military flights."],
      [
        ["us", "migration", "prose:action", "Washington deported 200 Colombians last week"],
        ["co", "migration", "prose:stance-verb+context", "Bogotá refused to accept the military flights"],
      ],
    ],
    [
      "one clause, two issues, split at the coordinator",
      ["Petro called for an end to oil exploration and for a new approach to coca growers."],
      [
        ["co", "energy", "prose:stance-verb", "Petro called for an end to oil exploration"],
        ["co", "drug-policy", "prose:stance-verb", "for a new approach to coca growers"],
      ],
    ],
    [
      "according to",
      ["According to the State Department, Colombia failed to meet its counternarcotics obligations."],
      [["us", "drug-policy", "prose:according-to", "Colombia failed to meet its counternarcotics obligations"]],
    ],
    [
      "what follows the attribution can name the quotation's issue",
      ["“We will not be anyone's colony,” Petro said at a rally, referring to the deportation flights."],
      [["co", "migration", "prose:quote-speaker-after+context", "We will not be anyone's colony"]],
    ],
    [
      "a noun after a quantifier is no holder; 'the administration' is the government named before",
      ["U.S. officials met Maduro's envoys in Panama, and the administration later eased some sanctions on Venezuela."],
      [["us", "venezuela", "prose:action", "the administration later eased some sanctions on Venezuela"]],
    ],
    [
      "a government's deed with a verb of action",
      ["The Treasury placed two Colombian ministers on its sanctions list, and U.S. forces struck another drug boat."],
      [
        ["us", "other-sanctions-on-individuals", "prose:action", "The Treasury placed two Colombian ministers on its sanctions list"],
        ["us", "drug-policy", "prose:action", "U.S. forces struck another drug boat"],
      ],
    ],
    [
      "a verb in an opening clause does not swallow the main clause's infinitive",
      ["After the U.S. bombed Caracas, Petro went on television to say that the raid on Venezuela was a crime."],
      [
        ["us", "venezuela", "prose:action", "the U.S. bombed Caracas"],
        ["co", "venezuela", "prose:reported-speech", "Petro went on television to say that the raid on Venezuela was a crime"],
      ],
    ],
    [
      "a relative clause's action keeps its words; the main clause gets the rest",
      ["The Trump administration, which has made expanding oil output its priority, has pressed Bogotá to reopen oil exploration."],
      [
        ["us", "energy", "prose:action", "expanding oil output its priority"],
        ["us", "energy", "prose:stance-verb", "has pressed Bogotá to reopen oil exploration"],
      ],
    ],
    [
      "an interview question's issue carries into the answer, and its opening auxiliary is not a name",
      [
        "Colombian Foreign Minister Laura Gómez spoke to us in Bogotá.",
        "**Washington says deportations are a matter of U.S. law. Are you worried?**",
        "“We ask for dignity, and we will keep receiving every flight,” she said.",
      ],
      [
        ["us", "migration", "prose:reported-speech", "Washington says deportations are a matter of U.S. law"],
        ["co", "migration", "prose:quote-speaker-after+context", "We ask for dignity, and we will keep receiving every flight"],
      ],
    ],
    [
      "a verb with an object after a comma is not a speaker after the words",
      ["On his first day in office, President Donald Trump declared a national energy emergency."],
      [["us", "energy", "prose:reported-speech", "President Donald Trump declared a national energy emergency"]],
    ],
    [
      "a document about one issue lends it to a sentence that names none",
      [
        "Colombia turned back a U.S. deportation flight carrying 112 deportees.",
        "Migration officials said the deportation flights would resume; deportees were shackled.",
        "The harvest was poor this year across the Andes, and coffee prices fell.",
        "Prices of rice and sugar rose as well in the markets of Cali and Medellín.",
        "A State Department spokesperson said the flights complied with U.S. law.",
      ],
      [
        ["co", "migration", "prose:action", "Colombia turned back a U.S. deportation flight carrying 112 deportees"],
        ["us", "migration", "prose:reported-speech+context", "A State Department spokesperson said the flights complied with U.S. law"],
      ],
    ],
    [
      "a document over several issues lends none",
      [
        "Colombia turned back a U.S. deportation flight carrying 112 deportees.",
        "Petro also halted new oil exploration and defended crop substitution for coca growers.",
        "The harvest was poor this year across the Andes, and coffee prices fell.",
        "Prices of rice and sugar rose as well in the markets of Cali and Medellín.",
        "A State Department spokesperson said the flights complied with U.S. law.",
      ],
      [
        ["co", "migration", "prose:action", "Colombia turned back a U.S. deportation flight carrying 112 deportees"],
        ["co", "energy", "prose:action", "Petro also halted new oil exploration"],
        ["co", "drug-policy", "prose:stance-verb", "defended crop substitution for coca growers"],
      ],
    ],
    [
      "a holder's noun states a position: each possessor its own",
      ["The summit will test the contrast between Washington's push for coca eradication and Petro's focus on crop substitution."],
      [
        ["us", "drug-policy", "prose:nominal", "Washington's push for coca eradication"],
        ["co", "drug-policy", "prose:nominal", "Petro's focus on crop substitution"],
      ],
    ],
    ["a possessor that is no government states nothing", ["Analysts doubt the senator's push for coca eradication."], []],
    [
      "a described possessor is resolved like a subject; a position can be stated as “X's position is that …”",
      [
        "Washington insists that the cocaine problem is a supply problem.",
        "Since then, the administration’s decision to strike suspected drug boats has defined its approach. Bogotá’s position is that the border with Venezuela must stay open.",
      ],
      [
        ["us", "drug-policy", "prose:reported-speech", "Washington insists that the cocaine problem is a supply problem"],
        ["us", "drug-policy", "prose:nominal", "the administration’s decision to strike suspected drug boats has defined its approach"],
        ["co", "venezuela", "prose:nominal", "Bogotá’s position is that the border with Venezuela must stay open"],
      ],
    ],
    [
      "“the government” is the government of whoever last spoke or acted, not the last institution named",
      [
        "The Treasury widened its sanctions on money-laundering networks last year.",
        "Colombia's defense minister argued that cocaine seizures at sea matter more than spraying.",
        "The government wants to pay coca growers to switch to cacao.",
      ],
      [
        ["co", "drug-policy", "prose:reported-speech", "Colombia's defense minister argued that cocaine seizures at sea matter more than spraying"],
        ["co", "drug-policy", "prose:stance-verb", "The government wants to pay coca growers to switch to cacao"],
      ],
    ],
    [
      "a quoted sentence that turns to a second issue is two stances; a sentence naming none joins the one after it",
      ["“Let them prove it in court. We reject any strike on Venezuela and any strike on fishing boats carrying cocaine,” the Colombian foreign minister said."],
      [
        ["co", "venezuela", "prose:quote-speaker-after", "Let them prove it in court. We reject any strike on Venezuela"],
        ["co", "drug-policy", "prose:quote-speaker-after", "any strike on fishing boats carrying cocaine"],
      ],
    ],
    [
      "a quotation that goes on in the same paragraph keeps the issue of the one before it, at a lower confidence",
      ["“We take back every deportee the United States sends,” the Colombian foreign minister said. “What we ask for is respect.”"],
      [
        ["co", "migration", "prose:quote-speaker-after", "We take back every deportee the United States sends"],
        ["co", "migration", "prose:quote-continued+context", "What we ask for is respect"],
      ],
    ],
    [
      "a perfect participle in the clause that opens the sentence has the main clause's subject, and says only what its clause says",
      [
        "Colombia's energy minister, Irene Vélez, spoke to reporters in Cartagena.",
        "Despite having once said that “fracking poisons the water,” she now visits the pilot wells.",
      ],
      [["co", "energy", "prose:reported-speech", "said that “fracking poisons the water,”"]],
    ],
    [
      "“he” after “the Colombian leader” is the Colombian leader, not the named but less recent president",
      [
        "President Donald Trump defended the strikes on drug boats.",
        "The Colombian leader condemned the strikes within hours. He has since said Colombia will keep buying natural gas from its neighbour.",
      ],
      [
        ["us", "drug-policy", "prose:stance-verb", "President Donald Trump defended the strikes on drug boats"],
        ["co", "drug-policy", "prose:stance-verb+context", "The Colombian leader condemned the strikes within hours"],
        ["co", "energy", "prose:reported-speech", "He has since said Colombia will keep buying natural gas from its neighbour"],
      ],
    ],
    [
      "a relative clause without “that” has its own subject; a month is no name; a quotation takes the issue of the deed it answers",
      ["Petro criticized the drug boat strikes in September.", "The Treasury sanctioned him personally in October, a step he called “a lie dressed up as law.”"],
      [
        ["co", "drug-policy", "prose:stance-verb", "Petro criticized the drug boat strikes in September"],
        ["us", "other-sanctions-on-individuals", "prose:action", "The Treasury sanctioned him personally in October, a step"],
        ["co", "other-sanctions-on-individuals", "prose:quote-speaker-before+context", "a lie dressed up as law"],
      ],
    ],
    [
      "a clause about the talking itself takes no position on the issue around it",
      ["Petro defended crop substitution for coca growers.", "He agreed to speak with me in his office. He told me that Trump had struck a light tone when they spoke."],
      [["co", "drug-policy", "prose:stance-verb", "Petro defended crop substitution for coca growers"]],
    ],
    [
      "an office with no country, in a text about both governments, is the government the text was just on; imports of gas are energy",
      ["Washington criticized the auctions for wind power.", "Petro defended them. The ministry has authorised imports of liquefied natural gas through Cartagena."],
      [
        ["us", "energy", "prose:stance-verb", "Washington criticized the auctions for wind power"],
        ["co", "energy", "prose:stance-verb+context", "Petro defended them"],
        ["co", "energy", "prose:action", "The ministry has authorised imports of liquefied natural gas through Cartagena"],
      ],
    ],
    [
      "verbs with a particle and verbs of concession",
      [
        "The Colombian foreign ministry ruled out a return to aerial fumigation. The defence ministry boasts of record cocaine seizures.",
        "U.S. officials conceded that the deportation flights had been badly handled.",
      ],
      [
        ["co", "drug-policy", "prose:stance-verb", "The Colombian foreign ministry ruled out a return to aerial fumigation"],
        ["co", "drug-policy", "prose:stance-verb", "The defence ministry boasts of record cocaine seizures"],
        ["us", "migration", "prose:reported-speech", "U.S. officials conceded that the deportation flights had been badly handled"],
      ],
    ],
    [
      "an 'and' between offices is one subject; a relative clause may quote",
      [
        "“We will keep importing gas until the solar farms are built,” Colombia's mines and energy minister said.",
        "Petro, who has called coal “a slow poison,” defended the auctions for wind power on the coast.",
      ],
      [
        ["co", "energy", "prose:quote-speaker-after", "We will keep importing gas until the solar farms are built"],
        ["co", "energy", "prose:stance-verb", "Petro, who has called coal “a slow poison,” defended the auctions for wind power on the coast"],
      ],
    ],
    [
      "the holder is who speaks, not who is mentioned",
      ["Petro said the U.S. deportation flights treated migrants like criminals."],
      [["co", "migration", "prose:reported-speech", "Petro said the U.S. deportation flights treated migrants like criminals"]],
    ],
    [
      "dashes that set off an aside read as commas; a dateline's dash does not",
      ["U.S. officials — speaking on condition of anonymity — said deportation flights would resume next week.", "BOGOTA (AP) — Petro said deportation flights would stop — for now — until the shackles come off."],
      [
        ["us", "migration", "prose:reported-speech", "U.S. officials — speaking on condition of anonymity — said deportation flights would resume next week"],
        ["co", "migration", "prose:reported-speech", "Petro said deportation flights would stop — for now — until the shackles come off"],
      ],
    ],
    [
      "offices joined by 'and' in a title make one speaker after the clause they report",
      ["Colombia will import natural gas from Venezuela if U.S. sanctions allow it, Mines and Energy Minister Edwin Palma told Reuters on Monday."],
      [["co", "energy", "prose:reported-speaker-after", "Colombia will import natural gas from Venezuela if U.S. sanctions allow it"]],
    ],
    [
      "a wire report's dateline is no part of the stance; sharing intelligence with U.S. agencies is drug-policy cooperation",
      [
        "BOGOTA, Colombia (AP) — Colombia's government on Tuesday suspended intelligence sharing with U.S. security agencies, President Gustavo Petro said.",
        "WASHINGTON (Reuters) - The State Department said it would resume deportation flights to Colombia.",
      ],
      [
        ["co", "drug-policy", "prose:reported-speaker-after", "Colombia's government on Tuesday suspended intelligence sharing with U.S. security agencies"],
        ["us", "migration", "prose:reported-speech", "The State Department said it would resume deportation flights to Colombia"],
      ],
    ],
    [
      "a nationality adjective names the issue of the noun it modifies; a command reports what it did",
      ["The United States is funding UNHCR shelters for Venezuelan migrants in Cúcuta.", "Southern Command reported that it sank another drug boat off Tumaco."],
      [
        ["us", "migration", "prose:action", "The United States is funding UNHCR shelters for Venezuelan migrants in Cúcuta"],
        ["us", "drug-policy", "prose:reported-speech", "Southern Command reported that it sank another drug boat off Tumaco"],
      ],
    ],
    [
      "a known first name gives a person's gender before any pronoun does: “she” after Donald Trump is still Laura Sarabia",
      [
        "Laura Sarabia has run Colombia’s foreign ministry since January.",
        "She said Colombia would keep producing oil. President Donald Trump declared a national energy emergency.",
        "“Friends can disagree about coca and about oil,” she said.",
      ],
      [
        ["co", "energy", "prose:reported-speech", "She said Colombia would keep producing oil"],
        ["us", "energy", "prose:reported-speech", "President Donald Trump declared a national energy emergency"],
        ["co", "drug-policy", "prose:quote-speaker-after", "Friends can disagree about coca"],
        ["co", "energy", "prose:quote-speaker-after", "about oil"],
      ],
    ],
    [
      "a stance verb takes the issue of the sentence before only when its object points back or carries that issue's policy words",
      [
        "Petro's government has cut coca eradication targets. It is a choice the president has defended in international forums.",
        "Petro's government has cut coca eradication targets. He also defended rural development as the answer.",
      ],
      [
        ["co", "drug-policy", "prose:action", "Petro's government has cut coca eradication targets"],
        ["co", "drug-policy", "prose:action", "Petro's government has cut coca eradication targets"],
        ["co", "drug-policy", "prose:stance-verb+context", "He also defended rural development as the answer"],
      ],
    ],
    [
      "a headline tells a past deed in the present ('recalls', 'ends', 'closes')",
      ["Colombia recalls ambassador to Washington over boat strikes", "US ends Chevron licence in Venezuela", "The White House closes the door on TPS for Venezuelans"],
      [
        ["co", "drug-policy", "prose:action", "Colombia recalls ambassador to Washington over boat strikes"],
        ["us", "venezuela", "prose:action", "US ends Chevron licence in Venezuela"],
        ["us", "migration", "prose:action", "The White House closes the door on TPS for Venezuelans"],
      ],
    ],
    [
      "a deed named by an event noun with a government as its modifier, unless another holder's words report it or it is only possible",
      [
        "U.S. strikes on suspected drug boats have killed more than 80 people since September.",
        "Petro criticized U.S. strikes on boats in the Caribbean.",
        "Analysts in Bogotá see a possible U.S. operation against cocaine laboratories.",
        "Bogotá could buy Venezuelan gas if U.S. sanctions allow it.",
        "Analysts say the U.S. is working on sanctions with Colombia.",
      ],
      [
        ["us", "drug-policy", "prose:event", "U.S. strikes on suspected drug boats have killed more than 80 people since September"],
        ["co", "drug-policy", "prose:stance-verb", "Petro criticized U.S. strikes on boats in the Caribbean"],
      ],
    ],
    [
      "a passive deed is its agent's when a government is named as the agent; without one it is background",
      [
        "In January, two U.S. military aircraft carrying deported Colombians were turned back on Petro’s orders.",
        "Colombia was decertified by the United States last September.",
        "Colombia was decertified again this year.",
      ],
      [
        ["co", "migration", "prose:action", "two U.S. military aircraft carrying deported Colombians were turned back on Petro’s orders"],
        ["us", "drug-policy", "prose:action", "Colombia was decertified by the United States last September"],
      ],
    ],
    [
      "a deed told with 'sent', 'answered with', 'kept', 'opened'",
      [
        "In January, Donald Trump sent the United States military into Venezuela to remove Nicolás Maduro.",
        "President Donald Trump answered with a threat of 25% tariffs on Colombian goods.",
        "Washington will keep paying for alternative-development projects in Cauca.",
        "The U.S. Trade Representative opened a review of Colombia’s tariff preferences.",
      ],
      [
        ["us", "venezuela", "prose:action", "Donald Trump sent the United States military into Venezuela to remove Nicolás Maduro"],
        ["us", "other-trade-and-tariffs", "prose:action", "President Donald Trump answered with a threat of 25% tariffs on Colombian goods"],
        // "paying for" is a deed of its own, which ends "keep"'s words: the gerund's stance, Washington's still.
        ["us", "drug-policy", "prose:action", "paying for alternative-development projects in Cauca"],
        ["us", "other-trade-and-tariffs", "prose:action", "The U.S. Trade Representative opened a review of Colombia’s tariff preferences"],
      ],
    ],
    [
      "a sanction whose object is a person's name is a sanction on an individual; on a country or company it is not",
      [
        "The Treasury sanctioned Laura Quintero, a former adviser in Petro’s office, over alleged campaign finance ties.",
        "Washington sanctioned Venezuela's state oil company.",
      ],
      [
        ["us", "other-sanctions-on-individuals", "prose:action", "The Treasury sanctioned Laura Quintero, a former adviser in Petro’s office, over alleged campaign finance ties"],
        ["us", "venezuela", "prose:action", "Washington sanctioned Venezuela's state oil company"],
      ],
    ],
    [
      "a pronoun after an object noun opens a relative clause of that object, not a report of whoever the noun names",
      [
        "The Treasury Department imposed sanctions on four Colombian companies it said laundered money for the Gulf Clan.",
        "U.S. forces struck three boats they said carried cocaine from Colombia.",
      ],
      [
        ["us", "other-security-and-armed-groups", "prose:action", "The Treasury Department imposed sanctions on four Colombian companies it said laundered money for the Gulf Clan"],
        ["us", "drug-policy", "prose:action", "U.S. forces struck three boats they said carried cocaine from Colombia"],
      ],
    ],
    [
      "a briefing transcript: the credit line ties the name its labels use to a government; a label's honorific is no part of the name",
      [
        "Department Press Briefing",
        "Jane Holloway, Principal Deputy Spokesperson",
        "MS. HOLLOWAY: We expect Colombia to resume forced eradication and to extradite the cartel leaders we have requested.",
      ],
      [["us", "drug-policy", "prose:speaker-label", "We expect Colombia to resume forced eradication and to extradite the cartel leaders we have requested"]],
    ],
    [
      "'the department' is the institution the text was just on; a plural nationality noun before a deed names the deed's issue",
      [
        "The Department of Homeland Security was unmoved. “Removals of Colombian nationals will continue on the schedule the United States determines,” the department said in a statement. It added that the administration would ask Bogotá to accept Venezuelans deported from U.S. soil.",
      ],
      [
        ["us", "migration", "prose:quote-speaker-after", "Removals of Colombian nationals will continue on the schedule the United States determines"],
        ["us", "migration", "prose:reported-speech", "It added that the administration would ask Bogotá to accept Venezuelans deported from U.S. soil"],
      ],
    ],
    [
      "security forces and border agencies are the government acting; 'carried out' a deed is the deed",
      [
        "The U.S. military has carried out more than 20 strikes on alleged drug boats since September.",
        "U.S. Customs and Border Protection deported 120 Colombians on Tuesday.",
      ],
      [
        ["us", "drug-policy", "prose:action", "The U.S. military has carried out more than 20 strikes on alleged drug boats since September"],
        ["us", "migration", "prose:action", "U.S. Customs and Border Protection deported 120 Colombians on Tuesday"],
      ],
    ],
    [
      "paying for a programme is a deed, and a clause after 'while' has its own holder",
      ["Colombia's Foreign Ministry opened a humanitarian corridor in April, while the State Department pays for the Panamanian deportation flights to Caracas."],
      [
        ["co", "migration", "prose:action", "Colombia's Foreign Ministry opened a humanitarian corridor in April"],
        ["us", "migration", "prose:action", "the State Department pays for the Panamanian deportation flights to Caracas"],
      ],
    ],
    [
      "'handed over' a trafficker is an extradition, and a strike on a vessel of a 'designated terrorist organization' is drug policy",
      [
        "Colombia handed over to U.S. marshals a commander wanted in New York on cocaine-trafficking charges.",
        "U.S. Southern Command said its forces carried out a lethal strike on a vessel operated by a designated terrorist organization.",
      ],
      [
        ["co", "drug-policy", "prose:action", "Colombia handed over to U.S. marshals a commander wanted in New York on cocaine-trafficking charges"],
        ["us", "drug-policy", "prose:reported-speech", "U.S. Southern Command said its forces carried out a lethal strike on a vessel operated by a designated terrorist organization"],
      ],
    ],
    [
      "'“…,” he said, adding that …' keeps the quotation the speaker's; declining to discuss is no stance",
      [
        "Spokesperson Tommy Pigott spoke at the State Department.",
        "“We will keep striking drug boats,” he said, adding that the United States does not need anyone's permission to stop cocaine. Asked about the strike, Pigott said he would not discuss operational details.",
      ],
      [
        ["us", "drug-policy", "prose:quote-speaker-after", "We will keep striking drug boats"],
        ["us", "drug-policy", "prose:reported-speech", "adding that the United States does not need anyone's permission to stop cocaine"],
      ],
    ],
    [
      "'what ministers said' is a free relative: it names what was said and reports no position",
      ["Colombia wants to stop signing new oil exploration contracts. The positions below are read from what ministers and their spokespeople said in public."],
      [["co", "energy", "prose:stance-verb", "Colombia wants to stop signing new oil exploration contracts"]],
    ],
    [
      "'over an overnight strike' is a noun: the deed is the summons, and it is Colombia's",
      ["Colombia's Foreign Ministry summoned the top U.S. diplomat in Bogotá over an overnight strike on a drug boat near San Andrés."],
      [["co", "drug-policy", "prose:action", "Colombia's Foreign Ministry summoned the top U.S. diplomat in Bogotá over an overnight strike on a drug boat near San Andrés"]],
    ],
    [
      "a live blog's verbless attribution: a holder, a short aside and a colon before a quotation",
      ["5:20 p.m. ET — Secretary of State Marco Rubio, in a post on X: “Sanctions on Caracas stay until there is an election date.”"],
      [["us", "venezuela", "prose:quote-speaker-before", "Sanctions on Caracas stay until there is an election date"]],
    ],
    [
      "the National Police and 'the presidency' are Colombia's",
      [
        "Colombia handed over a cocaine trafficker to U.S. marshals, the National Police said.",
        "In a statement, the presidency said the extradition showed that Colombia does not protect a single drug trafficker.",
      ],
      [
        ["co", "drug-policy", "prose:reported-speaker-after", "Colombia handed over a cocaine trafficker to U.S. marshals"],
        ["co", "drug-policy", "prose:reported-speech", "the presidency said the extradition showed that Colombia does not protect a single drug trafficker"],
      ],
    ],
    [
      "'a department official' is someone of the department the text is on; 'flights carrying Colombian deportees' is no holder",
      [
        "The Department of Homeland Security has not said what it will do if Bogotá refuses.",
        "Without a deal, a department official said, flights carrying Colombian deportees will keep landing at their current pace.",
      ],
      [["us", "migration", "prose:reported-speech", "a department official said, flights carrying Colombian deportees will keep landing at their current pace"]],
    ],
    [
      "a deed named by its noun, with its agent after 'by'",
      ["After the raid on Caracas by U.S. special forces, Petro spoke in Cúcuta."],
      [["us", "venezuela", "prose:event", "raid on Caracas by U.S. special forces"]],
    ],
    [
      "'people wanted by U.S. courts' describes the people (no one wants anything); 'protested' a strike is a stance",
      [
        "On March 5, Petro signed the extradition of 14 people wanted by U.S. courts.",
        "The foreign ministry protested the March 6 strike on a drug boat off Tumaco.",
      ],
      [
        ["co", "drug-policy", "prose:action", "Petro signed the extradition of 14 people wanted by U.S. courts"],
        ["co", "drug-policy", "prose:stance-verb", "The foreign ministry protested the March 6 strike on a drug boat off Tumaco"],
      ],
    ],
    [
      "'informed his agency to expect …' reports, and what the other government told the reporting one is its own",
      ["The head of Migración Colombia said U.S. officials had informed his agency to expect a third daily deportation flight from June."],
      [["us", "migration", "prose:reported-speech", "U.S. officials had informed his agency to expect a third daily deportation flight from June"]],
    ],
    [
      "a relative clause that describes the speaker gives the issue of words that name none",
      ["Southern Command, which directs the strikes on suspected drug boats, said in a statement that the operations will continue for as long as the cargo keeps moving."],
      [["us", "drug-policy", "prose:reported-speech+context", "Southern Command, which directs the strikes on suspected drug boats, said in a statement that the operations will continue for as long as the cargo keeps moving"]],
    ],
    [
      "'accused X of …' and 'blamed X for …' report the charge; a charge against a person, read whole, is about that person",
      [
        "Petro accused Washington of killing fishermen in the boat strikes.",
        "Petro blamed the United States for the surge in cocaine production.",
        "Rubio accused Petro of protecting drug traffickers.",
      ],
      [
        ["co", "drug-policy", "prose:reported-speech", "Petro accused Washington of killing fishermen in the boat strikes"],
        ["co", "drug-policy", "prose:reported-speech", "Petro blamed the United States for the surge in cocaine production"],
      ],
    ],
    [
      "the gerund after 'accusing … of' is the charge, not a clause of its own; 'the Trump administration' is no person",
      ["Mr. Trump met Petro at the White House.", "Petro has criticized U.S. military actions in Venezuela, accusing the Trump administration of committing war crimes in Caracas."],
      [
        ["co", "venezuela", "prose:stance-verb", "Petro has criticized U.S. military actions in Venezuela"],
        ["co", "venezuela", "prose:reported-speech", "accusing the Trump administration of committing war crimes in Caracas"],
      ],
    ],
    [
      "'a senior administration official' is the U.S. government's; 'shot back' reports a retort",
      [
        "A senior administration official told reporters the tariffs on Colombian flowers would stay until the extraditions move.",
        "Mines and Energy Minister Edwin Palma shot back that the fracking pilots would stay buried.",
      ],
      [
        ["us", "other-trade-and-tariffs", "prose:reported-speech", "A senior administration official told reporters the tariffs on Colombian flowers would stay until the extraditions move"],
        ["co", "energy", "prose:reported-speech", "Mines and Energy Minister Edwin Palma shot back that the fracking pilots would stay buried"],
      ],
    ],
    [
      "past a name set off by commas, 'used a speech to urge' is the opening noun phrase's; 'how fast to ease' is a question",
      [
        "The U.S. chargé d’affaires in Bogotá, John McNamara, used a speech to business leaders to urge Colombia to resume fracking.",
        "U.S. policymakers remain divided over how far and how fast to ease sanctions on Venezuela.",
      ],
      [["us", "energy", "prose:stance-verb", "The U.S. chargé d’affaires in Bogotá, John McNamara, used a speech to business leaders to urge Colombia to resume fracking"]],
    ],
    [
      "scaling a policy is a deed ('doubled its funding'); 'flew 104 deportees' is one, 'flew to Washington' is travel",
      [
        "Immigration and Customs Enforcement flew 104 Colombian deportees to Pereira.",
        "Washington doubled its funding for coca eradication.",
        "Petro flew to Washington on Monday.",
      ],
      [
        ["us", "migration", "prose:action", "Immigration and Customs Enforcement flew 104 Colombian deportees to Pereira"],
        ["us", "drug-policy", "prose:action", "Washington doubled its funding for coca eradication"],
      ],
    ],
    [
      "what a speaker did not say ('did not say which goods') is no position, and the speaker stays who 'he' means",
      ["Rubio said the sanctions on Venezuela would stay. He did not say which goods would be exempt. He added that the sanctions on Caracas would stay."],
      [
        ["us", "venezuela", "prose:reported-speech", "Rubio said the sanctions on Venezuela would stay"],
        ["us", "venezuela", "prose:reported-speech", "He added that the sanctions on Caracas would stay"],
      ],
    ],
    [
      "a gerund after 'keep' is what is kept, not a clause of its own; a headline with a place is no credit line",
      ["In Tumaco, fishermen stay ashore as Washington vows to keep striking drug boats"],
      [["us", "drug-policy", "prose:reported-speech", "Washington vows to keep striking drug boats"]],
    ],
    [
      "a place and a date between the verb and 'that' ('wrote on X on May 24 that …')",
      ["Petro wrote on X on May 24 that Colombia would not sign a single new interdiction agreement."],
      [["co", "drug-policy", "prose:reported-speech", "Petro wrote on X on May 24 that Colombia would not sign a single new interdiction agreement"]],
    ],
    [
      "'the law of armed conflict' is no armed-groups topic: the sentence is on the boat strikes",
      ["A State Department spokesperson said the law of armed conflict covers the boat strikes."],
      [["us", "drug-policy", "prose:reported-speech", "A State Department spokesperson said the law of armed conflict covers the boat strikes"]],
    ],
    [
      "', which said' gives the verb the institution before it as subject",
      ["Petro's criticism drew a rebuke from Washington, which said the strikes on drug boats would continue."],
      [["us", "drug-policy", "prose:reported-speech", "Washington, which said the strikes on drug boats would continue"]],
    ],
    [
      "', who' gives the verb the noun phrase before it as subject, past a preposition",
      ["Petro, a former guerrilla, has clashed repeatedly with U.S. President Donald Trump, who last month threatened to cut all aid to Colombia's anti-drug programmes."],
      [["us", "drug-policy", "prose:reported-speech", "U.S. President Donald Trump, who last month threatened to cut all aid to Colombia's anti-drug programmes"]],
    ],
    [
      "a speaker after the reported words keeps them when the tail says when, and the tail's own deed is its agent's",
      ["Colombia will suspend purchases of U.S. weapons, President Gustavo Petro said on Tuesday, a day after Washington decertified the country as a partner in the drug war."],
      [
        ["co", "other-arms-and-military-cooperation", "prose:reported-speaker-after", "Colombia will suspend purchases of U.S. weapons"],
        ["us", "drug-policy", "prose:action", "Washington decertified the country as a partner in the drug war"],
      ],
    ],
    [
      "sentence adverbs between a subject and its verb are skipped",
      ["The State Department said Colombia had failed to meet its counter-narcotics obligations. It nonetheless issued a waiver that keeps counter-narcotics aid flowing."],
      [
        ["us", "drug-policy", "prose:reported-speech", "The State Department said Colombia had failed to meet its counter-narcotics obligations"],
        ["us", "drug-policy", "prose:action", "It nonetheless issued a waiver that keeps counter-narcotics aid flowing"],
      ],
    ],
    [
      "a government's report speaks for the institution named before it",
      ["Colombia disputes the figures. In March the State Department’s narcotics bureau published its annual report. The report urged Bogotá to “restore forced eradication at scale.”"],
      [["us", "drug-policy", "prose:stance-verb", "The report urged Bogotá to “restore forced eradication at scale.”"]],
    ],
    [
      "a codebook person named in a credit line answers to their surname in the speaker labels",
      [
        "Tammy Bruce, Department Spokesperson",
        "MS BRUCE: We have encouraged Colombia to develop its own gas resources rather than import them.",
      ],
      [["us", "energy", "prose:speaker-label", "We have encouraged Colombia to develop its own gas resources rather than import them"]],
    ],
    [
      "a closed quotation keeps its speaker after it, however long the words on where and how it was said",
      [
        "“We will keep at it for as long as the cartels keep putting to sea,” a senior officer at U.S. Southern Command told reporters at the command’s headquarters in Doral, Florida, speaking on condition of anonymity.",
      ],
      [["us", "drug-policy", "prose:quote-speaker-after", "We will keep at it for as long as the cartels keep putting to sea"]],
    ],
    [
      "an office and the name in apposition after it are one person a later pronoun can mean",
      [
        "Deputy Secretary of State Christopher Landau told a business lunch in February that Colombia was making a strange sacrifice. The mines and energy minister, Edwin Palma, has been more pragmatic. “The gas we have found, we will bring ashore,” he told me.",
      ],
      [["co", "energy", "prose:quote-speaker-after", "The gas we have found, we will bring ashore"]],
    ],
  ])("%s", (_name, paragraphs, expected) => {
    expect(stancesOf("en", ...paragraphs)).toEqual(expected);
  });

  it("reads an official statement under its heading as the issuer's words", () => {
    expect(
      stancesOf(
        "en",
        "## Statement by the Colombian Foreign Ministry",
        "Colombia rejects the decertification decision. We will keep offering crop substitution to coca farmers.",
      ),
    ).toEqual([
      [
        "co",
        "drug-policy",
        "prose:statement",
        "Colombia rejects the decertification decision. We will keep offering crop substitution to coca farmers",
      ],
    ]);
  });
});

describe("official statements: the issuer's words, and what they say others say or do", () => {
  it("reads a sentence that names the other government as that government's, and the sentences around it as the issuer's", () => {
    expect(
      stancesOf(
        "en",
        "## Statement by the Colombian Foreign Ministry",
        "We reject the boarding of a tanker carrying Venezuelan fuel. According to the note, Washington considers that the cargo breached the sanctions on Venezuela. We will keep our embassy in Caracas open.",
      ),
    ).toEqual([
      ["co", "venezuela", "prose:statement", "We reject the boarding of a tanker carrying Venezuelan fuel"],
      ["us", "venezuela", "prose:stance-verb", "Washington considers that the cargo breached the sanctions on Venezuela"],
      ["co", "venezuela", "prose:statement", "We will keep our embassy in Caracas open"],
    ]);
  });

  it("takes the issuer from the line under a title that names none ('COMUNICADO DE PRENSA')", () => {
    expect(stancesOf("es", "COMUNICADO DE PRENSA", "Ministerio de Relaciones Exteriores de Colombia", "Exigimos que cesen los ataques contra embarcaciones en el Caribe.")).toEqual([
      ["co", "drug-policy", "prose:statement", "Exigimos que cesen los ataques contra embarcaciones en el Caribe"],
    ]);
  });
});

describe("signed texts: an official author's first-person sentences are the author's government's", () => {
  it("reads the author from a bio line; the sentences that name someone else stay theirs", () => {
    expect(
      stancesOf(
        "en",
        "We will keep funding manual eradication in Putumayo, and we expect Bogotá to match that effort.",
        'President Petro says that "the war on drugs has failed." I disagree: extraditions work.',
        "If Colombia resumes aerial spraying, we will double our support.",
        "*Peter Lane is the U.S. Ambassador to Colombia. He previously served in Lima.*",
      ),
    ).toEqual([
      ["us", "drug-policy", "prose:author", "We will keep funding manual eradication in Putumayo, and we expect Bogotá to match that effort"],
      ["co", "drug-policy", "prose:reported-speech", 'President Petro says that "the war on drugs has failed."'],
      ["us", "drug-policy", "prose:author", "I disagree: extraditions work"],
      ["us", "drug-policy", "prose:author", "If Colombia resumes aerial spraying, we will double our support"],
    ]);
  });

  it("takes no author from a byline without an office, nor from a former one", () => {
    expect(stancesOf("en", "By Jane Doe, Bogotá correspondent", "We will keep funding manual eradication in Putumayo.")).toEqual([]);
    expect(stancesOf("en", "We will keep funding manual eradication in Putumayo.", "*Jane Doe is a former U.S. ambassador to Colombia.*")).toEqual([]);
  });
});

describe("prose stances: attribution frames in Spanish", () => {
  it.each<[string, string[], string[][]]>([
    ["cita con el hablante después", ["«No vamos a fumigar con glifosato», dijo Petro."], [["co", "drug-policy", "prose:quote-speaker-after", "No vamos a fumigar con glifosato"]]],
    [
      "un texto habla por quien se nombra justo después de él: «una carta del embajador de Estados Unidos»",
      [
        "El secretario de la Comisión leyó una carta del embajador de Estados Unidos. «Las operaciones contra las lanchas continuarán», dice la carta.",
        "El secretario leyó una misiva de la Embajada de Estados Unidos. La misiva ofrece «todo el gas natural que el país necesite».",
      ],
      [
        ["us", "drug-policy", "prose:quote-speaker-after", "Las operaciones contra las lanchas continuarán"],
        ["us", "energy", "prose:stance-verb", "La misiva ofrece «todo el gas natural que el país necesite»"],
      ],
    ],
    [
      "el cónsul y el consulado sin país son del gobierno del texto",
      ["El cónsul dijo que el consulado acompañará a cada deportado hasta el avión."],
      [["co", "migration", "prose:reported-speech", "El cónsul dijo que el consulado acompañará a cada deportado hasta el avión"]],
    ],
    [
      "el Ejército, la Armada y la Policía sin país son del gobierno del texto",
      ["El Ejército informó que destruyó 46 laboratorios de cocaína en el Catatumbo."],
      [["co", "drug-policy", "prose:reported-speech", "El Ejército informó que destruyó 46 laboratorios de cocaína en el Catatumbo"]],
    ],
    [
      "un infinitivo regido («va a suspender») es un hecho del sujeto; «sin superar» y «la forma de reducir» no lo son",
      [
        "El Gobierno va a suspender la aspersión con glifosato.",
        "Las delegaciones de Colombia y Estados Unidos terminaron sin superar su diferencia: la forma de reducir los cultivos de coca.",
      ],
      [["co", "drug-policy", "prose:action", "El Gobierno va a suspender la aspersión con glifosato"]],
    ],
    [
      "tras una cita, «que» justo después del hablante abre una relativa sobre él; «en inglés» no es parte del hablante",
      ["«Colombia no cumple las condiciones para una designación de TPS», dijo en inglés un funcionario del DHS que pidió no ser identificado."],
      [["us", "migration", "prose:quote-speaker-after", "Colombia no cumple las condiciones para una designación de TPS"]],
    ],
    [
      "«escribió en X»: X es la red, no quien escribe; la cita es de quien el texto venía hablando",
      ["El presidente Gustavo Petro habló de los deportados. «Un migrante no es un delincuente y no tiene por qué viajar encadenado», escribió en X el 9 de junio."],
      [["co", "migration", "prose:quote-speaker-after", "Un migrante no es un delincuente y no tiene por qué viajar encadenado"]],
    ],
    [
      "lo que no se precisó («no precisó cuándo») no es una posición; la pregunta se lee con tilde",
      ["El canciller dijo que Colombia recibirá los vuelos de deportación. No precisó cuándo llegará el primer vuelo de deportación."],
      [["co", "migration", "prose:reported-speech", "El canciller dijo que Colombia recibirá los vuelos de deportación"]],
    ],
    [
      "«duplicará» es un hecho del gobierno",
      ["El ministro de Defensa duplicará los grupos de erradicación manual en Putumayo."],
      [["co", "drug-policy", "prose:action", "El ministro de Defensa duplicará los grupos de erradicación manual en Putumayo"]],
    ],
    [
      "«contestó que» reporta lo dicho; «la aspersión» a secas es política de drogas",
      [
        "La canciller Rosa Villavicencio contestó que el país «no va a poner un solo soldado en territorio venezolano».",
        "El ministro descartó cualquier regreso a la aspersión de herbicidas sobre los cultivos.",
      ],
      [
        ["co", "venezuela", "prose:reported-speech", "La canciller Rosa Villavicencio contestó que el país «no va a poner un solo soldado en territorio venezolano»"],
        ["co", "drug-policy", "prose:stance-verb", "El ministro descartó cualquier regreso a la aspersión de herbicidas sobre los cultivos"],
      ],
    ],
    [
      "«valora» y «aplaudió» dicen qué sostiene quien los dice",
      ["Colombia valora la cooperación en inteligencia con los Estados Unidos.", "El canciller aplaudió la reanudación de los pagos de sustitución de cultivos."],
      [
        ["co", "drug-policy", "prose:stance-verb", "Colombia valora la cooperación en inteligencia con los Estados Unidos"],
        ["co", "drug-policy", "prose:stance-verb", "El canciller aplaudió la reanudación de los pagos de sustitución de cultivos"],
      ],
    ],
    [
      "«, que calificó» da al verbo la institución de antes como sujeto",
      ["La medida fue criticada por la Cancillería, que calificó los vuelos de deportación de «humillantes»."],
      [["co", "migration", "prose:reported-speech", "la Cancillería, que calificó los vuelos de deportación de «humillantes»"]],
    ],
    [
      "una cita cerrada conserva su hablante aunque la cola traiga una relativa con «que»",
      ["«No vamos a fumigar con glifosato», dijo el presidente Petro en Tumaco, donde insistió en que la sustitución es el camino."],
      [["co", "drug-policy", "prose:quote-speaker-after", "No vamos a fumigar con glifosato"]],
    ],
    [
      "«El» que abre una frase es el artículo, no el pronombre «él»: el sujeto sigue tras «de»",
      ["El encargado de negocios de Estados Unidos en Bogotá fue más allá: en una entrevista radial, dijo que el carbón colombiano «seguirá siendo necesario durante décadas»."],
      [["us", "energy", "prose:reported-speech", "dijo que el carbón colombiano «seguirá siendo necesario durante décadas»"]],
    ],
    [
      "una cláusula de relativo con su propio titular: quien la presentó sostiene la propuesta, y la aposición remite a lo dicho antes",
      [
        "Washington rechazó una propuesta que Bogotá había presentado en enero para que los deportados lleguen en vuelos civiles.",
        "En materia migratoria, Washington aceptó ampliar un programa de retornos voluntarios, una propuesta que Bogotá había presentado en enero.",
      ],
      [
        ["us", "migration", "prose:stance-verb", "Washington rechazó una propuesta que Bogotá había presentado en enero para que los deportados lleguen en vuelos civiles"],
        ["co", "migration", "prose:stance-verb", "una propuesta que Bogotá había presentado en enero para que los deportados lleguen en vuelos civiles"],
        ["us", "migration", "prose:stance-verb", "Washington aceptó ampliar un programa de retornos voluntarios, una propuesta que Bogotá había presentado en enero"],
        ["co", "migration", "prose:stance-verb+context", "una propuesta que Bogotá había presentado en enero"],
      ],
    ],
    [
      "un participio sin «haber» ni agente describe un nombre: no reporta palabras de nadie",
      ["El Gobierno de Colombia extraditó a Wilder Mosquera, señalado como uno de los jefes financieros del Clan del Golfo."],
      [["co", "drug-policy", "prose:action", "El Gobierno de Colombia extraditó a Wilder Mosquera, señalado como uno de los jefes financieros del Clan del Golfo"]],
    ],
    [
      "«Así lo aseguró» atribuye la oración anterior",
      ["Colombia no volverá a la fumigación con glifosato. Así lo aseguró el ministro de Justicia, Eduardo Montealegre, tras la reunión."],
      [["co", "drug-policy", "prose:reported-speaker-after", "Colombia no volverá a la fumigación con glifosato"]],
    ],
    [
      "en una entrevista, la pregunta no es una posición y la respuesta («R:» o guion de diálogo) es de la entrevistada",
      [
        "La canciller colombiana, Rosa Villavicencio, habló con este diario.",
        "P: ¿Colombia aceptará los vuelos de deportación?",
        "R: Los vamos a recibir en aviones civiles y con dignidad, no en vuelos de deportación militares.",
        "—¿Y Venezuela?",
        "—Seguiremos apostando por el diálogo con Caracas y por la reapertura de la frontera.",
      ],
      [
        ["co", "migration", "prose:speaker-label", "Los vamos a recibir en aviones civiles y con dignidad, no en vuelos de deportación militares"],
        ["co", "venezuela", "prose:speaker-label", "Seguiremos apostando por el diálogo con Caracas y por la reapertura de la frontera"],
      ],
    ],
    [
      "el participio de una pasiva concuerda con su paciente («fueron deportados», «fueron impuestas»)",
      [
        "Los 200 migrantes colombianos fueron deportados por Estados Unidos en aviones militares.",
        "Las sanciones fueron impuestas por el Departamento del Tesoro a tres navieras venezolanas.",
      ],
      [
        ["us", "migration", "prose:action", "Los 200 migrantes colombianos fueron deportados por Estados Unidos en aviones militares"],
        ["us", "venezuela", "prose:action", "Las sanciones fueron impuestas por el Departamento del Tesoro a tres navieras venezolanas"],
      ],
    ],
    [
      "una entrega es un acto, y un titular puede enunciar una posición",
      ["## Colombia extradita a un jefe financiero del Clan del Golfo", "La Cancillería entregó una nota de protesta a la Embajada de Estados Unidos por el ataque a una lancha."],
      [
        ["co", "drug-policy", "prose:action", "Colombia extradita a un jefe financiero del Clan del Golfo"],
        ["co", "drug-policy", "prose:action", "La Cancillería entregó una nota de protesta a la Embajada de Estados Unidos por el ataque a una lancha"],
      ],
    ],
    [
      "sujeto tácito",
      ["La canciller colombiana habló en Cartagena.", "Agregó que Colombia seguirá recibiendo a los deportados en vuelos civiles."],
      [["co", "migration", "prose:reported-speech", "Agregó que Colombia seguirá recibiendo a los deportados en vuelos civiles"]],
    ],
    [
      "una relativa sobre un comunicado o una evaluación, sin sujeto propio, es de quien la emitió",
      [
        "La Cancillería emitió un comunicado a través del cual rechazó la descertificación.",
        "La extradición se produjo horas después de que el Departamento de Estado publicara una evaluación en la que insta a Bogotá a reanudar la erradicación forzosa.",
      ],
      [
        ["co", "drug-policy", "prose:stance-verb", "La Cancillería emitió un comunicado a través del cual rechazó la descertificación"],
        ["us", "drug-policy", "prose:stance-verb", "el Departamento de Estado publicara una evaluación en la que insta a Bogotá a reanudar la erradicación forzosa"],
      ],
    ],
    [
      "«…, pero que Colombia …» sigue siendo lo que la canciller dijo",
      ["La canciller Villavicencio dijo que el Gobierno toma nota de la advertencia sobre Venezuela, pero que Colombia no necesita permiso de nadie para comerciar con su vecino."],
      [
        [
          "co",
          "venezuela",
          "prose:reported-speech",
          "La canciller Villavicencio dijo que el Gobierno toma nota de la advertencia sobre Venezuela, pero que Colombia no necesita permiso de nadie para comerciar con su vecino",
        ],
      ],
    ],
    [
      "abrir, renovar y conceder son actos",
      ["Migración Colombia abrió un corredor humanitario en Cúcuta para los migrantes.", "Washington renovó el TPS para los venezolanos."],
      [
        ["co", "migration", "prose:action", "Migración Colombia abrió un corredor humanitario en Cúcuta para los migrantes"],
        ["us", "migration", "prose:action", "Washington renovó el TPS para los venezolanos"],
      ],
    ],
    [
      "«El Gobierno» sin antecedente es el del texto, aunque una palabra suelta de antetítulo lo preceda",
      ["Frontera", "El Gobierno cierra acuerdo con Caracas y trae energía venezolana."],
      [
        ["co", "venezuela", "prose:action", "El Gobierno cierra acuerdo con Caracas"],
        ["co", "energy", "prose:action", "trae energía venezolana"],
      ],
    ],
    [
      "el emisor de la nota es el nombre más largo: «la Embajada de Estados Unidos», no «la Embajada»",
      ["Según fuentes de la Cancillería, la Embajada de Estados Unidos envió una nota en la que pide garantías de que ningún pago a Venezuela termine en cuentas sancionadas."],
      [["us", "venezuela", "prose:action", "la Embajada de Estados Unidos envió una nota en la que pide garantías de que ningún pago a Venezuela termine en cuentas sancionadas"]],
    ],
    [
      "apuntar, resaltar, comentar, referirse: verbos de habla",
      [
        "El ministro de Defensa apuntó que la Armada seguirá interceptando lanchas con cocaína.",
        "El presidente Gustavo Petro se refirió al programa en un mensaje en X: «La coca se va a acabar con cacao, no con glifosato».",
      ],
      [
        ["co", "drug-policy", "prose:reported-speech", "El ministro de Defensa apuntó que la Armada seguirá interceptando lanchas con cocaína"],
        ["co", "drug-policy", "prose:quote-speaker-before", "La coca se va a acabar con cacao, no con glifosato"],
      ],
    ],
    [
      "«el documento» es de quien lo publicó antes de citarlo, no de un gobierno nombrado en lo que dice",
      [
        "El Departamento de Estado publicó su informe anual sobre narcóticos. Según el informe, el Gobierno colombiano «ha reemplazado la erradicación por la retórica». El documento pide restablecer las metas de erradicación forzosa.",
      ],
      [
        ["us", "drug-policy", "prose:according-to", "el Gobierno colombiano «ha reemplazado la erradicación por la retórica»"],
        ["us", "drug-policy", "prose:stance-verb", "El documento pide restablecer las metas de erradicación forzosa"],
      ],
    ],
    [
      "un hecho nombrado con su agente tras «por» es acción de ese gobierno",
      ["Tras la captura de Nicolás Maduro por fuerzas estadounidenses, Petro habló en Cúcuta."],
      [["us", "venezuela", "prose:event", "captura de Nicolás Maduro por fuerzas estadounidenses"]],
    ],
    [
      "una cita partida alrededor de su atribución es del hablante a ambos lados",
      ["El presidente habló en Tumaco. «La hoja de coca no es el enemigo», dijo el mandatario, «el enemigo es el que vende la cocaína en Nueva York»."],
      [
        ["co", "drug-policy", "prose:quote-speaker-before", "el enemigo es el que vende la cocaína en Nueva York"],
        ["co", "drug-policy", "prose:quote-speaker-after", "La hoja de coca no es el enemigo"],
      ],
    ],
    [
      "«la Policía» y «la Armada» son de Colombia; «presumir de que» reporta",
      ["En el mismo discurso, el jefe de Estado presumió de que la Armada y la Policía incautaron más de 900 toneladas de cocaína."],
      [["co", "drug-policy", "prose:action", "la Policía incautaron más de 900 toneladas de cocaína"]],
    ],
    [
      "el comisionado de paz es un cargo que solo tiene Colombia",
      ["El consejero comisionado de Paz, Otty Patiño, ratificó que la zona de ubicación de las disidencias se mantendrá."],
      [["co", "other-security-and-armed-groups", "prose:reported-speech", "El consejero comisionado de Paz, Otty Patiño, ratificó que la zona de ubicación de las disidencias se mantendrá"]],
    ],
    [
      "una relativa entre comas describe: el tema es el de la oración principal",
      ["La canciller anunció que Colombia pidió un TPS para los colombianos que huyeron del Catatumbo, donde los combates entre el ELN y las disidencias desplazaron a miles."],
      [["co", "migration", "prose:reported-speech", "La canciller anunció que Colombia pidió un TPS para los colombianos que huyeron del Catatumbo, donde los combates entre el ELN y las disidencias desplazaron a miles"]],
    ],
    [
      "lo que el otro gobierno le notificó al que informa es del otro gobierno",
      ["La directora de Migración Colombia indicó que el Departamento de Seguridad Nacional de Estados Unidos le notificó que desde junio habrá dos vuelos de deportación semanales."],
      [["us", "migration", "prose:reported-speech", "el Departamento de Seguridad Nacional de Estados Unidos le notificó que desde junio habrá dos vuelos de deportación semanales"]],
    ],
    [
      "«hablar con sus vecinos» es diálogo entre gobiernos, no la conversación con el periodista",
      ["Petro ofreció mediar entre las autoridades de Caracas y la oposición.", "En palabras de la canciller Villavicencio, Colombia «no le pide permiso a nadie para hablar con sus vecinos»."],
      [
        ["co", "venezuela", "prose:stance-verb", "Petro ofreció mediar entre las autoridades de Caracas y la oposición"],
        ["co", "venezuela", "prose:according-to+context", "Colombia «no le pide permiso a nadie para hablar con sus vecinos»"],
      ],
    ],
    [
      "sujeto tácito tras un complemento antepuesto",
      ["Petro habló en Cartagena.", "Durante su intervención, aseguró que Colombia no volverá a fumigar con glifosato."],
      [["co", "drug-policy", "prose:reported-speech", "aseguró que Colombia no volverá a fumigar con glifosato"]],
    ],
    [
      "sujeto pospuesto",
      ["Washington no levantará las sanciones contra Caracas, afirmó el secretario de Estado de EE. UU."],
      [["us", "venezuela", "prose:reported-speaker-after", "Washington no levantará las sanciones contra Caracas"]],
    ],
    [
      "un cargo sin país es del Gobierno del texto, salvo que la aposición nombre a otra persona",
      [
        "El Gobierno colombiano defendió la sustitución de cultivos en el Catatumbo.",
        "El ministro de Defensa, Pete Hegseth, dijo que los ataques contra las lanchas del narcotráfico seguirán.",
      ],
      [
        ["co", "drug-policy", "prose:stance-verb", "El Gobierno colombiano defendió la sustitución de cultivos en el Catatumbo"],
        ["us", "drug-policy", "prose:reported-speech", "El ministro de Defensa, Pete Hegseth, dijo que los ataques contra las lanchas del narcotráfico seguirán"],
      ],
    ],
    [
      "descartar, reafirmar, condicionar",
      [
        "La Cancillería descartó volver a la aspersión aérea con glifosato.",
        "El Departamento de Estado reafirmó que las deportaciones continuarán.",
        "Washington condiciona la cooperación antidrogas a la erradicación forzada.",
      ],
      [
        ["co", "drug-policy", "prose:stance-verb", "La Cancillería descartó volver a la aspersión aérea con glifosato"],
        ["us", "migration", "prose:reported-speech", "El Departamento de Estado reafirmó que las deportaciones continuarán"],
        ["us", "drug-policy", "prose:stance-verb", "Washington condiciona la cooperación antidrogas a la erradicación forzada"],
      ],
    ],
    [
      "«el jefe de Estado» es quien fue nombrado con ese cargo, no la persona más reciente sin cargo; «en palabras de» atribuye",
      [
        "El presidente Gustavo Petro habló en Cúcuta.",
        "CORRESPONSAL: Así es, Mónica. Desde la Casa de Nariño, el jefe de Estado sostuvo que la erradicación forzada no funciona.",
        "En palabras de un funcionario del Departamento de Comercio, las petroleras «necesitan reglas estables para invertir en gas».",
      ],
      [
        ["co", "drug-policy", "prose:reported-speech", "el jefe de Estado sostuvo que la erradicación forzada no funciona"],
        ["us", "energy", "prose:according-to", "las petroleras «necesitan reglas estables para invertir en gas»"],
      ],
    ],
    [
      "una oración con dos temas mantiene el tema en curso; «denunciar» toma un objeto",
      [
        "El canciller colombiano denunció los bombardeos contra Venezuela.",
        "Subrayó que Colombia mantendrá abiertos los pasos fronterizos y el diálogo con Caracas. El Departamento de Estado, en cambio, reiteró que no habrá alivio de sanciones sin elecciones libres.",
      ],
      [
        ["co", "venezuela", "prose:stance-verb", "El canciller colombiano denunció los bombardeos contra Venezuela"],
        ["co", "migration", "prose:reported-speech", "Subrayó que Colombia mantendrá abiertos los pasos fronterizos"],
        ["co", "venezuela", "prose:reported-speech", "el diálogo con Caracas"],
        ["us", "venezuela", "prose:reported-speech+context", "El Departamento de Estado, en cambio, reiteró que no habrá alivio de sanciones sin elecciones libres"],
      ],
    ],
    [
      "una cifra con su fuente no es una postura; tras el verbo, «la» es un artículo, no una persona atacada",
      [
        "Según Migración Colombia, en lo corrido del año han aterrizado 41 vuelos con deportados desde Estados Unidos.",
        "El secretario de Estado, Marco Rubio, había advertido la semana pasada que Estados Unidos “usará todo su poder” contra los carteles.",
      ],
      [
        [
          "us",
          "drug-policy",
          "prose:reported-speech",
          "El secretario de Estado, Marco Rubio, había advertido la semana pasada que Estados Unidos “usará todo su poder” contra los carteles",
        ],
      ],
    ],
    ["un senador no es el Gobierno", ["El senador opositor criticó la política de drogas del Gobierno."], []],
    [
      "el sustantivo de quien sostiene la posición: «la amenaza de Trump» es un sustantivo, «la criticó» un verbo",
      [
        "Los exportadores temen la amenaza de Trump de imponer aranceles, y la apuesta de Petro por la sustitución de cultivos de coca sigue en pie.",
        "La canciller colombiana habló de la crisis migratoria; Washington la criticó por los vuelos de deportación.",
      ],
      [
        ["us", "other-trade-and-tariffs", "prose:nominal", "la amenaza de Trump de imponer aranceles"],
        ["co", "drug-policy", "prose:nominal", "la apuesta de Petro por la sustitución de cultivos de coca sigue en pie"],
        ["us", "migration", "prose:stance-verb", "Washington la criticó por los vuelos de deportación"],
      ],
    ],
    [
      "subjuntivo: un hecho tras «después de que», una petición no es un hecho de quien la recibe",
      [
        "La crisis empeoró después de que Washington anunciara la revisión de las visas de varios funcionarios colombianos.",
        "El canciller colombiano pidió que Washington suspendiera los vuelos de deportación.",
      ],
      [
        ["us", "other-visas", "prose:reported-speech", "Washington anunciara la revisión de las visas de varios funcionarios colombianos"],
        ["co", "migration", "prose:stance-verb", "El canciller colombiano pidió que Washington suspendiera los vuelos de deportación"],
      ],
    ],
    [
      "«el presidente» no es el senador citado antes: sin otro presidente nombrado, es el del país del texto",
      [
        "La canciller colombiana habló con la prensa en Bogotá sobre la migración.",
        "El senador Miguel Pardo dice que el Gobierno no protege a los migrantes.",
        "El presidente dijo que el país no volverá a fumigar con glifosato.",
      ],
      [["co", "drug-policy", "prose:reported-speech", "El presidente dijo que el país no volverá a fumigar con glifosato"]],
    ],
    [
      "«sanciones contra el gobierno venezolano» son sanciones a Venezuela, no a una persona",
      ["Por su parte, la Casa Blanca insistió en que no levantará las sanciones contra el gobierno venezolano hasta que haya elecciones libres."],
      [["us", "venezuela", "prose:reported-speech", "la Casa Blanca insistió en que no levantará las sanciones contra el gobierno venezolano hasta que haya elecciones libres"]],
    ],
    [
      "el gentilicio nombra el tema del sustantivo al que modifica; el Comando Sur informa lo que hizo",
      ["Colombia seguirá regularizando a los migrantes venezolanos, dijo la canciller.", "El Comando Sur informó anoche que hundió otra lancha frente a Tumaco."],
      [
        ["co", "migration", "prose:reported-speaker-after", "Colombia seguirá regularizando a los migrantes venezolanos"],
        ["us", "drug-policy", "prose:reported-speech", "El Comando Sur informó anoche que hundió otra lancha frente a Tumaco"],
      ],
    ],
    [
      "«mientras que» abre una cláusula propia con su sujeto",
      [
        "El Gobierno de Colombia insistió en que cualquier transición en Venezuela debe pasar por una negociación, mientras que la delegación estadounidense mantuvo su exigencia de elecciones libres en Venezuela.",
      ],
      [
        ["co", "venezuela", "prose:reported-speech", "El Gobierno de Colombia insistió en que cualquier transición en Venezuela debe pasar por una negociación"],
        ["us", "venezuela", "prose:action", "la delegación estadounidense mantuvo su exigencia de elecciones libres en Venezuela"],
      ],
    ],
    [
      "un hecho nombrado por su sustantivo con el gobierno como modificador",
      ["Los bombardeos estadounidenses contra lanchas en el Caribe dejaron al menos 80 muertos."],
      [["us", "drug-policy", "prose:event", "bombardeos estadounidenses contra lanchas en el Caribe dejaron al menos 80 muertos"]],
    ],
    [
      "«mantiene» cuenta como un hecho del gobierno",
      ["Estados Unidos mantiene destructores frente a Venezuela desde agosto."],
      [["us", "venezuela", "prose:action", "Estados Unidos mantiene destructores frente a Venezuela desde agosto"]],
    ],
    [
      "sancionar a una persona nombrada es una sanción personal",
      ["El Departamento del Tesoro sancionó a Gustavo Petro y a su esposa en octubre.", "El Departamento del Tesoro mantiene sancionado al mandatario colombiano desde octubre."],
      [
        ["us", "other-sanctions-on-individuals", "prose:action", "El Departamento del Tesoro sancionó a Gustavo Petro y a su esposa en octubre"],
        ["us", "other-sanctions-on-individuals", "prose:action", "El Departamento del Tesoro mantiene sancionado al mandatario colombiano desde octubre"],
      ],
    ],
  ])("%s", (_name, paragraphs, expected) => {
    expect(stancesOf("es", ...paragraphs)).toEqual(expected);
  });
});

describe("holder texts", () => {
  it("shows an unstated Spanish subject as the holder it continues", () => {
    const stances = extractProse(blocks("La canciller colombiana habló en Cartagena.", "Agregó que Colombia seguirá recibiendo a los deportados."), book, "es", []).stances;
    expect(stances.map((s) => s.holder)).toEqual(["La canciller colombiana"]);
  });

  it("keeps an office whose name joins two capitalised words with 'y' / 'and' whole", () => {
    const holders = (lang: Language, text: string) => extractProse(blocks(text), book, lang, []).stances.map((s) => s.holder);
    expect(holders("es", "La ministra de Minas y Energía, Karen Schutt, explicó que el gas cubrirá el déficit.")).toEqual(["La ministra de Minas y Energía"]);
    expect(holders("en", "U.S. Immigration and Customs Enforcement deported 90 Colombians.")).toEqual(["U.S. Immigration and Customs Enforcement"]);
  });

  it("leaves a manner phrase out of a Spanish speaker after the verb ('dijo en inglés un funcionario del DHS')", () => {
    const stances = extractProse(blocks("«Colombia no cumple las condiciones para una designación de TPS», dijo en inglés un funcionario del DHS."), book, "es", []).stances;
    expect(stances.map((s) => s.holder)).toEqual(["un funcionario del DHS"]);
  });
});

describe("prose stances are never taken from a passage a table or list already read", () => {
  it("skips claimed spans", () => {
    const text = "Petro said the government would end aerial fumigation of coca.";
    const claimed = [{ text, lineStart: 1, lineEnd: 1, columnStart: 0, columnEnd: text.length }];
    expect(extractProse(blocks(text), book, "en", claimed).stances).toEqual([]);
  });
});

describe("confidence: the rule's base, less what was inferred", () => {
  it.each([
    ["prose:quote-speaker-after", { holderFromContext: false, issueFromContext: false, twoIssues: false }, 0.9],
    ["prose:reported-speech", { holderFromContext: true, issueFromContext: false, twoIssues: false }, 0.75],
    ["prose:action", { holderFromContext: true, issueFromContext: true, twoIssues: false }, 0.55],
    ["prose:quote-continued", { holderFromContext: true, issueFromContext: true, twoIssues: true }, 0.35],
  ] as const)("%s %j → %d", (rule, inferred, expected) => {
    expect(proseConfidence(rule, inferred)).toBe(expected);
  });
});
