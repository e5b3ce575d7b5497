import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedCheckpoints, storeDeclaration, testCipher } from "../declarations/testing";
import { testAdminUnits } from "../operations/testing";
import type { FieldCipher } from "../privacy";
import type { Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import { DailyExport } from "./daily";

/** The export's queries on both dialects: the day's edges in Vietnam time, grouping, decryption. */
describe.each(openTestDatabases({ migrate: true }))("daily export queries ($name)", ({ open }) => {
  let db: Database;
  let cipher: FieldCipher;
  let daily: DailyExport;

  beforeEach(async () => {
    db = await open();
    cipher = await testCipher();
    await seedCheckpoints(db);
    const units = testAdminUnits();
    daily = new DailyExport({ db, cipher, places: { provinceName: (c) => units.province(c)?.name, wardName: (c) => units.ward(c)?.name }, now: () => new Date("2026-11-29T00:00:00Z") });
    await storeDeclaration(db, cipher, new Date("2026-11-27T17:00:00.000Z"), { destinationWardCode: "00004" }); // 00:00 on the 28th
    await storeDeclaration(db, cipher, new Date("2026-11-28T16:59:59.999Z"), { destinationWardCode: "00004", checkpointId: "HN-BALA", direction: "out_of" }); // 23:59
    await storeDeclaration(db, cipher, new Date("2026-11-27T16:59:59.999Z"), { destinationWardCode: "00004" }); // the 27th
  });
  afterEach(async () => {
    await db.close();
  });

  it("when a day is summarised, then only its declarations count, by ward and checkpoint and direction", async () => {
    const s = await daily.summary("2026-11-28");
    expect(s.total).toBe(2);
    expect(s.byWard).toEqual([{ provinceCode: "01", provinceName: "Hà Nội", wardCode: "00004", wardName: testAdminUnits().ward("00004")?.name, into: 1, outOf: 1, total: 2 }]);
    expect(s.byCheckpoint).toEqual([
      { checkpointId: "HN-BALA", checkpointName: "Quốc lộ 6 - Ba La", into: 0, outOf: 1, total: 1 },
      { checkpointId: "HN-PHAPVAN", checkpointName: "Pháp Vân - Cầu Giẽ", into: 1, outOf: 0, total: 1 },
    ]);
  });

  it("when a day is exported in detail, then the rows come oldest first with their personal fields opened", async () => {
    const d = await daily.detail("2026-11-28");
    expect(d.rows.map((r) => [r.issuedAt, r.fullName, r.idNumber, r.phone, r.personalData])).toEqual([
      ["2026-11-27T17:00:00.000Z", "Nguyễn Văn An", "001090123456", "0912345678", true],
      ["2026-11-28T16:59:59.999Z", "Nguyễn Văn An", "001090123456", "0912345678", true],
    ]);
  });
});
