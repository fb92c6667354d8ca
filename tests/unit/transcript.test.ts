import { describe, expect, it } from "vitest";
import { isCreditLine, isDashQuestion, speakerLabel } from "../../scripts/ingest/prose/transcript";

describe("speakerLabel: who a transcript paragraph's label says is speaking", () => {
  it.each<[string, boolean, [string, string, number] | null]>([
    ["**ORTIZ:** Rechazamos cualquier acción militar.", false, ["ORTIZ", "speaker", 11]],
    ["MS BRUCE: We reject that characterization.", false, ["MS BRUCE", "speaker", 10]],
    ["R: Los vamos a recibir en aviones civiles.", false, ["R", "answer", 3]],
    ["QUESTION: Will you stop sharing intelligence?", false, ["QUESTION", "question", 10]],
    ["—Seguiremos apostando por el diálogo.", true, ["—", "answer", 1]],
    // A dash answers only a dashed question; a dashed question is no answer.
    ["—Seguiremos apostando por el diálogo.", false, null],
    ["—¿Y Venezuela?", true, null],
    ["Petro said the flights would stop.", false, null],
    // A broadcast's stage direction before the label.
    ["(SONIDO) Ministro de Defensa: «Ni un dato para un misil».", false, ["Ministro de Defensa", "speaker", 30]],
    ["[VIDEO] MS BRUCE: We reject that characterization.", false, ["MS BRUCE", "speaker", 18]],
  ])("%j (after a dashed question: %s) → %j", (text, afterDashQuestion, expected) => {
    const label = speakerLabel(text, afterDashQuestion);
    expect(label ? [label.name, label.role, label.bodyStart] : null).toEqual(expected);
  });
});

describe("transcript lines", () => {
  it.each([
    ["Tammy Bruce, Department Spokesperson", true],
    ["Jane Holloway, Principal Deputy Spokesperson", true],
    ["Washington, D.C.", false],
    ["March 3, 2026", false],
    ["Petro, a former guerrilla, spoke.", false],
    ["In Tumaco, fishermen stay ashore as Washington vows to keep striking drug boats", false],
  ])("%j is a credit line: %s", (text, expected) => {
    expect(isCreditLine(text)).toBe(expected);
  });

  it("tells a dashed question from a dashed answer", () => {
    expect([isDashQuestion("—¿Y Venezuela?"), isDashQuestion("—Seguiremos.")]).toEqual([true, false]);
  });
});
