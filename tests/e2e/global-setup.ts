import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseFile: string;
    /** Everything the server printed, so a test can check it logged no missing message. */
    serverLog: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${log()}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer at ${url} within 60 s:\n${log()}`);
}

/** Ingests the seeds into a temp database, builds the app (unless told to reuse a build) and serves it. */
export default async function setup(project: TestProject) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const dir = mkdtempSync(join(tmpdir(), "parallax-e2e-"));
  const databaseFile = join(dir, "parallax.db");
  const ingest = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--db", databaseFile, "--quiet"], { env, encoding: "utf8" });
  if (ingest.status !== 0) throw new Error(`ingest failed:\n${ingest.stdout}${ingest.stderr}`);

  const reuse = process.env.PARALLAX_E2E_REUSE_BUILD === "1" && existsSync(".next/BUILD_ID");
  if (!reuse) {
    const build = spawnSync("npx", ["next", "build"], { env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}${build.stderr}`);
  }

  const port = await freePort();
  let output = "";
  const serverLog = join(dir, "server.log");
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, DATABASE_URL: databaseFile },
    detached: true,
  });
  const record = (data: Buffer) => {
    output += data;
    appendFileSync(serverLog, data);
  };
  server.stdout?.on("data", record);
  server.stderr?.on("data", record);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(baseUrl, server, () => output);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseFile", databaseFile);
  project.provide("serverLog", serverLog);

  return () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
}
