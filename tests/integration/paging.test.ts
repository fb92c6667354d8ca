import { describe, expect, it } from "vitest";
import { stances } from "../../db/schema";
import {
  countDocuments,
  documentIndex,
  documentLines,
  findStance,
  getCorpusSummary,
  getDocument,
  getLineSizes,
  listDocumentChoices,
  listDocumentPage,
  listDocuments,
  listDocumentTitles,
  listStancePage,
  listStances,
  stanceIndex,
} from "../../db/queries";
import { seededDb } from "../helpers";

const { db } = seededDb();

// Paged reads must give exactly the rows of the whole list they cut, so each is checked against it.
describe("pages of the read model on the seeds", () => {
  it.each([
    [{}, 0, 10],
    [{ issues: ["drug-policy"], actors: ["co" as const] }, 3, 4],
    [{ issues: ["energy"], evidence: "structured" as const }, 0, 50],
    [{ issues: ["migration"] }, 1_000, 10],
  ])("a page of the stances under %j from %i, %i of them, is that slice of the whole list", (filter, offset, limit) => {
    const all = listStances(filter, db);
    const page = listStancePage(filter, offset, limit, db);
    expect(page.total).toBe(all.length);
    expect(page.stances.map((s) => s.key)).toEqual(all.slice(offset, offset + limit).map((s) => s.key));
  });

  it("finds a stance by its key and its place in a filtered list; null where the filter leaves it out", () => {
    const list = listStances({ issues: ["drug-policy"], actors: ["us"] }, db);
    const stance = list[5];
    if (!stance) throw new Error("the seeds have fewer than six US drug-policy stances");
    expect(findStance(stance.key, db)).toEqual({ id: stance.id, issueSlug: "drug-policy", actorId: "us" });
    expect(findStance("no-such-key", db)).toBeNull();
    expect(stanceIndex(stance.id, { issues: ["drug-policy"], actors: ["us"] }, db)).toBe(5);
    expect(stanceIndex(stance.id, { issues: ["energy"] }, db)).toBeNull();
  });

  it("reads a page of the documents with their counts, and finds a document's place in the list by name", () => {
    const all = listDocuments(db);
    expect(countDocuments(db)).toBe(all.length);
    expect(listDocumentPage(1, 2, db)).toEqual(all.slice(1, 3));
    const last = all.at(-1);
    if (!last) throw new Error("no documents");
    expect(documentIndex(last.slug, db)).toBe(all.length - 1);
    expect(documentIndex("no-such-document", db)).toBeNull();
    expect(listDocumentTitles([last.slug, "no-such-document"], db)).toEqual(new Map([[last.slug, last.title]]));
  });

  it("offers the documents with the most stances under a filter, then a chosen one outside them, and counts those with any", () => {
    const counts = new Map<string, number>();
    for (const s of listStances({ issues: ["drug-policy"] }, db)) counts.set(s.documentSlug, (counts.get(s.documentSlug) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const outside = listDocuments(db).find((d) => !counts.has(d.slug));
    const chosen = outside ? [outside.slug] : [];
    const choices = listDocumentChoices({ issues: ["drug-policy"] }, 2, chosen, db);
    expect(choices.total).toBe(counts.size);
    expect(choices.documents.map((d) => [d.slug, d.stances])).toEqual([...ranked.slice(0, 2), ...chosen.map((slug) => [slug, 0])]);
  });

  it("filters by the month a document was published in", () => {
    const dated = listStances({}, db).find((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.documentPublished ?? ""));
    if (!dated?.documentPublished) throw new Error("no dated stance in the seeds");
    const month = dated.documentPublished.slice(0, 7);
    const expected = listStances({}, db).filter((s) => s.documentPublished?.startsWith(month));
    expect(listStances({ months: [month] }, db).map((s) => s.key)).toEqual(expected.map((s) => s.key));
    expect(listStances({ months: ["1999-01"] }, db)).toEqual([]);
  });

  it("sizes each line of a document: its characters and the stances that start on it", () => {
    const [first] = listDocuments(db);
    if (!first) throw new Error("no documents");
    const doc = getDocument(first.slug, db);
    const sizes = getLineSizes(first.slug, db);
    if (!doc || !sizes) throw new Error("no document");
    expect(sizes.chars).toEqual(documentLines(doc.text).map((line) => line.length));
    expect(sizes.stances.reduce((a, b) => a + b, 0)).toBe(doc.stanceList.length);
    expect(getLineSizes("no-such-document", db)).toBeNull();
  });

  it("keeps an aggregate until the database changes, then computes it again", () => {
    const summary = getCorpusSummary({}, db);
    expect(getCorpusSummary({}, db)).toBe(summary);
    const stance = listStances({}, db)[0];
    if (!stance) throw new Error("no stances");
    db.update(stances).set({ overrideNote: "touched" }).run();
    const again = getCorpusSummary({}, db);
    expect(again).not.toBe(summary);
    expect(again).toEqual(summary);
  });
});

describe("documentLines", () => {
  it.each([
    ["a\nb\n\n", ["a", "b"]],
    ["a\r\nb\rc", ["a", "b", "c"]],
    ["", [""]],
  ])("%j → %j", (text, lines) => {
    expect(documentLines(text)).toEqual(lines);
  });
});
