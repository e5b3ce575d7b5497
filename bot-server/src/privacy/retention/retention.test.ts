import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../storage";
import { openTestDatabases } from "../../storage/testing";
import { startZaloGraphStandin } from "../../standins/zalo-graph";
import type { RunningStandin } from "../../standins/listen";
import { event, manualClock, startZaloHarness, type ZaloHarness } from "../../zalo/oa/testing";
import { everyValue, GRAPH_APP_SECRET, newZaloUser, privacyTestApp, secretsIn, type PrivacyTestApp } from "../testing";
import { sampleDeclaration } from "../../declarations/testing";
import { InboxRepository } from "../../inbox";

let graph: RunningStandin;
beforeAll(async () => {
  graph = await startZaloGraphStandin({ appSecret: GRAPH_APP_SECRET });
});
afterAll(() => graph.stop());

/** The SQLite file and its WAL as bytes on disk, after the WAL was copied into the file. */
async function sqliteFileBytes(db: Database): Promise<{ main: Buffer; wal: Buffer }> {
  await db.exec("PRAGMA wal_checkpoint(FULL)");
  const file = (await db.get<{ file: string }>("SELECT file FROM pragma_database_list WHERE name = 'main'"))?.file as string;
  const wal = await readFile(`${file}-wal`).catch(() => Buffer.alloc(0));
  return { main: await readFile(file), wal };
}

/** What the dashboard and the daily export count: nothing personal, all of it kept. */
const counts = (db: Database) =>
  db.all(
    `SELECT d.checkpoint_id, d.direction, d.destination_province_code, d.destination_ward_code, substr(d.issued_at, 1, 13) AS hour,
            d.status, o.state, COUNT(*) AS n
       FROM declarations d JOIN declaration_outbox o ON o.declaration_id = d.id
      GROUP BY d.checkpoint_id, d.direction, d.destination_province_code, d.destination_ward_code, substr(d.issued_at, 1, 13), d.status, o.state
      ORDER BY d.checkpoint_id, d.direction`,
  );

