import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { startServer } from "../../scripts/bench/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseFile: string;
    /** Everything the server printed, so a test can check it logged no missing message. */
    serverLog: string;
    /** A second server on tests/fixtures/hostile: markup and javascript: in documents, file names that need encoding. */
    hostileBaseUrl: string;
    hostileServerLog: string;
  }
}

function ingest(databaseFile: string, inputs: string[], env: NodeJS.ProcessEnv): void {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...inputs, "--db", databaseFile, "--quiet"], { env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`ingest failed:\n${run.stdout}${run.stderr}`);
}

/** Ingests the seeds (and the hostile fixtures) into temp databases, builds the app (unless told to reuse a build) and serves each. */
export default async function setup(project: TestProject) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const dir = mkdtempSync(join(tmpdir(), "parallax-e2e-"));
  const databaseFile = join(dir, "parallax.db");
  ingest(databaseFile, [], env);
  const hostileDatabase = join(dir, "hostile.db");
  ingest(hostileDatabase, ["tests/fixtures/hostile"], env);
  // Ingest drops such addresses; the pages must not link them even when a database holds them anyway.
  const hostile = new Database(hostileDatabase);
  hostile.prepare("UPDATE documents SET url = ? WHERE slug = ?").run(`javascript:alert("stored")`, "hostile");
  hostile.prepare("UPDATE documents SET url = ? WHERE slug = ?").run("data:text/html,<script>alert(1)</script>", "hostile-page");
  hostile.close();

  const reuse = process.env.PARALLAX_E2E_REUSE_BUILD === "1" && existsSync(".next/BUILD_ID");
  if (!reuse) {
    const build = spawnSync("npx", ["next", "build"], { env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}${build.stderr}`);
  }

  const serverLog = join(dir, "server.log");
  const hostileServerLog = join(dir, "hostile-server.log");
  const [seeds, hostileServer] = await Promise.all([startServer(databaseFile, serverLog), startServer(hostileDatabase, hostileServerLog)]);
  project.provide("baseUrl", seeds.url);
  project.provide("databaseFile", databaseFile);
  project.provide("serverLog", serverLog);
  project.provide("hostileBaseUrl", hostileServer.url);
  project.provide("hostileServerLog", hostileServerLog);

  return () => {
    seeds.stop();
    hostileServer.stop();
  };
}
