import { readdirSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "./index";
import { migrate } from "./migrate";
import { migrations, type Migration } from "./migrations";
import { openTestDatabases } from "./testing";
import type { Database } from "./types";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const allIds = migrations.map((m) => m.id);

describe("migration registry", () => {
  it("registers every file in migrations/ under its file name, in order", () => {
    const files = readdirSync(new URL("./migrations/", import.meta.url))
      .filter((f) => /^\d{3}_.+\.ts$/.test(f) && !f.endsWith(".test.ts"))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(allIds).toEqual(files);
  });
});

describe.each(openTestDatabases())("migrate on $name", ({ open }) => {
  let db: Database;
  const others: Database[] = [];
  beforeEach(async () => {
    db = await open();
  });
  afterEach(async () => {
    await Promise.all(others.splice(0).map((other) => other.close()));
    await (db as Database | undefined)?.close(); // undefined when open() failed: report that error, not this one
  });

  const recorded = async () => (await db.all<{ id: string }>("SELECT id FROM schema_migrations ORDER BY id")).map((r) => r.id);

  it("applies every migration once and is idempotent", async () => {
    expect(await migrate(db)).toEqual({ applied: allIds });
    expect(await migrate(db)).toEqual({ applied: [] });
    expect(await recorded()).toEqual(allIds);
    const row = await db.get<{ applied_at: string }>("SELECT applied_at FROM schema_migrations WHERE id = $1", ["001_init"]);
    expect(row?.applied_at).toMatch(ISO_UTC);
  });

  it("creates the 001_init tables with their constraints and ISO-8601 defaults", async () => {
    await migrate(db);
    await db.run(
      "INSERT INTO checkpoints (id, name, province_code, ward_code, address, direction, latitude, longitude) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      ["HN-PHAPVAN", "Trạm Pháp Vân", "01", null, "Cao tốc Pháp Vân – Cầu Giẽ", "into", 20.9351234, 105.8467891],
    );
    const row = await db.get<Record<string, unknown>>("SELECT * FROM checkpoints WHERE id = $1", ["HN-PHAPVAN"]);
    expect(row).toMatchObject({ name: "Trạm Pháp Vân", ward_code: null, latitude: 20.9351234, longitude: 105.8467891, notes: null });
    expect(row?.created_at).toMatch(ISO_UTC);
    expect(row?.updated_at).toMatch(ISO_UTC);
    expect(Math.abs(Date.parse(String(row?.created_at)) - Date.now())).toBeLessThan(60_000);
    await expect(
      db.run("INSERT INTO checkpoints (id, name, province_code, direction) VALUES ($1, $2, $3, $4)", ["HN-X", "x", "01", "sideways"]),
    ).rejects.toThrow();
    await db.run("INSERT INTO app_settings (key, value) VALUES ($1, $2)", ["greeting", "Xin chào"]);
    expect(await db.get("SELECT key, value FROM app_settings")).toEqual({ key: "greeting", value: "Xin chào" });
  });

  it("applies exactly once when two instances migrate at the same time", async () => {
    // PostgreSQL: a second pool on the same schema, as a second server instance would be.
    // SQLite: the same Database (one connection per file per process, see sqlite.ts).
    const second = db.dialect === "postgres" ? await openSameSchema(db) : db;
    if (second !== db) others.push(second);
    const results = await Promise.all([migrate(db), migrate(second), migrate(db)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(allIds);
    expect(await recorded()).toEqual(allIds);
  });

  it("rolls back a failing migration entirely and applies it on a later run", async () => {
    const first: Migration = { id: "001_first", up: "CREATE TABLE first_table (id TEXT PRIMARY KEY)" };
    const broken: Migration = { id: "002_broken", up: "CREATE TABLE half_done (id TEXT); INSERT INTO no_such_table VALUES (1);" };
    await expect(migrate(db, { migrations: [first, broken] })).rejects.toThrow(/migration 002_broken failed/);
    expect(await recorded()).toEqual(["001_first"]);
    // half_done was created inside the failed migration's transaction, so it must be gone.
    await expect(db.all("SELECT * FROM half_done")).rejects.toThrow();

    const fixed: Migration = {
      id: "002_broken",
      up: async (tx) => {
        await tx.exec("CREATE TABLE half_done (id TEXT)");
        await tx.run("INSERT INTO half_done (id) VALUES ($1)", [tx.dialect]);
      },
    };
    expect(await migrate(db, { migrations: [first, fixed] })).toEqual({ applied: ["002_broken"] });
    expect(await db.all("SELECT id FROM half_done")).toEqual([{ id: db.dialect }]);
  });

  it("rejects a registry with duplicate or unordered ids", async () => {
    const a: Migration = { id: "001_a", up: "SELECT 1" };
    const b: Migration = { id: "002_b", up: "SELECT 1" };
    await expect(migrate(db, { migrations: [b, a] })).rejects.toThrow(/out of order/);
    await expect(migrate(db, { migrations: [a, a] })).rejects.toThrow(/duplicate/);
    await expect(migrate(db, { migrations: [{ id: "init", up: "SELECT 1" }] })).rejects.toThrow(/must look like/);
  });

  it("warns about recorded migrations this build does not know", async () => {
    await migrate(db, { migrations: [{ id: "001_a", up: "SELECT 1" }, { id: "002_b", up: "SELECT 1" }] });
    const warnings: unknown[] = [];
    const logger = { warn: (obj: Record<string, unknown>) => warnings.push(obj), info: () => undefined };
    expect(await migrate(db, { migrations: [{ id: "001_a", up: "SELECT 1" }], logger })).toEqual({ applied: [] });
    expect(warnings).toEqual([{ unknown: ["002_b"] }]);
  });
});

async function openSameSchema(db: Database): Promise<Database> {
  const row = await db.get<{ schema: string }>("SELECT current_schema() AS schema");
  return openDatabase({ url: process.env.TEST_DATABASE_URL, pgSchema: row?.schema, poolMax: 2 });
}
