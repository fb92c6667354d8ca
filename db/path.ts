import { resolve } from "node:path";

/** The SQLite file named by DATABASE_URL ("file:" prefix allowed), default data/parallax.db. */
export function databasePath(url = process.env.DATABASE_URL): string {
  const value = url?.trim() ? url.trim().replace(/^file:/, "") : "data/parallax.db";
  return value === ":memory:" ? value : resolve(value);
}
