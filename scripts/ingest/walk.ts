import { readdirSync, realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve } from "node:path";

/** A path the walk could not use, and why, in words a person can act on. */
export interface WalkProblem {
  path: string;
  problem: string;
}

export interface WalkResult {
  /** Documents to read: absolute paths, sorted, each once. */
  files: string[];
  /** Folders that were walked (absolute): stored documents under them whose files are gone can be removed. */
  folders: string[];
  /** Files in a folder that are not documents (another extension): listed, not read. */
  skipped: string[];
  /** Inputs and entries that could not be walked or are not regular files: reported, the walk goes on. */
  problems: WalkProblem[];
}

/** True when `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** How a document's file is named in the database and in messages: relative to the project root, else absolute. */
export function documentPath(file: string, root: string): string {
  const absolute = resolve(root, file);
  return isInside(absolute, root) && absolute !== resolve(root) ? relative(root, absolute) : absolute;
}

/** True only when the file is known not to exist: a folder that cannot be read is no proof that its files are gone. */
export function isGone(file: string): boolean {
  try {
    statSync(file);
    return false;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR";
  }
}

const reason = (err: unknown): string => {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return "symbolic link loop (the link never reaches a file or folder); skipped";
  if (code === "EACCES" || code === "EPERM") return "permission denied; skipped";
  if (code === "ENOENT") return "broken symbolic link (its target does not exist); skipped";
  return `cannot be read (${code ?? String(err)}); skipped`;
};

/**
 * Every document under the given files and folders. Folders are read recursively, following
 * symbolic links but never into a folder already being walked (a link loop) or walked before;
 * anything unreadable is reported and the walk goes on with the rest.
 */
export function walkInputs(inputs: string[], extensions: string[]): WalkResult {
  const isDocument = (path: string) => extensions.includes(extname(path).toLowerCase());
  const files = new Set<string>();
  const folders: string[] = [];
  const skipped: string[] = [];
  const problems: WalkProblem[] = [];
  const walked = new Set<string>();

  const visitFolder = (path: string, real: string, ancestors: string[]) => {
    if (ancestors.includes(real)) {
      problems.push({ path, problem: `symbolic link loop (leads back to ${real}); skipped` });
      return;
    }
    if (walked.has(real)) return;
    walked.add(real);
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch (err) {
      problems.push({ path, problem: `folder ${reason(err)}` });
      return;
    }
    for (const name of names) if (!name.startsWith(".")) visit(join(path, name), [...ancestors, real], false);
  };

  const visit = (path: string, ancestors: string[], explicit: boolean) => {
    let stat: ReturnType<typeof statSync>;
    let real: string;
    try {
      stat = statSync(path);
      real = realpathSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ path, problem: explicit && code === "ENOENT" ? "no such file or folder" : reason(err) });
      return;
    }
    if (stat.isDirectory()) {
      if (explicit) folders.push(resolve(path));
      visitFolder(path, real, ancestors);
    } else if (!isDocument(path)) {
      if (explicit) problems.push({ path, problem: `not a document Parallax reads ("${extname(path) || "no extension"}"): use ${extensions.join(", ")}` });
      else skipped.push(path);
    } else if (!stat.isFile()) problems.push({ path, problem: "not a regular file (a device, pipe or socket); skipped" });
    else files.add(resolve(path));
  };

  for (const input of inputs) visit(input, [], true);
  return { files: [...files].sort(), folders, skipped, problems };
}
