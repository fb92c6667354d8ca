import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isGone, walkInputs } from "../../scripts/ingest/walk";
import { tempDir } from "../helpers";

const EXTENSIONS = [".txt", ".md", ".html"];

/** A folder built from a map of relative path → file content (folders are created on the way). */
function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const relativeTo = (dir: string, paths: string[]) => paths.map((p) => p.slice(dir.length + 1));

describe("walkInputs", () => {
  it("lists documents recursively and sorted, lists other files as skipped, ignores hidden entries", () => {
    const dir = tree({ "b.md": "x", "a.txt": "x", "notes/c.html": "x", "photo.png": "x", ".draft.md": "x", ".git/x.md": "x" });
    const walk = walkInputs([dir], EXTENSIONS);
    expect(relativeTo(dir, walk.files)).toEqual(["a.txt", "b.md", "notes/c.html"]);
    expect(relativeTo(dir, walk.skipped)).toEqual(["photo.png"]);
    expect(walk.folders).toEqual([dir]);
    expect(walk.problems).toEqual([]);
  });

  it("skips a link back to an ancestor folder with a warning and reads the rest once", () => {
    const dir = tree({ "a.md": "x", "deep/b.md": "x" });
    symlinkSync("..", join(dir, "deep", "up"));
    const walk = walkInputs([dir], EXTENSIONS);
    expect(relativeTo(dir, walk.files)).toEqual(["a.md", "deep/b.md"]);
    expect(walk.problems).toEqual([{ path: join(dir, "deep", "up"), problem: `symbolic link loop (leads back to ${dir}); skipped` }]);
  });

  it("skips a link to itself, a broken link and a pipe, and goes on", () => {
    const dir = tree({ "a.md": "x" });
    symlinkSync("self.md", join(dir, "self.md"));
    symlinkSync("missing.md", join(dir, "broken.md"));
    execFileSync("mkfifo", [join(dir, "pipe.md")]);
    const walk = walkInputs([dir], EXTENSIONS);
    expect(relativeTo(dir, walk.files)).toEqual(["a.md"]);
    expect(walk.problems.map((p) => [p.path.slice(dir.length + 1), p.problem])).toEqual([
      ["broken.md", "broken symbolic link (its target does not exist); skipped"],
      ["pipe.md", "not a regular file (a device, pipe or socket); skipped"],
      ["self.md", "symbolic link loop (the link never reaches a file or folder); skipped"],
    ]);
  });

  it("follows a link to a folder outside, reading a folder reached twice only once", () => {
    const outside = tree({ "shared.md": "x" });
    const dir = tree({ "a.md": "x" });
    symlinkSync(outside, join(dir, "linked"));
    const walk = walkInputs([dir, outside], EXTENSIONS);
    expect(relativeTo(dir, walk.files.filter((f) => f.startsWith(dir)))).toEqual(["a.md", "linked/shared.md"]);
    expect(walk.files).toHaveLength(2);
  });

  it("reports a missing input and a named file of another type, and still reads the other inputs", () => {
    const dir = tree({ "a.md": "x", "scan.pdf": "x" });
    const walk = walkInputs([join(dir, "missing"), join(dir, "scan.pdf"), dir], EXTENSIONS);
    expect(relativeTo(dir, walk.files)).toEqual(["a.md"]);
    expect(walk.problems).toEqual([
      { path: join(dir, "missing"), problem: "no such file or folder" },
      { path: join(dir, "scan.pdf"), problem: 'not a document Parallax reads (".pdf"): use .txt, .md, .html' },
    ]);
  });

  it("isGone: only a path that does not exist is gone", () => {
    const dir = tree({ "a.md": "x" });
    expect(isGone(join(dir, "a.md"))).toBe(false);
    expect(isGone(join(dir, "b.md"))).toBe(true);
    expect(isGone(join(dir, "a.md", "inside-a-file.md"))).toBe(true);
    symlinkSync("loop.md", join(dir, "loop.md"));
    expect(isGone(join(dir, "loop.md"))).toBe(false);
  });

  // Permissions do not apply to root, which is who runs CI here.
  it.skipIf(process.getuid?.() === 0)("skips a folder it may not read", () => {
    const dir = tree({ "a.md": "x", "locked/b.md": "x" });
    chmodSync(join(dir, "locked"), 0o000);
    try {
      const walk = walkInputs([dir], EXTENSIONS);
      expect(relativeTo(dir, walk.files)).toEqual(["a.md"]);
      expect(walk.problems).toEqual([{ path: join(dir, "locked"), problem: "folder permission denied; skipped" }]);
    } finally {
      chmodSync(join(dir, "locked"), 0o755);
    }
  });
});
