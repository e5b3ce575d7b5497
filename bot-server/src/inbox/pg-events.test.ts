import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { openDatabase, type Database } from "../storage";
import type { ConsoleEvent } from "./events";
import { createPostgresConsoleEvents, type PostgresConsoleEvents } from "./pg-events";

const url = process.env.TEST_DATABASE_URL;
const ci = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

const event = (userId: string): ConsoleEvent => ({ type: "conversation", userId, assigneeId: null });

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!url && !ci)("console events over PostgreSQL LISTEN/NOTIFY", () => {
  const open: Array<PostgresConsoleEvents> = [];
  const dbs: Database[] = [];
  // A channel per test run: test files in parallel share the database.
  const channel = `khaibao_console_t${randomBytes(4).toString("hex")}`;
  afterEach(async () => {
    await Promise.all(open.splice(0).map((e) => e.close()));
    await Promise.all(dbs.splice(0).map((d) => d.close()));
  });

  async function instance(): Promise<PostgresConsoleEvents> {
    if (!url) throw new Error("TEST_DATABASE_URL is required in CI");
    const db = await openDatabase({ url, poolMax: 2 });
    dbs.push(db);
    const events = createPostgresConsoleEvents({ url, db, channel, reconnect: { minMs: 50, maxMs: 200 } });
    open.push(events);
    await events.ready();
    return events;
  }

  it("when one instance publishes, then its own subscribers and the other instance's each get the event once", async () => {
    const a = await instance();
    const b = await instance();
    const seenA: ConsoleEvent[] = [];
    const seenB: ConsoleEvent[] = [];
    a.subscribe((e) => seenA.push(e));
    b.subscribe((e) => seenB.push(e));
    a.publish(event("111"));
    b.publish(event("222"));
    await until(() => seenA.length === 2 && seenB.length === 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(seenA.map((e) => e.userId).sort()).toEqual(["111", "222"]);
    expect(seenB.map((e) => e.userId).sort()).toEqual(["111", "222"]);
  });

  it("when the listening connection is killed, then it reconnects and events flow again", async () => {
    const a = await instance();
    const b = await instance();
    const seenB: ConsoleEvent[] = [];
    b.subscribe((e) => seenB.push(e));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // What a PostgreSQL restart does to every session, done to the listeners only.
      const killed = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'khaibao-events' AND query LIKE $1", [`LISTEN ${channel}%`]);
      expect(killed.rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    const deadline = Date.now() + 10_000;
    let n = 0;
    while (seenB.length === 0) {
      if (Date.now() > deadline) throw new Error("no event after the reconnect");
      a.publish(event(`after-${n++}`));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seenB[0]?.userId).toMatch(/^after-/);
  });
});
