import type Database from "better-sqlite3";
import type { ParallaxDb } from "./client";

/** At most this many results are kept per connection; the least recently used goes first. */
const MOST = 64;

interface Cache {
  /** What the database held when the entries were computed. */
  version: string;
  versionOf: Database.Statement;
  entries: Map<string, unknown>;
}

const caches = new WeakMap<Database.Database, Cache>();

/**
 * The database's state as this connection sees it: `data_version` moves when another connection commits, and
 * `total_changes()` when this one writes, so any commit anywhere gives a new version.
 */
function versionOf(cache: Pick<Cache, "versionOf">): string {
  return (cache.versionOf.raw().get() as unknown[]).join(":");
}

/**
 * The result of `compute` for `key`, computed once per state of the database: the read model's aggregates are
 * computed over every stance, and the data only changes when ingest commits, so a page asked for again, by anyone,
 * reads them from memory until then. Callers must not mutate the result: it is shared.
 */
export function memo<T>(db: ParallaxDb, key: string, compute: () => T): T {
  const client = db.$client;
  let cache = caches.get(client);
  if (!cache) {
    const statement = client.prepare("SELECT (SELECT data_version FROM pragma_data_version), total_changes()");
    cache = { version: "", versionOf: statement, entries: new Map() };
    caches.set(client, cache);
  }
  const version = versionOf(cache);
  if (version !== cache.version) {
    cache.entries.clear();
    cache.version = version;
  }
  if (cache.entries.has(key)) {
    const value = cache.entries.get(key) as T;
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    cache.entries.delete(key);
    cache.entries.set(key, value);
    return value;
  }
  const value = compute();
  cache.entries.set(key, value);
  if (cache.entries.size > MOST) cache.entries.delete(cache.entries.keys().next().value as string);
  return value;
}
