import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { isBuildCurrent } from "../build-state.mjs";

/** The production server (`next start`) on a given database, as a user would run it. */
export interface Server {
  url: string;
  /** Resident memory of the server and its child processes, in bytes. */
  rss: () => number;
  /** What the server printed, for the note of a figure it failed. */
  log: () => string;
  stop: () => void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/** A process and everything it started (Linux /proc). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while the table was read
    }
  }
  const tree: number[] = [];
  const visit = (id: number) => {
    tree.push(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return tree;
}

/** Resident memory of the given processes, in bytes. */
function rssOf(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // ended
    }
  }
  return total;
}

/**
 * Builds the app when there is no production build yet, or when a source changed after it (a stale build
 * would measure old code). Returns whether it built.
 */
export function ensureBuild(): boolean {
  if (isBuildCurrent()) return false;
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}${build.stderr}`);
  return true;
}

/** Starts `next start` on 127.0.0.1 for the database (which need not exist: pages then answer 503), its output also appended to `logFile`. */
export async function startServer(databaseFile: string, logFile?: string): Promise<Server> {
  const port = await freePort();
  let log = "";
  const record = (data: Buffer) => {
    log += data;
    if (logFile) appendFileSync(logFile, data);
  };
  const child: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: databaseFile, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
  });
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error(`next start did not answer within 60 s:\n${log}`);
    }
    try {
      // Ready when it answers, with a 503 too (no database yet); the request also loads the download route.
      const status = (await fetch(`${url}/api/export/documents.csv?header=0`)).status;
      if (status < 500 || status === 503) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const tree = processTree(child.pid as number);
  return { url, rss: () => rssOf(tree), log: () => log, stop };
}

export interface Download {
  seconds: number;
  bytes: number;
  /** CSV records after the header (CRLF-terminated lines; the benchmark's texts have no line breaks). */
  rows: number;
  /** Highest server memory seen during the download, in bytes. */
  peakRss: number;
}

/** Downloads `path` to nowhere, timing it to the last byte and sampling the server's memory meanwhile. */
export function download(server: Server, path: string): Promise<Download> {
  return new Promise((resolve, reject) => {
    let peakRss = server.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, server.rss());
    }, 25);
    const started = performance.now();
    let bytes = 0;
    let lines = 0;
    get(`${server.url}${path}`, (response) => {
      if (response.statusCode !== 200) {
        clearInterval(sampler);
        reject(new Error(`${path}: HTTP ${response.statusCode}`));
        response.resume();
        return;
      }
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
      });
      response.on("end", () => {
        clearInterval(sampler);
        peakRss = Math.max(peakRss, server.rss());
        resolve({ seconds: (performance.now() - started) / 1000, bytes, rows: lines - 1, peakRss });
      });
    }).on("error", (err) => {
      clearInterval(sampler);
      reject(err);
    });
  });
}
