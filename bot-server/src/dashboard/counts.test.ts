import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dashboardResponseSchema } from "@khaibao/shared";
import { ForwardingProblems } from "../declarations/outbox/problems";
import { seedCheckpoints, storeDeclaration, testCipher } from "../declarations/testing";
import { operatorTestRoutes } from "../operations/testing";
import type { FieldCipher } from "../privacy";
import { purgeDeclarations } from "../privacy/retention/purge";
import { as, staffTestApp } from "../staff/testing";
import type { Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import { DashboardCounts } from "./counts";

/**
 * The dashboard's counts on a fixed clock: 10:30 on 28 November 2026 in Hanoi (03:30 UTC).
 * Hours and days are Vietnam's, so 23:59 and 00:00 local fall on different days although both
 * are 16:59 / 17:00 UTC of the same UTC day.
 */
const NOW = new Date("2026-11-28T03:30:00.000Z");

const DECLARED: Array<[string, string]> = [
  ["HN-PHAPVAN", "2026-11-28T00:10:00.000Z"], // 07:10 today
  ["HN-PHAPVAN", "2026-11-28T00:50:00.000Z"], // 07:50 today
  ["HN-PHAPVAN", "2026-11-28T02:59:59.999Z"], // 09:59 today
  ["HN-BALA", "2026-11-27T17:00:00.000Z"], //    00:00 today
  ["HN-BALA", "2026-11-27T16:59:59.999Z"], //    23:59 yesterday
  ["HN-PHAPVAN", "2026-11-22T00:00:00.000Z"], // 07:00 six days ago: the oldest day shown
  ["HN-PHAPVAN", "2026-11-21T16:59:59.999Z"], // 23:59 seven days ago: not shown
  ["HN-THANHTRI", "2026-11-28T03:30:00.000Z"], // 10:30, now: today
];

describe.each(openTestDatabases({ migrate: true }))("dashboard counts ($name)", ({ open }) => {
  let db: Database;
  let cipher: FieldCipher;
  let counts: DashboardCounts;

  beforeEach(async () => {
    db = await open();
    cipher = await testCipher();
    await seedCheckpoints(db);
    for (const [checkpointId, at] of DECLARED) await storeDeclaration(db, cipher, new Date(at), { checkpointId });
    counts = new DashboardCounts(db, new ForwardingProblems(db));
  });
  afterEach(async () => {
    await db.close();
  });

  const hours = (entries: Record<number, number>) => Array.from({ length: 24 }, (_, h) => entries[h] ?? 0);

  it("when the dashboard is read, then each checkpoint's declarations fall into Vietnam hours today and Vietnam days this week", async () => {
    const snap = dashboardResponseSchema.parse(await counts.snapshot(NOW));
    expect(snap.today).toBe("2026-11-28");
    expect(snap.daily.days).toEqual(["2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"]);
    const hourly = Object.fromEntries(snap.hourly.series.map((s) => [s.checkpointId, s.counts]));
    expect(hourly).toEqual({ "HN-PHAPVAN": hours({ 7: 2, 9: 1 }), "HN-BALA": hours({ 0: 1 }), "HN-THANHTRI": hours({ 10: 1 }) });
    expect(snap.hourly.series.map((s) => [s.checkpointId, s.name, s.total])).toEqual([
      ["HN-PHAPVAN", "Pháp Vân - Cầu Giẽ", 3],
      ["HN-BALA", "Quốc lộ 6 - Ba La", 1],
      ["HN-THANHTRI", "Cầu Thanh Trì", 1],
    ]);
    expect(snap.hourly.totals).toEqual(hours({ 0: 1, 7: 2, 9: 1, 10: 1 }));
    const daily = Object.fromEntries(snap.daily.series.map((s) => [s.checkpointId, s.counts]));
    expect(daily).toEqual({ "HN-PHAPVAN": [1, 0, 0, 0, 0, 0, 3], "HN-BALA": [0, 0, 0, 0, 0, 1, 1], "HN-THANHTRI": [0, 0, 0, 0, 0, 0, 1] });
    expect(snap.daily.totals).toEqual([1, 0, 0, 0, 0, 1, 5]);
  });

  it("when declarations wait, fail or are refused, then the forwarding backlog says how many and since when", async () => {
    await db.run("UPDATE declaration_outbox SET state = 'done', finished_at = $1 WHERE declaration_id IN (SELECT id FROM declarations WHERE issued_at < $2)", [NOW, "2026-11-27T00:00:00.000Z"]);
    await db.run("UPDATE declaration_outbox SET state = 'dead', finished_at = $1 WHERE declaration_id IN (SELECT id FROM declarations WHERE issued_at = $2)", [NOW, "2026-11-27T16:59:59.999Z"]);
    await db.run("UPDATE declaration_outbox SET state = 'rejected', finished_at = $1 WHERE declaration_id IN (SELECT id FROM declarations WHERE checkpoint_id = 'HN-BALA' AND issued_at = $2)", [NOW, "2026-11-27T17:00:00.000Z"]);
    const { forwarding } = await counts.snapshot(NOW);
    expect(forwarding).toEqual({ pending: 4, rejected: 1, dead: 1, forwardedToday: 2, oldestPendingAt: "2026-11-28T00:10:00.000Z" });
  });

  it("when the retention job purges personal fields, then every count stays the same", async () => {
    await db.run("UPDATE declaration_outbox SET state = 'done', finished_at = $1", [NOW]);
    const before = await counts.snapshot(NOW);
    const purged = await purgeDeclarations(db, { before: new Date(NOW.getTime() + 1) }, NOW, 1000);
    expect(purged).toBe(DECLARED.length);
    const left = await db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM declarations WHERE sealed_key_id <> ''");
    expect(Number(left?.n)).toBe(0);
    expect(await counts.snapshot(NOW)).toEqual(before);
  });

  it("when the API is called, then supervisors and admins get the numbers and agents are refused", async () => {
    const t = staffTestApp(db, { routes: await operatorTestRoutes(db, { now: () => NOW }) });
    await t.account("truongca", "supervisor");
    await t.account("hotro", "agent");
    const res = await as(t.app, await t.login("truongca"), "get", "/api/staff/dashboard");
    expect(res.status).toBe(200);
    expect(dashboardResponseSchema.parse(res.body).hourly.totals.reduce((a, b) => a + b, 0)).toBe(5);
    expect((await as(t.app, await t.login("hotro"), "get", "/api/staff/dashboard")).status).toBe(403);
  });
});
