// Whether the production build is current: `npm start` and the bench rebuild a stale one, which would serve or measure old code.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What the production build is made from: a file here newer than the build makes it stale. */
export const BUILD_SOURCES = ["app", "db", "i18n", "messages", "next.config.js", "package-lock.json", "tsconfig.json"];

/** The newest modification time among `paths`, walking folders; 0 when none exists. */
export function newestMtime(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) newest = Math.max(newest, newestMtime(readdirSync(path).map((name) => join(path, name))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** True when `.next/BUILD_ID` exists and no build source changed after it. */
export function isBuildCurrent() {
  return existsSync(".next/BUILD_ID") && statSync(".next/BUILD_ID").mtimeMs >= newestMtime(BUILD_SOURCES);
}