describe.each(openTestDatabases({ migrate: true }))("retention job on $name", ({ name, open }) => {
  let db: Database;
  let t: PrivacyTestApp;
  let zalo: ZaloHarness;
  beforeEach(async () => {
    db = await open();
    t = await privacyTestApp(db, graph);
    zalo = await startZaloHarness({ db, now: manualClock().now });
  });
  afterEach(async () => {
    await zalo?.stop();
    await (db as Database | undefined)?.close();
  });

  it("when declarations are fresh, then no row (and not the SQLite file) holds the CCCD, phone or name in clear", async () => {
    expect((await t.declare(newZaloUser())).status).toBe(201);
    await t.forward();
    expect(secretsIn(await everyValue(db))).toEqual([]);
    if (name === "sqlite") {
      const { main, wal } = await sqliteFileBytes(db);
      expect(secretsIn(main)).toEqual([]);
      expect(secretsIn(wal)).toEqual([]);
    }
  });

  it("when the job runs with the clock past the limit, then no CCCD, phone or name is left in any row or in the file, and the counts are unchanged", async () => {
    const [a, b] = [newZaloUser(), newZaloUser()];
    expect((await t.declare(a)).status).toBe(201);
    expect((await t.declare(b)).status).toBe(201);
    expect((await t.declare(a, { overrides: { trip: { ...sampleDeclaration().trip, checkpointId: "HN-THANHTRI" } } })).status).toBe(201);
    await t.forward();
    expect(t.backend.received).toHaveLength(3);
    // The chat: a citizen types their CCCD and phone, and shares name, phone and address.
    expect((await zalo.post(event("user_send_text", { text: "CCCD 001090123456, SĐT 0912 345 678, tên Nguyễn Văn An", msgId: "m-cccd" }))).status).toBe(200);
    expect((await zalo.post(event("user_submit_info"))).status).toBe(200);
    await zalo.drain();
    const inbox = await db.all<{ state: string }>("SELECT state FROM zalo_inbox");
    expect(inbox.map((r) => r.state)).toEqual(["done", "done"]);
    // A staff member's private note about the chat, quoting the CCCD and the phone.
    const chatUser = (await db.get<{ user_id: string }>("SELECT user_id FROM zalo_conversation_messages ORDER BY id LIMIT 1"))?.user_id as string;
    await new InboxRepository(db).addNote(chatUser, { id: "staff-1", name: "Trần Thị Lan" }, "Gọi lại: CCCD 001090123456, SĐT 0912 345 678", t.clock.now());
    expect(secretsIn(Buffer.from(JSON.stringify(await db.all("SELECT * FROM support_notes"))))).toEqual(["001090123456", "912 345 678"]);
    // The test can fail: before the run the data really is there.
    expect(secretsIn(await everyValue(db))).toEqual(expect.arrayContaining(["001090123456", "912 345 678", "Nguyễn Văn An"]));
    if (name === "sqlite") expect(secretsIn((await sqliteFileBytes(db)).main)).toContain("001090123456");
    const before = await counts(db);

    t.clock.advanceDays(31);
    const outcome = await t.privacy.retention.run("cli");
    if (outcome.skipped) throw new Error("the run was skipped");
    expect(outcome.run).toMatchObject({ trigger: "cli", declarationsPurged: 3, inboxPurged: 2, error: null });
    expect(outcome.run.messagesPurged).toBeGreaterThan(0);
    // The note is gone (and counted with the messages); the scans below cover its bytes too.
    expect(await db.all("SELECT * FROM support_notes")).toEqual([]);

    expect(secretsIn(await everyValue(db))).toEqual([]);
    if (name === "sqlite") {
      const { main, wal } = await sqliteFileBytes(db);
      expect(secretsIn(main)).toEqual([]);
      expect(secretsIn(wal)).toEqual([]);
    }
    expect(await counts(db)).toEqual(before);
    const purged = await db.all<{ sealed: Buffer; zalo_user_id: string; personal_data_purged_at: string }>("SELECT sealed, zalo_user_id, personal_data_purged_at FROM declarations");
    expect(purged.map((r) => [r.sealed.length, r.zalo_user_id, r.personal_data_purged_at])).toEqual(Array(3).fill([0, "", t.clock.now().toISOString()]));
  });

  it("when the clock is still within the limit, then nothing is purged, and the run is recorded with its times", async () => {
    expect((await t.declare(newZaloUser())).status).toBe(201);
    await t.forward();
    await new InboxRepository(db).addNote("7001", { id: "staff-1", name: "Trần Thị Lan" }, "Hẹn gọi lại chiều nay", t.clock.now());
    t.clock.advanceDays(29);
    const outcome = await t.privacy.retention.run("schedule");
    expect(outcome).toMatchObject({ skipped: false, run: { declarationsPurged: 0, inboxPurged: 0, messagesPurged: 0, error: null } });
    const [run] = await t.privacy.overview.runs(10);
    expect(run).toMatchObject({ trigger: "schedule", startedAt: t.clock.now().toISOString(), finishedAt: t.clock.now().toISOString(), cutoff: "2026-11-27T09:00:00.000Z" });
    expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations WHERE personal_data_purged_at IS NULL"))?.n).toBe(1);
    expect(await new InboxRepository(db).notes("7001")).toMatchObject([{ text: "Hẹn gọi lại chiều nay" }]);
  });

  it("when a declaration has not reached the backend, then it is kept past the limit, delivered whole, and purged by the next run", async () => {
    t.backend.up = false;
    expect((await t.declare(newZaloUser())).status).toBe(201);
    await t.forward();
    t.clock.advanceDays(31);
    expect(await t.privacy.retention.run("cli")).toMatchObject({ run: { declarationsPurged: 0 } });
    expect(await t.privacy.overview.heldForDelivery()).toBe(1);
    t.backend.up = true;
    await t.forward();
    expect(t.backend.received.map((r) => (r.declaration as { identity: { idNumber: string } }).identity.idNumber)).toEqual(["001090123456"]);
    expect(await t.privacy.retention.run("cli")).toMatchObject({ run: { declarationsPurged: 1 } });
    expect(await t.privacy.overview.heldForDelivery()).toBe(0);
  });

  it("when a support chat was last active before the limit, then the Zalo name and the shared name and phone kept for it are gone; a recent one keeps them", async () => {
    const sealed = Buffer.from("sealed-bytes");
    for (const [userId, at] of [["7001", "2026-10-01T00:00:00.000Z"], ["7002", "2026-12-28T00:00:00.000Z"]] as const) {
      await db.run(
        `INSERT INTO support_conversations (user_id, zalo_name_sealed, zalo_name_index, contact_name_sealed, contact_name_index, contact_phone_sealed, contact_phone_index, updated_at)
         VALUES ($1, $2, 'zi', $2, 'ni', $2, 'pi', $3)`,
        [userId, sealed, at],
      );
    }
    t.clock.advanceDays(31);
    await t.privacy.retention.run("cli");
    const rows = await db.all("SELECT user_id, zalo_name_sealed, zalo_name_index, contact_name_sealed, contact_name_index, contact_phone_sealed, contact_phone_index FROM support_conversations ORDER BY user_id");
    expect(rows).toEqual([
      { user_id: "7001", zalo_name_sealed: null, zalo_name_index: null, contact_name_sealed: null, contact_name_index: null, contact_phone_sealed: null, contact_phone_index: null },
      { user_id: "7002", zalo_name_sealed: sealed, zalo_name_index: "zi", contact_name_sealed: sealed, contact_name_index: "ni", contact_phone_sealed: sealed, contact_phone_index: "pi" },
    ]);
  });

  it("when two runs start together, then one runs and the other is skipped without a row", async () => {
    const [first, second] = await Promise.all([t.privacy.retention.run("schedule"), t.privacy.retention.run("schedule")]);
    expect([first.skipped, second.skipped].sort()).toEqual([false, true]);
    expect(await t.privacy.overview.runs(10)).toHaveLength(1);
  });

  it("when a step fails, then the run is recorded with its error and end time", async () => {
    await db.exec("ALTER TABLE zalo_outbox RENAME TO zalo_outbox_moved");
    const outcome = await t.privacy.retention.run("console");
    expect(outcome).toMatchObject({ skipped: false, run: { trigger: "console", finishedAt: t.clock.now().toISOString() } });
    expect(outcome.skipped ? null : outcome.run.error).toMatch(/zalo_outbox/);
    await db.exec("ALTER TABLE zalo_outbox_moved RENAME TO zalo_outbox");
  });

  it.runIf(name === "postgres")("when another instance holds the job's advisory lock, then this run is skipped", async () => {
    const schema = (await db.get<{ schema: string }>("SELECT current_schema() AS schema"))?.schema;
    const other = await openDatabase({ url: process.env.TEST_DATABASE_URL, pgSchema: schema, poolMax: 1 });
    try {
      const outcome = await other.transaction(async (tx) => {
        await tx.get("SELECT pg_advisory_xact_lock(27504, hashtext(current_schema()))");
        return t.privacy.retention.run("cli");
      });
      expect(outcome).toEqual({ skipped: true });
      expect(await t.privacy.overview.runs(10)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
