import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type ParallaxDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

/** The SQLite file named by DATABASE_URL ("file:" prefix allowed), default data/parallax.db. */
export function databasePath(url = process.env.DATABASE_URL): string {
  const value = url?.trim() ? url.trim().replace(/^file:/, "") : "data/parallax.db";
  return value === ":memory:" ? value : resolve(value);
}

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
  return drizzle({ client: sqlite, schema });
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
