import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { databasePath } from "./path";
import * as schema from "./schema";

export type ParallaxDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

// The path alone lives apart from the driver, so the proxy can check for the file without loading SQLite.
export { databasePath } from "./path";

export class NoDatabaseError extends Error {
  constructor(readonly path: string) {
    super(`No Parallax database at ${path}: run \`npm run ingest\` first.`);
    this.name = "NoDatabaseError";
  }
}

/** A read-write connection with WAL and foreign keys on, migrated to the latest schema. */
export function openDatabase(path = databasePath()): ParallaxDb {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  // With WAL a commit stays atomic without an fsync each; ingest commits once per document.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/** A read-only connection for the web app and exports; never creates or migrates the file. */
export function openReadOnlyDatabase(path = databasePath()): ParallaxDb {
  if (path !== ":memory:" && !existsSync(path)) throw new NoDatabaseError(path);
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma("foreign_keys = ON");
  // A reader can meet a lock for a moment (the WAL index being rebuilt after a crash): wait a little, not fail.
  // The wait blocks the server's thread, so it is short; the load test never reached it (busy_timeout 0 gave no error).
  sqlite.pragma("busy_timeout = 1000");
  return drizzle({ client: sqlite, schema });
}

/**
 * A read-only connection inside one read transaction (WAL): everything read through it comes from one
 * snapshot, taken at its first read, whatever an ingest commits meanwhile. Close it when done.
 */
export function openSnapshot(path = databasePath()): ParallaxDb {
  const db = openReadOnlyDatabase(path);
  db.$client.exec("BEGIN");
  return db;
}

/** Read-only connections between requests, per database file, with the file they were opened on. */
const idleReaders = new Map<string, { db: ParallaxDb; ino: number }[]>();
/** Idle connections kept per file; the rest are closed when released. */
const IDLE_READERS = 8;

/**
 * A snapshot (see openSnapshot) on a connection kept between requests: what a request computed and
 * memoized on it (db/memo.ts, checked against the database's version) serves the next request too,
 * where a connection per request would recompute every aggregate. A connection to a file since
 * replaced is closed, never reused. `release` ends the read transaction and keeps the connection.
 */
export function borrowSnapshot(path = databasePath()): { db: ParallaxDb; release: () => void } {
  const ino = path === ":memory:" || !existsSync(path) ? -1 : statSync(path).ino;
  const idle = idleReaders.get(path) ?? [];
  idleReaders.set(path, idle);
  let reader = idle.pop();
  while (reader && reader.ino !== ino) {
    reader.db.$client.close();
    reader = idle.pop();
  }
  const db = reader?.db ?? openReadOnlyDatabase(path);
  db.$client.exec("BEGIN");
  return {
    db,
    release: () => {
      if (!db.$client.open) return;
      if (db.$client.inTransaction) db.$client.exec("COMMIT");
      if (idle.length < IDLE_READERS) idle.push({ db, ino });
      else db.$client.close();
    },
  };
}

let shared: { path: string; db: ParallaxDb } | null = null;

/**
 * The read model's connection: one read-only connection per process to DATABASE_URL, opened on first
 * use so a build without a database does not fail, and reopened when DATABASE_URL changes.
 */
export function getDb(): ParallaxDb {
  const path = databasePath();
  if (!shared || shared.path !== path) shared = { path, db: openReadOnlyDatabase(path) };
  return shared.db;
}
