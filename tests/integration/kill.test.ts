import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { ingest } from "../../scripts/ingest/pipeline";
import { seedCodebook, tempDir } from "../helpers";

/**
 * Fault injection: the ingest CLI is killed with SIGKILL at points spread over a run that replaces
 * every document of a corpus. Afterwards the database must be whole, each document exactly as one
 * of the two versions left it (or absent where a version lacks it), every stance scored, and a
 * re-run must complete and then change nothing.
 */
const TRIALS = 20;
const DOCUMENTS = 24;
const ROWS = 30;

const ISSUES = ["Drugs", "Energy", "Migration", "Venezuela"];
const US_WANTS = ["interdiction and seizures", "steady oil supply", "faster deportation", "sanctions pressure"];
const CO_WANTS = ["crop substitution", "a just transition", "safe regulated pathways", "dialogue and engagement"];

/** Version 1 has documents 0 … n−1; version 2 rewrites each, drops the last and adds document n. */
function corpus(version: 1 | 2): Map<string, string> {
  const files = new Map<string, string>();
  const names = version === 1 ? [...Array(DOCUMENTS).keys()] : [...Array(DOCUMENTS + 1).keys()].filter((i) => i !== DOCUMENTS - 1);
  for (const i of names) {
    const rows = Array.from({ length: ROWS + version }, (_, r) => {
      const k = (i + r) % ISSUES.length;
      const tail = version === 2 ? " (revised)" : "";
      return `| ${ISSUES[k]} | ${US_WANTS[k]} in round ${r}${tail} | ${CO_WANTS[k]} in round ${r}${tail} |`;
    });
    files.set(`briefing-${String(i).padStart(2, "0")}.md`, [`# Briefing ${i}, version ${version}`, "", "| Topic | Washington | Bogotá |", "|---|---|---|", ...rows, ""].join("\n"));
  }
  return files;
}

function writeCorpus(dir: string, version: 1 | 2): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of corpus(version)) writeFileSync(join(dir, name), text);
}

/** Each document's stored state, free of row ids: its text and hashes, its tables and its scored stances. */
function documentStates(file: string): Map<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const states = new Map<string, string>();
    for (const d of db.prepare("SELECT id, slug, content_hash, extraction_hash, text, duplicate_paths FROM documents").all() as Record<string, unknown>[]) {
      const tables = db.prepare("SELECT ordinal, header, layout, (SELECT json_group_array(cells) FROM (SELECT cells FROM source_table_rows WHERE table_id = t.id ORDER BY row)) AS rows FROM source_tables t WHERE document_id = ? ORDER BY ordinal").all(d.id);
      const stances = db
        .prepare(
          "SELECT stance_key, issue_slug, actor_id, text, line_start, column_start, score, cues, override_position FROM stances WHERE document_id = ? ORDER BY stance_key",
        )
        .all(d.id);
      states.set(String(d.slug), JSON.stringify({ ...d, id: undefined, tables, stances }));
    }
    return states;
  } finally {
    db.close();
  }
}

const integrity = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      check: db.pragma("integrity_check", { simple: true }),
      foreignKeys: db.pragma("foreign_key_check"),
      unscored: db.prepare("SELECT COUNT(*) AS n FROM stances WHERE score IS NULL").get(),
    };
  } finally {
    db.close();
  }
};

const ingestInProcess = (dir: string, dbFile: string) => {
  const db = openDatabase(dbFile);
  try {
    return ingest(db, { inputs: [dir], codebook: seedCodebook(), sources: { documents: {} } });
  } finally {
    db.$client.close();
  }
};

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

/** Counts the documents of version 2 in a database being written, on one read-only connection opened once the file exists. */
function progressOf(file: string): { count: () => number; close: () => void } {
  let db: Database.Database | null = null;
  return {
    count: () => {
      try {
        db ??= new Database(file, { readonly: true, fileMustExist: true });
        return (db.prepare("SELECT COUNT(*) AS n FROM documents WHERE text LIKE '%version 2%'").get() as { n: number }).n;
      } catch {
        return 0;
      }
    },
    close: () => db?.close(),
  };
}

/** The CLI as a child process, and a promise of its end (made at once, so an early exit is not missed). */
function runCli(dir: string, dbFile: string): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", dir, "--db", dbFile, "--sources", join(dir, "none.json"), "--overrides", join(dir, "none.json"), "--quiet"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: "" },
  });
  return { child, exited: new Promise<void>((done) => child.once("exit", () => done())) };
}

describe("SIGKILL during an ingest", () => {
  it(`leaves every document fully old or fully new and scored, at ${TRIALS} kill points`, async () => {
    const work = tempDir();
    const docs = join(work, "docs");
    const base = join(work, "base.db");

    writeCorpus(docs, 2);
    const v2Db = join(work, "v2.db");
    ingestInProcess(docs, v2Db);
    const v2 = documentStates(v2Db);
    writeCorpus(docs, 1);
    ingestInProcess(docs, base);
    const v1 = documentStates(base);
    writeCorpus(docs, 2);

    // A whole run of the CLI, for reference.
    const timed = join(work, "timed.db");
    copyFileSync(base, timed);
    const started = performance.now();
    await runCli(docs, timed).exited;
    const duration = performance.now() - started;
    expect(documentStates(timed)).toEqual(v2);

    const outcomes: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const file = join(work, `trial-${trial}.db`);
      copyFileSync(base, file);
      const { child, exited } = runCli(docs, file);
      // Kill once a share of the documents is written (trial 0: while starting), then a random moment later.
      const target = Math.floor((trial / TRIALS) * v2.size);
      let running = true;
      exited.then(() => {
        running = false;
      });
      const progress = progressOf(file);
      while (running && target > 0 && progress.count() < target) await sleep(3);
      progress.close();
      await sleep(Math.random() * (target > 0 ? 20 : duration));
      child.kill("SIGKILL");
      await exited;

      expect(integrity(file)).toEqual({ check: "ok", foreignKeys: [], unscored: { n: 0 } });
      const states = documentStates(file);
      let fresh = 0;
      for (const slug of new Set([...v1.keys(), ...v2.keys()])) {
        const state = states.get(slug);
        const old = v1.get(slug);
        const next = v2.get(slug);
        expect([old, next], `${slug} after a kill in trial ${trial}`).toContain(state);
        if (state === next && state !== old) fresh++;
      }
      outcomes.push(fresh);

      const rerun = ingestInProcess(docs, file);
      expect(rerun.outcomes.filter((o) => o.status === "failed")).toEqual([]);
      expect(documentStates(file)).toEqual(v2);
      const again = ingestInProcess(docs, file);
      expect(again.outcomes.every((o) => o.status === "unchanged")).toBe(true);
      expect(again.removed).toEqual([]);
      expect(again.scoring.changed).toBe(0);
      expect(documentStates(file)).toEqual(v2);
    }
    // The kills must have caught runs part-way, not only before the first or after the last document.
    expect(outcomes.filter((n) => n > 0 && n < v2.size).length, `a run takes ${Math.round(duration)} ms; documents new per trial: ${outcomes.join(", ")}`).toBeGreaterThan(2);
  }, 240_000);
});
