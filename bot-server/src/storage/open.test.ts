import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import BetterSqlite3 from "better-sqlite3";
import { openDatabase } from "./index";
import { RESTART_FRAMES } from "./checkpointer";

describe("openDatabase", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "khaibao-open-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates the SQLite directory and sets WAL, foreign_keys, synchronous and temp_store, and leaves busy waits to the event loop", async () => {
    const file = path.join(dir, "nested", "data", "khaibao.sqlite");
    const db = await openDatabase({ sqlitePath: file });
    try {
      expect(db.dialect).toBe("sqlite");
      expect((await stat(file)).isFile()).toBe(true);
      expect(await db.get("PRAGMA journal_mode")).toEqual({ journal_mode: "wal" });
      // 0: a busy database is waited for from the event loop (retryWhileBusy), not by sleeping in SQLite.
      expect(await db.get("PRAGMA busy_timeout")).toEqual({ timeout: 0 });
      expect(await db.get("PRAGMA foreign_keys")).toEqual({ foreign_keys: 1 });
      expect(await db.get("PRAGMA synchronous")).toEqual({ synchronous: 1 }); // 1 = NORMAL
      expect(await db.get("PRAGMA temp_store")).toEqual({ temp_store: 2 }); // 2 = MEMORY: statement journals off the disk
    } finally {
      await db.close();
      await db.close(); // idempotent
    }
    await expect(db.ping()).rejects.toThrow();
  });

  it("enforces foreign keys on SQLite", async () => {
    const db = await openDatabase({ sqlitePath: ":memory:" });
    try {
      await db.exec("CREATE TABLE parent (id TEXT PRIMARY KEY); CREATE TABLE child (parent_id TEXT REFERENCES parent (id))");
      await expect(db.run("INSERT INTO child (parent_id) VALUES ($1)", ["missing"])).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await db.close();
    }
  });

  it("refuses a DATABASE_URL that is not PostgreSQL instead of falling back to SQLite", async () => {
    await expect(openDatabase({ url: "mysql://localhost/x" })).rejects.toThrow(/postgres:\/\//);
  });

  it("fails loudly when PostgreSQL is unreachable", async () => {
    await expect(openDatabase({ url: "postgres://postgres@127.0.0.1:1/none" })).rejects.toThrow(/cannot connect to PostgreSQL/);
  });

  it("rejects an unsafe schema name", async () => {
    await expect(openDatabase({ url: "postgres://postgres@127.0.0.1:1/none", pgSchema: "x; DROP" })).rejects.toThrow(/invalid PostgreSQL schema/);
  });

  it("checkpoints SQLite in the background: copies committed pages back into the database file from another thread, and leaves no WAL after close", async () => {
    const file = path.join(dir, "khaibao.sqlite");
    const db = await openDatabase({ sqlitePath: file });
    try {
      // The serving connection only checkpoints past its safety net; this load stays far below it.
      expect(await db.get("PRAGMA wal_autocheckpoint")).toEqual({ wal_autocheckpoint: 10_000 });
      await db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)");
      const before = (await stat(file)).size;
      for (let i = 0; i < 20; i++) {
        await db.transaction(async (tx) => {
          for (let j = 0; j < 50; j++) await tx.run("INSERT INTO t (v) VALUES (randomblob(4000))");
        });
      }
      // ~1,000 pages written: without the checkpoint thread they would all still sit in the WAL.
      const deadline = Date.now() + 5_000;
      while ((await stat(file)).size < before + 3_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect((await stat(file)).size).toBeGreaterThan(before + 3_000_000);
    } finally {
      await db.close();
    }
    await expect(stat(`${file}-wal`)).rejects.toThrow(/ENOENT/);
  });

  it("under steady writes, the background thread starts the WAL over long before the serving connection's safety net", async () => {
    const file = path.join(dir, "khaibao.sqlite");
    const db = await openDatabase({ sqlitePath: file });
    let walPeak = 0;
    try {
      await db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)");
      // ~16,000 pages in small transactions a millisecond apart, as a busy server writes: more
      // than the safety net (10,000 pages) holds, so a WAL nobody starts over would reach it.
      for (let i = 0; i < 800; i++) {
        await db.transaction(async (tx) => {
          for (let j = 0; j < 20; j++) await tx.run("INSERT INTO t (v) VALUES (randomblob(4000))");
        });
        walPeak = Math.max(walPeak, (await stat(`${file}-wal`)).size);
        await new Promise((r) => setTimeout(r, 1));
      }
    } finally {
      await db.close();
    }
    // The WAL file keeps the size of its longest run of frames: with RESTART past 2,000 frames,
    // it stays within a few rounds' writes of that (~4 KB a frame).
    expect(walPeak).toBeGreaterThan(0);
    expect(walPeak / 4_120).toBeLessThan(RESTART_FRAMES + 3_000);
  });

  it("while another connection holds the write lock, waits for it from the event loop instead of sleeping in SQLite", async () => {
    const file = path.join(dir, "busy.sqlite");
    const db = await openDatabase({ sqlitePath: file });
    const other = new BetterSqlite3(file);
    try {
      await db.exec("CREATE TABLE t (n INTEGER)");
      other.exec("BEGIN IMMEDIATE");
      let ticks = 0;
      const ticking = setInterval(() => ticks++, 1);
      // Released from a timer: only an event loop that keeps turning can get there. SQLite's
      // sleeping busy handler would hold the loop for its whole timeout and then fail.
      setTimeout(() => other.exec("COMMIT"), 50);
      const started = Date.now();
      await Promise.all([db.run("INSERT INTO t (n) VALUES (1)"), db.transaction(async (tx) => tx.run("INSERT INTO t (n) VALUES (2)"))]);
      clearInterval(ticking);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(ticks).toBeGreaterThan(5);
      expect(await db.all("SELECT n FROM t ORDER BY n")).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      other.close();
      await db.close();
    }
  });
});
