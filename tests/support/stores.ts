import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore, type Store } from "@/lib/newsletter/db";

export type Backend = { name: "sqlite" | "postgres"; open: () => Promise<Store>; env: () => Record<string, string> };

/** SQLite always; PostgreSQL when TEST_DATABASE_URL points at a throwaway database (npm test starts one). */
export function backends(): Backend[] {
  const list: Backend[] = [];
  let file = "";
  list.push({
    name: "sqlite",
    async open() {
      file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lumomate-db-")), "test.db");
      return openStore({ sqlitePath: file });
    },
    env: () => ({ SQLITE_PATH: file, DATABASE_URL: "" }),
  });
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    list.push({
      name: "postgres",
      async open() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        await client.end();
        return openStore({ databaseUrl: url });
      },
      env: () => ({ DATABASE_URL: url }),
    });
  } else if (process.env.CI) {
    throw new Error("TEST_DATABASE_URL is not set: CI must run the PostgreSQL suite too (npm test starts a cluster).");
  }
  return list;
}
