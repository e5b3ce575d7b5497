import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDetailSchema, exportSummarySchema } from "@khaibao/shared";
import { CheckpointRepository } from "../checkpoints/repository";
import { runExportCli } from "../cli/export-command";
import { parsedDeclaration, seedCheckpoints, storeDeclaration } from "../declarations/testing";
import { operatorTestRoutes, testAdminUnits } from "../operations/testing";
import { createFieldCipher, type FieldCipher } from "../privacy";
import { purgeDeclarations } from "../privacy/retention/purge";
import { as, staffTestApp, type SignedIn, type StaffTestApp } from "../staff/testing";
import { openDatabase, migrate, type Database } from "../storage";
import { csvRecords, parseCsvStrict } from "./rfc4180.testing";

/**
 * The department's daily export, read back the way the department reads it: the CSV through a
 * strict RFC 4180 reader (BOM, CRLF, quoting), the JSON through the shared schema, and the
 * audit log for who took which day's data.
 */

const DAY = "2026-11-28";
const KEY = `t1:${randomBytes(32).toString("base64")}`;
const TRICKY_CHECKPOINT = { id: "HN-GIALAM", name: 'Cầu Chương Dương, "hướng Gia Lâm"' };

describe("daily export", () => {
  let dir: string;
  let db: Database;
  let cipher: FieldCipher;
  let t: StaffTestApp;
  let admin: SignedIn;
  let wardName: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khaibao-export-"));
    db = await openDatabase({ sqlitePath: path.join(dir, "khaibao.sqlite") });
    await migrate(db);
    cipher = await createFieldCipher({ keys: KEY, allowDevKey: false });
    await seedCheckpoints(db);
    await new CheckpointRepository(db).upsert(
      { ...TRICKY_CHECKPOINT, provinceCode: "01", wardCode: null, address: "", direction: "both", latitude: null, longitude: null, activeFrom: null, activeTo: null, notes: null },
      new Date(),
    );
    wardName = testAdminUnits().ward("00004")?.name as string;
    const hoa = parsedDeclaration({
      identity: { fullName: "Trần Thị Hoà", idKind: "cccd", idNumber: "001190012345", birthDate: "1990-02-03", gender: "female", nationality: "VN", phone: "0987654321", relationship: "self" },
    });
    // 07:00 and 23:59 on the day in Hanoi, one the day before and one the day after (not exported).
    await storeDeclaration(db, cipher, new Date("2026-11-28T00:00:00.000Z"), { receiptCode: "1000000001", destinationWardCode: "00004" });
    await storeDeclaration(db, cipher, new Date("2026-11-28T16:59:00.000Z"), {
      receiptCode: "1000000002",
      checkpointId: TRICKY_CHECKPOINT.id,
      direction: "out_of",
      destinationWardCode: "00004",
      sealed: cipher.sealJson({ declaration: hoa, clientSubmittedAt: null }),
    });
    await storeDeclaration(db, cipher, new Date("2026-11-27T16:59:00.000Z"), { receiptCode: "1000000003" });
    await storeDeclaration(db, cipher, new Date("2026-11-28T17:00:00.000Z"), { receiptCode: "1000000004" });
    // One of the day, already past the retention limit: counted, personal fields gone.
    await storeDeclaration(db, cipher, new Date("2026-11-28T05:00:00.000Z"), { receiptCode: "1000000005", destinationWardCode: null });
    await db.run("UPDATE declaration_outbox SET state = 'done' WHERE declaration_id IN (SELECT id FROM declarations WHERE receipt_code = '1000000005')");
    expect(await purgeDeclarations(db, { before: new Date("2026-11-29T00:00:00Z") }, new Date(), 10)).toBe(1);

    t = staffTestApp(db, { routes: await operatorTestRoutes(db, { cipher, now: () => new Date("2026-11-29T02:00:00.000Z") }) });
    await t.account("quantri", "admin");
    await t.account("truongca", "supervisor");
    admin = await t.login("quantri");
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = async (query: string, who = admin) => {
    const res = await as(t.app, who, "get", `/api/staff/exports/declarations?${query}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => cb(null, Buffer.concat(chunks)));
      });
    return { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string> };
  };
  const exportAudit = () =>
    db.all<{ actor_username: string | null; target_id: string; details: string }>("SELECT actor_username, target_id, details FROM staff_audit_log WHERE action = 'export.downloaded' ORDER BY id");

  it("when an admin downloads the summary CSV, then a strict CSV reader gets Vietnamese ward and checkpoint names and the counts", async () => {
    const res = await download(`date=${DAY}&format=csv&kind=summary`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="khaibao-${DAY}-tong-hop.csv"`);
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsvStrict(res.body);
    expect(rows[0]).toEqual(["Nhóm", "Mã", "Tên", "Tỉnh/Thành phố", "Vào thành phố", "Ra khỏi thành phố", "Tổng"]);
    const records = csvRecords(rows);
    expect(records).toContainEqual({ "Nhóm": "Phường/xã đến", "Mã": "00004", "Tên": wardName, "Tỉnh/Thành phố": "Hà Nội", "Vào thành phố": "1", "Ra khỏi thành phố": "1", "Tổng": "2" });
    expect(records).toContainEqual({ "Nhóm": "Phường/xã đến", "Mã": "", "Tên": "(không rõ phường/xã)", "Tỉnh/Thành phố": "Hà Nội", "Vào thành phố": "1", "Ra khỏi thành phố": "0", "Tổng": "1" });
    expect(records).toContainEqual({ "Nhóm": "Chốt kiểm soát", "Mã": "HN-GIALAM", "Tên": TRICKY_CHECKPOINT.name, "Tỉnh/Thành phố": "", "Vào thành phố": "0", "Ra khỏi thành phố": "1", "Tổng": "1" });
    expect(records).toContainEqual({ "Nhóm": "Chốt kiểm soát", "Mã": "HN-PHAPVAN", "Tên": "Pháp Vân - Cầu Giẽ", "Tỉnh/Thành phố": "", "Vào thành phố": "2", "Ra khỏi thành phố": "0", "Tổng": "2" });
    // Vietnamese as written: "Phường Hoàn Kiếm" style, letters outside ASCII intact.
    expect(wardName).toMatch(/^Phường \p{L}/u);
    expect([...wardName].some((ch) => ch.charCodeAt(0) > 0x7f)).toBe(true);

    const [entry] = await exportAudit();
    expect(entry?.actor_username).toBe("quantri");
    expect(entry?.target_id).toBe(DAY);
    expect(JSON.parse(entry?.details ?? "{}")).toMatchObject({ date: DAY, kind: "summary", format: "csv", rows: 3, via: "console", personalData: false });
  });

  it("when an admin downloads the detail CSV, then each declaration of the day has its decrypted fields, and a purged one has none", async () => {
    const res = await download(`date=${DAY}&format=csv&kind=detail`);
    expect(res.status).toBe(200);
    const records = csvRecords(parseCsvStrict(res.body));
    expect(records.map((r) => r["Mã phiếu"])).toEqual(["1000000001", "1000000005", "1000000002"]);
    expect(records[0]).toMatchObject({ "Thời gian (giờ Việt Nam)": "2026-11-28 07:00", "Họ và tên": "Nguyễn Văn An", "Số giấy tờ": "001090123456", "Số điện thoại": "0912345678", "Chiều": "Vào thành phố", "Phường/xã đến": wardName, "Giới tính": "Nam", "Còn dữ liệu cá nhân": "Có" });
    expect(records[2]).toMatchObject({ "Thời gian (giờ Việt Nam)": "2026-11-28 23:59", "Tên chốt": TRICKY_CHECKPOINT.name, "Họ và tên": "Trần Thị Hoà", "Giới tính": "Nữ", "Chiều": "Ra khỏi thành phố" });
    expect(records[1]).toMatchObject({ "Họ và tên": "", "Số giấy tờ": "", "Số điện thoại": "", "Còn dữ liệu cá nhân": "Đã xóa theo thời hạn lưu trữ" });
    expect(JSON.parse((await exportAudit()).at(-1)?.details ?? "{}")).toMatchObject({ kind: "detail", format: "csv", rows: 3, personalData: true });
  });

  it("when the JSON forms are downloaded, then they match the shared schemas", async () => {
    const summary = exportSummarySchema.parse(JSON.parse((await download(`date=${DAY}&format=json&kind=summary`)).body.toString("utf8")));
    expect(summary.total).toBe(3);
    expect(summary.byCheckpoint.map((c) => c.checkpointId)).toEqual(["HN-PHAPVAN", "HN-GIALAM"]);
    const detail = exportDetailSchema.parse(JSON.parse((await download(`date=${DAY}&format=json&kind=detail`)).body.toString("utf8")));
    expect(detail.rows.find((r) => r.receiptCode === "1000000002")).toMatchObject({ fullName: "Trần Thị Hoà", idNumber: "001190012345", personalData: true });
  });

  it("when a supervisor asks, or the date is wrong, then nothing is exported and nothing logged", async () => {
    const before = (await exportAudit()).length;
    expect((await download(`date=${DAY}`, await t.login("truongca"))).status).toBe(403);
    const bad = await download("date=28/11/2026");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString("utf8")).error.fields[0]).toMatchObject({ path: "date", messages: { vi: "Ngày phải có dạng YYYY-MM-DD", en: "The date must be YYYY-MM-DD" } });
    expect((await exportAudit()).length).toBe(before);
  });

  it("when the CLI exports a day, then it writes the file and the audit log names the CLI", async () => {
    const out = path.join(dir, "out", "summary.csv");
    const lines: string[] = [];
    const io = { env: { SQLITE_PATH: path.join(dir, "khaibao.sqlite"), DATA_ENCRYPTION_KEY: KEY }, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runExportCli(["--date", DAY, "--format", "csv", "--kind", "summary", "--out", out], io), lines.join("\n")).toBe(0);
    expect(csvRecords(parseCsvStrict(readFileSync(out))).length).toBe(4);
    const detailOut = path.join(dir, "out", "detail.json");
    expect(await runExportCli(["--date", DAY, "--format", "json", "--kind", "detail", "--out", detailOut], io)).toBe(0);
    expect(exportDetailSchema.parse(JSON.parse(readFileSync(detailOut, "utf8"))).rows[0]?.fullName).toBe("Nguyễn Văn An");
    const cli = (await exportAudit()).filter((e) => e.actor_username === "cli");
    expect(cli.map((e) => JSON.parse(e.details))).toEqual([
      expect.objectContaining({ date: DAY, kind: "summary", format: "csv", via: "cli" }),
      expect.objectContaining({ date: DAY, kind: "detail", format: "json", via: "cli" }),
    ]);
    expect(await runExportCli(["--date", "2026-13-01", "--out", out], io)).toBe(2);
  });
});
