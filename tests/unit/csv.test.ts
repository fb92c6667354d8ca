import { describe, expect, it } from "vitest";
import { csvCellChunks, csvChunks } from "../../db/export";

/** The chunks as the text they encode (a BOM kept: TextDecoder would drop it). */
const text = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks]).toString("utf8");
const csv = (columns: string[] | null, rows: (Record<string, unknown> | unknown[])[], options = {}) => text(csvChunks(columns, rows, options));

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
    expect(text(chunks)).toBe(rows.map((r) => `${r.join(",")}\r\n`).join(""));
  });

  // Records are encoded as they are written, into chunks of at most 64 KiB: a character of three UTF-8 bytes is never
  // split between two chunks, and a record longer than a chunk starts a larger chunk of its own.
  it("writes UTF-8 chunks of at most 64 KiB that never split a character, a longer record starting a chunk of its own", () => {
    const long = "“é”".repeat(30_000);
    const rows = [...Array.from({ length: 30_000 }, (_, i) => [`“Bogotá” ${i}`, "€"]), [long], ["after"]];
    const chunks = [...csvChunks(null, rows)];
    expect(chunks.every((chunk) => chunk instanceof Uint8Array)).toBe(true);
    const large = chunks.filter((chunk) => chunk.length > 64 * 1024).map((chunk) => Buffer.from(chunk).toString("utf8"));
    expect(large).toEqual([`${long}\r\nafter\r\n`]);
    for (const chunk of chunks) expect(Buffer.from(chunk).toString("utf8")).not.toContain("\uFFFD");
    expect(text(chunks)).toBe(rows.map((r) => `${r.join(",")}\r\n`).join(""));
  });

  it("writes cells read by each column's function exactly as csvChunks writes the same rows, repeated cells too", () => {
    const rows = [
      { a: "=x", b: 1, c: null },
      { a: "=x", b: 1, c: "a; b" },
      { a: "y", b: 1, c: "a; b" },
      { a: "y", b: null, c: "a; b" },
    ];
    const cells = [(r: (typeof rows)[number]) => r.a, (r: (typeof rows)[number]) => r.b, (r: (typeof rows)[number]) => r.c];
    const written = text(csvCellChunks(["a", "b", "c"], cells, rows));
    expect(written).toBe("a,b,c\r\n'=x,1,\r\n'=x,1,\"a; b\"\r\ny,1,\"a; b\"\r\ny,,\"a; b\"\r\n");
    expect(written).toBe(csv(["a", "b", "c"], rows));
  });
});
