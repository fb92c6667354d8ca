import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";

/** The production server (`next start`) on loopback, serving one database. */
export interface Server {
  url: string;
  /** Everything the server printed so far. */
  log: () => string;
  stop: () => void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

const NEXT = "node_modules/next/dist/bin/next";

/** Builds the app when there is no production build yet, as `npm start` does. */
export function ensureBuild(): void {
  if (existsSync(".next/BUILD_ID")) return;
  const build = spawnSync(process.execPath, [NEXT, "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}${build.stderr}`);
}

/**
 * Starts `next start` on 127.0.0.1 and a free port with DATABASE_URL set (the file need not exist: the
 * server then answers 503), and waits until it answers. Loopback only: nothing here listens elsewhere.
 */
export async function startServer(databaseFile: string, logFile?: string): Promise<Server> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [NEXT, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: databaseFile, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
  });
  const record = (data: Buffer) => {
    output += data;
    if (logFile) appendFileSync(logFile, data);
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error(`next start did not answer at ${url} within 60 s:\n${output}`);
    }
    try {
      // The locale redirect answers with or without a database.
      if ((await fetch(`${url}/`, { redirect: "manual" })).status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, log: () => output, stop };
}
