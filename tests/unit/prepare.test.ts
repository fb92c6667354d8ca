import { describe, expect, it } from "vitest";
import { DocumentError } from "../../scripts/ingest/read";
import { prepare, type Step, unwrap } from "../../scripts/ingest/prepare";
import { seedCodebook } from "../helpers";

const book = seedCodebook();

/** What a step threw, after its result crossed threads (a structured clone, as postMessage makes). */
function thrown(done: Step<unknown> | null): { name: string; message: string; fields?: object } {
  try {
    unwrap(structuredClone(done) as Step<unknown>);
  } catch (err) {
    const fields = err instanceof DocumentError ? { file: err.file, line: err.line, problem: err.problem } : undefined;
    return { name: (err as Error).constructor.name, message: (err as Error).message, fields };
  }
  throw new Error("the step did not fail");
}

describe("prepare: each step's error crosses threads as the error the pipeline tells apart", () => {
  it.each([
    ["an empty file, at reading", "docs/empty.txt", "", "read", { name: "DocumentError", message: "docs/empty.txt: empty file", fields: { file: "docs/empty.txt", line: null, problem: "empty file" } }],
    [
      "a list nested 60 deep, at extracting",
      "docs/deep.md",
      Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n"),
      "extract",
      {
        name: "DocumentError",
        message: "docs/deep.md:60: lists and quotes nested 60 deep (at most 50 levels are read): flatten the nesting",
        fields: { file: "docs/deep.md", line: 60, problem: "lists and quotes nested 60 deep (at most 50 levels are read): flatten the nesting" },
      },
    ],
    [
      "HTML nested past the stack, at reading",
      "docs/deep.html",
      `<html><body>${"<div>".repeat(10_000)}text${"</div>".repeat(10_000)}</body></html>`,
      "read",
      { name: "RangeError", message: "Maximum call stack size exceeded", fields: undefined },
    ],
  ])("%s", (_name, file, content, step, expected) => {
    const prepared = prepare(file, Buffer.from(content), "hash", { documents: {} }, ".", book);
    const done: Step<unknown> | null = step === "read" ? prepared.read : prepared.extract;
    expect(thrown(done)).toEqual(expected);
  });

  it("a file read and extracted keeps the bytes' hash it was given and crosses threads whole", () => {
    const prepared = prepare("docs/note.md", Buffer.from("# Note\n\nColombia wants crop substitution.\n"), "abc", { documents: {} }, ".", book);
    expect(prepared.contentHash).toBe("abc");
    expect(unwrap(structuredClone(prepared.read))).toEqual(unwrap(prepared.read));
    expect(unwrap(structuredClone(prepared.extract) as NonNullable<typeof prepared.extract>)).toEqual(unwrap(prepared.extract as NonNullable<typeof prepared.extract>));
  });
});
