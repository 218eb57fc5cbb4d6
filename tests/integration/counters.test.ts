import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openCounterConnection, openStore, type Store } from "@/lib/newsletter/db";

describe("the rate limit's counter connection (SQLite)", () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
  });

  it("is a second connection to the same file that skips the per-commit fsync, while signups keep synchronous=FULL", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lumomate-db-")), "counters.db");
    store = await openStore({ sqlitePath: file });
    const counters = openCounterConnection(store)!;
    expect(counters).not.toBe(store.sqlite);
    // 2 = FULL, 1 = NORMAL; WAL is a property of the file, so both connections are in WAL mode.
    expect(store.sqlite!.pragma("synchronous", { simple: true })).toBe(2);
    expect(counters.pragma("synchronous", { simple: true })).toBe(1);
    expect(counters.pragma("journal_mode", { simple: true })).toBe("wal");
    counters.exec("CREATE TABLE counts (key TEXT PRIMARY KEY, n INTEGER)");
    counters.prepare("INSERT INTO counts VALUES ('a', 1)").run();
    expect(store.sqlite!.prepare("SELECT n FROM counts WHERE key = 'a'").pluck().get()).toBe(1);
    counters.close();
  });

  it("is the same connection for an in-memory database (a second one would be another database)", async () => {
    store = await openStore({ sqlitePath: ":memory:" });
    expect(openCounterConnection(store)).toBe(store.sqlite);
  });
});
