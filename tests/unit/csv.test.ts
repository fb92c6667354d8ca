import { describe, expect, it } from "vitest";
import { csvCellChunks, csvChunks } from "../../db/export";

const csv = (columns: string[] | null, rows: (Record<string, unknown> | unknown[])[], options = {}) => [...csvChunks(columns, rows, options)].join("");

describe("csvChunks (RFC 4180)", () => {
  it.each([
    ["plain text and numbers", { a: "Bogotá", b: 0.25 }, "Bogotá,0.25"],
    ["a comma", { a: "x, y", b: 1 }, '"x, y",1'],
    ["doubled quotes", { a: 'say "no"', b: null }, '"say ""no""",'],
    // A prose stance can span lines: CR or LF alone must be quoted too (the CSV library left "a\nb" bare).
    ["a line feed alone", { a: "line one\nline two", b: 2 }, '"line one\nline two",2'],
    ["a carriage return alone", { a: "a\rb", b: 2 }, '"a\rb",2'],
    ["CRLF", { a: "a\r\nb", b: 2 }, '"a\r\nb",2'],
    ["a formula", { a: "=SUM(A1)", b: -1.5 }, "'=SUM(A1),-1.5"],
    ["a formula with a comma", { a: "+1, 2", b: -1 }, "\"'+1, 2\",-1"],
    ["missing and empty", { a: "", b: undefined }, ","],
    // One test now decides whether a field needs any work: each reason alone must still be caught.
    ["a leading minus, nothing to quote", { a: "-x", b: 0 }, "'-x,0"],
    ["a leading at sign", { a: "@cmd", b: 0 }, "'@cmd,0"],
    ["a leading tab: guarded and quoted", { a: "\tx", b: 0 }, "\"'\tx\",0"],
    ["a semicolon inside", { a: "a; b", b: 0 }, '"a; b",0'],
    ["a minus inside, nothing to do", { a: "x-y", b: 0 }, "x-y,0"],
  ])("%s", (_name, row, line) => {
    expect(csv(["a", "b"], [row])).toBe(`a,b\r\n${line}\r\n`);
  });

  it("writes the header and BOM even without rows, and nothing at all when asked for neither", () => {
    expect(csv(["a", "b"], [], { bom: true })).toBe("\uFEFFa,b\r\n");
    expect(csv(["a", "b"], [], { header: false })).toBe("");
  });

  it("writes array rows as they are (source tables), in chunks that join to the whole", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`row ${i}`, "cell"]);
    const chunks = [...csvChunks(null, rows)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(rows.map((r) => `${r.join(",")}\r\n`).join(""));
  });

  it("writes cells read by each column's function exactly as csvChunks writes the same rows, repeated cells too", () => {
    const rows = [
      { a: "=x", b: 1, c: null },
      { a: "=x", b: 1, c: "a; b" },
      { a: "y", b: 1, c: "a; b" },
      { a: "y", b: null, c: "a; b" },
    ];
    const cells = [(r: (typeof rows)[number]) => r.a, (r: (typeof rows)[number]) => r.b, (r: (typeof rows)[number]) => r.c];
    const text = [...csvCellChunks(["a", "b", "c"], cells, rows)].join("");
    expect(text).toBe("a,b,c\r\n'=x,1,\r\n'=x,1,\"a; b\"\r\ny,1,\"a; b\"\r\ny,,\"a; b\"\r\n");
    expect(text).toBe(csv(["a", "b", "c"], rows));
  });
});
