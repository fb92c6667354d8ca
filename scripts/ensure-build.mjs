// `npm start`: build the app if there is no production build yet, or if a source changed after it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isBuildCurrent } from "./build-state.mjs";

if (!isBuildCurrent()) {
  console.log(existsSync(".next/BUILD_ID") ? "The production build is older than the code: running `npm run build`." : "No production build yet: running `npm run build` once.");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  process.exit(result.status ?? 1);
}
