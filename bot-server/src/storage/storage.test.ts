import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isUniqueViolation } from "./errors";
import { portable } from "./migrations";
import { openTestDatabases } from "./testing";
import type { Database, Queryable } from "./types";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe.each(openTestDatabases())("storage on $name", ({ name, open }) => {
  let db: Database;
  beforeEach(async () => {
    db = await open();
    const ddl = portable(
      (t) => `
CREATE TABLE items (id TEXT PRIMARY KEY, label TEXT, n INTEGER);
CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
INSERT INTO counter (id, n) VALUES (1, 0);
CREATE TABLE kinds (
  id ${t.autoId}, txt TEXT, int_val INTEGER, big_val ${t.bigint}, big_text TEXT,
  real_val ${t.real}, flag INTEGER, bytes_val ${t.bytes}, at TEXT
);
CREATE TABLE ten (c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT, c10 TEXT);`,
    );
    await db.exec(ddl[db.dialect]);
  });
  afterEach(async () => {
    await (db as Database | undefined)?.close(); // undefined when open() failed: report that error, not this one
  });

  const count = async (q: Queryable = db) => (await q.get<{ n: number }>("SELECT COUNT(*) AS n FROM items"))?.n;

  describe("batch", () => {
    it("runs the statements in order in one transaction and returns each one's rows", async () => {
      const results = await db.batch([
        { sql: "INSERT INTO items (id, label, n) VALUES ($1, $2, $3), ($4, $5, $6) RETURNING id", params: ["a", "A", 1, "b", "B", 2] },
        { sql: "UPDATE counter SET n = n + $1 WHERE id = 1", params: [5] },
        { sql: "SELECT id, n FROM items ORDER BY id" },
      ]);
      expect(results).toEqual([[{ id: "a" }, { id: "b" }], [], [{ id: "a", n: 1 }, { id: "b", n: 2 }]]);
      expect(await db.get("SELECT n FROM counter WHERE id = 1")).toEqual({ n: 5 });
    });

    it("when one statement fails, then nothing of the batch is kept and the error is the driver's", async () => {
      await db.run("INSERT INTO items (id) VALUES ('taken')");
      const failing = db.batch([{ sql: "UPDATE counter SET n = 99 WHERE id = 1" }, { sql: "INSERT INTO items (id) VALUES ($1)", params: ["taken"] }]);
      await expect(failing).rejects.toSatisfy(isUniqueViolation);
      expect(await db.get("SELECT n FROM counter WHERE id = 1")).toEqual({ n: 0 });
      // The connection is usable afterwards, outside any transaction.
      await db.run("INSERT INTO items (id) VALUES ('after')");
      expect(await count()).toBe(2);
    });

    it("inside a transaction, it is a savepoint of it: the caller's rollback undoes it too", async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.batch([{ sql: "INSERT INTO items (id) VALUES ('in-tx')" }]);
          expect(await count(tx)).toBe(1);
          throw new Error("caller gives up");
        }),
      ).rejects.toThrow("caller gives up");
      expect(await count()).toBe(0);
    });
  });

  describe("placeholders", () => {
    it("binds a placeholder used twice", async () => {
      await db.run("INSERT INTO items (id, label) VALUES ($1, $1)", ["a"]);
      expect(await db.get("SELECT id, label FROM items WHERE id = $1 AND label = $1", ["a"])).toEqual({ id: "a", label: "a" });
    });

    it("binds $10 as the tenth value, not $1 followed by 0", async () => {
      const values = ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10"];
      await db.run("INSERT INTO ten VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", values);
      const row = await db.get<Record<string, string>>("SELECT * FROM ten WHERE c10 = $10 AND c1 = $1 AND c2 = $2 AND c3 = $3 AND c4 = $4 AND c5 = $5 AND c6 = $6 AND c7 = $7 AND c8 = $8 AND c9 = $9", values);
      expect(row?.c10).toBe("v10");
      expect(row?.c1).toBe("v1");
    });

    it("binds out of order and leaves $1 inside string literals alone", async () => {
      await db.run("INSERT INTO items (id, label) VALUES ($2, $1)", ["label", "id"]);
      const row = await db.get("SELECT id, label, '$1 costs $2' AS lit FROM items WHERE id = CAST($1 AS TEXT)", ["id"]);
      expect(row).toEqual({ id: "id", label: "label", lit: "$1 costs $2" });
    });

    it("fails when a placeholder has no value", async () => {
      await expect(db.run("INSERT INTO items (id, label) VALUES ($1, $2)", ["only-one"])).rejects.toThrow();
    });
  });

  describe("types", () => {
    it("round-trips text, integers, big integers, reals, booleans, bytes, dates and null", async () => {
      const vietnamese = "Nguyễn Thị Ánh — Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội";
      const decomposed = vietnamese.normalize("NFD");
      const at = new Date("2025-01-31T08:09:10.123Z");
      await db.run(
        "INSERT INTO kinds (txt, int_val, big_val, big_text, real_val, flag, bytes_val, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [vietnamese, -42, 9007199254740993n, "2468458835296197922", 21.0277644, true, Buffer.from([0, 1, 127, 128, 255]), at],
      );
      await db.run(
        "INSERT INTO kinds (txt, int_val, big_val, big_text, real_val, flag, bytes_val, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [decomposed, 2147483647, 1234567890123, null, null, false, new Uint8Array([9, 8, 7]), null],
      );
      const rows = await db.all("SELECT * FROM kinds ORDER BY id");
      expect(rows).toEqual([
        {
          id: 1,
          txt: vietnamese,
          int_val: -42,
          big_val: "9007199254740993", // beyond 2^53: exact decimal string, never rounded
          big_text: "2468458835296197922",
          real_val: 21.0277644,
          flag: 1,
          bytes_val: Buffer.from([0, 1, 127, 128, 255]),
          at: "2025-01-31T08:09:10.123Z",
        },
        {
          id: 2,
          txt: decomposed,
          int_val: 2147483647,
          big_val: 1234567890123,
          big_text: null,
          real_val: null,
          flag: 0,
          bytes_val: Buffer.from([9, 8, 7]),
          at: null,
        },
      ]);
      expect(Buffer.isBuffer(rows[0]?.bytes_val)).toBe(true);
      expect(await db.get("SELECT id FROM kinds WHERE txt = $1", [vietnamese])).toEqual({ id: 1 });
      expect(await db.get("SELECT id FROM kinds WHERE big_text = $1", ["2468458835296197922"])).toEqual({ id: 1 });
    });

    it("returns COUNT(*) and SUM as numbers", async () => {
      await db.run("INSERT INTO items (id, n) VALUES ($1, $2), ($3, $4)", ["a", 2, "b", 3]);
      expect(await db.get("SELECT COUNT(*) AS c, SUM(n) AS s FROM items")).toEqual({ c: 2, s: 5 });
    });

    it("orders ISO-8601 timestamps the same way", async () => {
      const stamps = ["2025-01-02T00:00:00.000Z", "2024-12-31T23:59:59.999Z", "2025-01-01T12:00:00.000Z"];
      for (const [i, at] of stamps.entries()) await db.run("INSERT INTO kinds (int_val, at) VALUES ($1, $2)", [i, at]);
      const rows = await db.all<{ at: string }>("SELECT at FROM kinds ORDER BY at");
      expect(rows.map((r) => r.at)).toEqual([...stamps].sort());
    });
  });

  describe("queries", () => {
    it("reports changes and supports RETURNING with all/get", async () => {
      const inserted = await db.get<{ id: number }>("INSERT INTO kinds (txt) VALUES ($1) RETURNING id", ["x"]);
      expect(inserted).toEqual({ id: 1 });
      expect(await db.all("INSERT INTO kinds (txt) VALUES ($1), ($1) RETURNING id", ["y"])).toEqual([{ id: 2 }, { id: 3 }]);
      expect(await db.run("UPDATE kinds SET txt = $1 WHERE txt = $2", ["z", "y"])).toEqual({ changes: 2 });
      expect(await db.get("SELECT id FROM kinds WHERE txt = $1", ["none"])).toBeUndefined();
      expect(await db.all("SELECT id FROM kinds WHERE txt = $1", ["none"])).toEqual([]);
      // Statements without RETURNING give no rows, as on PostgreSQL, instead of throwing.
      expect(await db.all("INSERT INTO items (id) VALUES ($1)", ["no-returning"])).toEqual([]);
    });

    it("upserts with ON CONFLICT in both dialects", async () => {
      const upsert = "INSERT INTO items (id, label) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET label = excluded.label";
      await db.run(upsert, ["k", "one"]);
      await db.run(upsert, ["k", "two"]);
      expect(await db.all("SELECT id, label FROM items")).toEqual([{ id: "k", label: "two" }]);
    });

    it("pings", async () => {
      await expect(db.ping()).resolves.toBeUndefined();
    });
  });

  describe("transactions", () => {
    it("commits and returns the callback's value", async () => {
      const result = await db.transaction(async (tx) => {
        await tx.run("INSERT INTO items (id) VALUES ($1)", ["a"]);
        await tx.run("INSERT INTO items (id) VALUES ($1)", ["b"]);
        return "done";
      });
      expect(result).toBe("done");
      expect(await count()).toBe(2);
    });

    it("rolls back when the callback throws, rethrowing the same error", async () => {
      const boom = new Error("boom");
      await expect(
        db.transaction(async (tx) => {
          await tx.run("INSERT INTO items (id) VALUES ($1)", ["a"]);
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await count()).toBe(0);
    });

    it("rolls back after a failing statement", async () => {
      await db.run("INSERT INTO items (id) VALUES ($1)", ["dup"]);
      await expect(
        db.transaction(async (tx) => {
          await tx.run("INSERT INTO items (id) VALUES ($1)", ["new"]);
          await tx.run("INSERT INTO items (id) VALUES ($1)", ["dup"]);
        }),
      ).rejects.toSatisfy(isUniqueViolation);
      expect(await db.all("SELECT id FROM items")).toEqual([{ id: "dup" }]);
    });

    it("nests with savepoints: an inner failure the outer catches rolls back only the inner work", async () => {
      await db.transaction(async (tx) => {
        await tx.run("INSERT INTO items (id) VALUES ($1)", ["outer"]);
        await tx
          .transaction(async (inner) => {
            await inner.run("INSERT INTO items (id) VALUES ($1)", ["inner-failed"]);
            throw new Error("inner");
          })
          .catch(() => undefined);
        await tx.transaction(async (inner) => {
          await inner.run("INSERT INTO items (id) VALUES ($1)", ["inner-ok"]);
          // Deeper, via the Database from inside the callback: joins as a savepoint, no deadlock.
          await db.transaction((deeper) => deeper.run("INSERT INTO items (id) VALUES ($1)", ["deeper"]));
          // The outer handle used inside a savepoint nests under it instead of waiting for it.
          await tx.transaction((t) => t.run("INSERT INTO items (id) VALUES ($1)", ["via-outer-handle"]));
        });
      });
      const ids = (await db.all<{ id: string }>("SELECT id FROM items ORDER BY id")).map((r) => r.id);
      expect(ids).toEqual(["deeper", "inner-ok", "outer", "via-outer-handle"]);
    });

    it("routes Database calls made inside the callback into the transaction", async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.run("INSERT INTO items (id) VALUES ($1)", ["a"]);
          // Would deadlock on SQLite (mutex) and miss the uncommitted row on PostgreSQL (other connection).
          expect(await count(db)).toBe(1);
          await db.run("INSERT INTO items (id) VALUES ($1)", ["b"]);
          throw new Error("undo both");
        }),
      ).rejects.toThrow("undo both");
      expect(await count()).toBe(0);
    });

    it("rejects use of a transaction handle after it finished", async () => {
      let kept: Queryable | undefined;
      await db.transaction(async (tx) => {
        kept = tx;
      });
      await expect(kept!.get("SELECT 1 AS one")).rejects.toThrow(/transaction already finished/);
    });

    it("keeps read-modify-write exact across concurrent transactions (row locked first)", async () => {
      const increment = () =>
        db.transaction(async (tx) => {
          // Portable row lock: PostgreSQL (READ COMMITTED) blocks other writers here; SQLite holds the write lock anyway.
          await tx.run("UPDATE counter SET n = n WHERE id = 1");
          const row = await tx.get<{ n: number }>("SELECT n FROM counter WHERE id = 1");
          await tick();
          await tx.run("UPDATE counter SET n = $1 WHERE id = 1", [row!.n + 1]);
        });
      const worker = async () => {
        for (let i = 0; i < 50; i++) await increment();
      };
      await Promise.all([worker(), worker()]);
      expect(await db.get("SELECT n FROM counter WHERE id = 1")).toEqual({ n: 100 });
    });
  });

  describe("unique violations", () => {
    it("are recognised for primary keys and unique indexes, and nothing else", async () => {
      await db.exec("CREATE UNIQUE INDEX items_label_unique ON items (label)");
      await db.run("INSERT INTO items (id, label) VALUES ($1, $2)", ["a", "x"]);
      const pk = await db.run("INSERT INTO items (id, label) VALUES ($1, $2)", ["a", "y"]).catch((e: unknown) => e);
      const unique = await db.run("INSERT INTO items (id, label) VALUES ($1, $2)", ["b", "x"]).catch((e: unknown) => e);
      const notNull = await db.run("INSERT INTO counter (id, n) VALUES ($1, $2)", [2, null]).catch((e: unknown) => e);
      const syntax = await db.run("INSERT INTO nowhere VALUES (1)").catch((e: unknown) => e);
      expect(isUniqueViolation(pk)).toBe(true);
      expect(isUniqueViolation(unique)).toBe(true);
      expect(isUniqueViolation(new Error("wrapped", { cause: unique }))).toBe(true);
      expect(isUniqueViolation(notNull)).toBe(false);
      expect(isUniqueViolation(syntax)).toBe(false);
      expect(isUniqueViolation(undefined)).toBe(false);
    });

    it("can be absorbed inside a transaction with a savepoint (idempotent insert), and the transaction goes on", async () => {
      await db.run("INSERT INTO items (id) VALUES ($1)", ["seen"]);
      const insertOnce = (tx: Queryable, id: string) =>
        tx.transaction((sp) => sp.run("INSERT INTO items (id) VALUES ($1)", [id])).then(
          () => true,
          (error: unknown) => {
            if (isUniqueViolation(error)) return false;
            throw error;
          },
        );
      const results = await db.transaction(async (tx) => {
        const first = await insertOnce(tx, "seen");
        const second = await insertOnce(tx, "new");
        await tx.run("UPDATE counter SET n = n + 1 WHERE id = 1"); // PostgreSQL would refuse this in an aborted transaction
        return [first, second];
      });
      expect(results).toEqual([false, true]);
      expect(await count()).toBe(2);
      expect(await db.get("SELECT n FROM counter")).toEqual({ n: 1 });
    });
  });

  describe.runIf(name === "sqlite")("SQLite serialisation", () => {
    it("does not interleave concurrent read-modify-write transactions", async () => {
      const increment = () =>
        db.transaction(async (tx) => {
          const row = await tx.get<{ n: number }>("SELECT n FROM counter WHERE id = 1");
          await tick(); // give the other worker every chance to interleave
          await tx.run("UPDATE counter SET n = $1 WHERE id = 1", [row!.n + 1]);
        });
      const worker = async () => {
        for (let i = 0; i < 50; i++) await increment();
      };
      await Promise.all([worker(), worker()]);
      expect(await db.get("SELECT n FROM counter WHERE id = 1")).toEqual({ n: 100 });
    });

    it("makes statements outside a transaction wait until it ends", async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
      const tx = db.transaction(async (t) => {
        await t.run("INSERT INTO items (id) VALUES ($1)", ["in-tx"]);
        inserted();
        await gate;
        throw new Error("roll back");
      });
      await insertedSignal;
      let outsideDone = false;
      const outside = db.run("INSERT INTO items (id) VALUES ($1)", ["outside"]).then(() => (outsideDone = true));
      await tick();
      expect(outsideDone).toBe(false);
      release();
      await expect(tx).rejects.toThrow("roll back");
      await outside;
      // The outside write was neither part of the rolled-back transaction nor lost.
      expect(await db.all("SELECT id FROM items")).toEqual([{ id: "outside" }]);
    });
  });
});
