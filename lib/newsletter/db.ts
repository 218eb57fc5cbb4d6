import "server-only";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { env } from "./env";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<Database>;
export type Store = { db: Db; dialect: Dialect; sqlite?: SQLite.Database; pool?: pg.Pool; close: () => Promise<void> };

// PostgreSQL BIGINT comes back as a string by default; our values are epoch milliseconds.
pg.types.setTypeParser(20, (v) => Number(v));

/** SQLite by default (a file under data/, WAL, fsync on every commit); PostgreSQL when a URL is given. */
export async function openStore(options: { databaseUrl?: string; sqlitePath?: string } = {}): Promise<Store> {
  const databaseUrl = options.databaseUrl ?? env().databaseUrl;
  let store: Store;
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.PG_POOL_SIZE ?? 10) });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, dialect: "postgres", pool, close: () => db.destroy() };
  } else {
    const file = options.sqlitePath ?? env().sqlitePath;
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    // FULL: a commit has reached the disk before we tell anyone "done".
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma(`busy_timeout = ${Number(process.env.SQLITE_BUSY_TIMEOUT_MS ?? 5000)}`);
    sqlite.pragma("foreign_keys = ON");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    store = { db, dialect: "sqlite", sqlite, close: () => db.destroy() };
  }
  const { error, results } = await new Migrator({ db: store.db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    await store.close();
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`Database migration ${failed ?? ""} failed: ${(error as Error).message}`);
  }
  return store;
}

/**
 * A second connection to the same SQLite file, for the signup rate limit's counts: they need to be
 * shared by every process using the file, not to survive a power cut. synchronous=NORMAL: a commit
 * is in the WAL when it returns (a killed or crashed process loses nothing) but is not fsynced on
 * its own; the next signup's FULL commit, or a checkpoint, takes it to disk. In WAL mode the
 * setting is per connection, so signups keep synchronous=FULL on theirs.
 * Locks: its writes are single synchronous statements (better-sqlite3), so it never holds the write
 * lock across an await. The signups' connection holds it only during a group commit, a chain of
 * promises with no I/O in it, so no request reaches the rate limiter in between. Should one ever
 * find the lock taken (there, or by another process), a short busy timeout, and the rate limiter
 * counts that request in memory (its insurance limiter) instead of stalling the server.
 */
export function openCounterConnection(s: Store): SQLite.Database | undefined {
  if (!s.sqlite || s.sqlite.memory) return s.sqlite;
  const counters = new SQLite(s.sqlite.name);
  counters.pragma("synchronous = NORMAL");
  counters.pragma("busy_timeout = 100");
  return counters;
}

let shared: Promise<Store> | undefined;

/** The process-wide store, opened (and migrated) on first use. */
export function store(): Promise<Store> {
  shared ??= openStore().catch((error) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
