import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeDeclaration } from "../../bot-server/src/declarations/testing";
import { csvRecords, parseCsvStrict } from "../../bot-server/src/exports/rfc4180.testing";
import { createFieldCipher } from "../../bot-server/src/privacy";
import { AccountManagement, DEFAULT_SCRYPT } from "../../bot-server/src/staff";
import { DEFAULT_LOCKOUT } from "../../bot-server/src/staff/throttle";
import { browserTestsEnabled, chromiumPath, CHROMIUM_ARGS } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { assertConsoleBuilt, collectErrors, issueReceipt, LAPTOP } from "./console-support";

/**
 * The operators' console at 1366x768 against the real server: a supervisor watches the live
 * dashboard (it refreshes by itself when a declaration arrives), an admin registers a
 * checkpoint and downloads its poster, and exports a day for the department. Screenshots land
 * in test-results/ (look at them).
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const resultsDir = path.join(root, "test-results");
const SUPERVISOR = { username: "truongca.hoa", name: "Lê Thị Hoa", password: "ca chiều theo dõi chốt" };
const ADMIN = { username: "quantri.an", name: "Nguyễn An", password: "quản trị chốt kiểm soát" };
const HOUR = 3_600_000;

describe.skipIf(!browserTestsEnabled())("staff console: dashboard, checkpoints and export", () => {
  let dataDir: string;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let todayCount = 0;

  beforeAll(async () => {
    assertConsoleBuilt(root);
    mkdirSync(resultsDir, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), "khaibao-operations-"));
    server = await startTestServer({ SQLITE_PATH: path.join(dataDir, "khaibao.sqlite") });
    const manage = new AccountManagement({ db: server.server.db, hashing: DEFAULT_SCRYPT, lockout: DEFAULT_LOCKOUT, now: () => new Date() });
    for (const [who, role] of [[SUPERVISOR, "supervisor"], [ADMIN, "admin"]] as const) {
      await manage.create({ username: who.username, displayName: who.name, role, password: who.password }, null, { mustChangePassword: false });
    }

    // Today: real declarations through the citizen's API. Earlier hours and days: rows sealed
    // with the server's own development key, as the API would have stored them then.
    for (let i = 0; i < 3; i++) await issueReceipt(server.baseUrl);
    todayCount = 3;
    const cipher = await createFieldCipher({ keys: undefined, allowDevKey: true, devKeyFile: path.join(dataDir, "dev-data-key.json") });
    const now = Date.now();
    const startOfToday = now - ((now + 7 * HOUR) % (24 * HOUR));
    const spread: Array<[string, number]> = [
      ["HN-BACTHANGLONG", 2], ["HN-THANHTRI", 1], ["HN-BALA", 3], ["HN-NHON", 1], ["HN-PHAPVAN", 2],
    ];
    for (const [checkpointId, n] of spread) {
      for (let k = 0; k < n; k++) {
        const at = startOfToday + ((k * 5 + checkpointId.length) % Math.max(1, Math.floor((now - startOfToday) / HOUR))) * HOUR + 60_000;
        await storeDeclaration(server.server.db, cipher, new Date(Math.min(at, now - 1000)), { checkpointId, direction: checkpointId === "HN-BALA" ? "into" : "out_of" });
        todayCount++;
      }
    }
    for (let day = 1; day < 7; day++) {
      for (let k = 0; k < (day * 3) % 7 + 2; k++) {
        await storeDeclaration(server.server.db, cipher, new Date(startOfToday - day * 24 * HOUR + (8 + k) * HOUR), { checkpointId: ["HN-PHAPVAN", "HN-BALA", "HN-THANHTRI"][k % 3] as string });
      }
    }

    browser = await chromium.launch({ executablePath: chromiumPath as string, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ ...LAPTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", acceptDownloads: true });
    page = await context.newPage();
    errors = collectErrors(page, server.baseUrl);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(resultsDir, name) });
  const stat = (label: string) => page.locator(".stat").filter({ hasText: label }).locator(".stat-value");
  const signIn = async (who: { username: string; password: string }) => {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByLabel("Tên đăng nhập").fill(who.username);
    await page.getByLabel("Mật khẩu").fill(who.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();
  };

  it("when a supervisor opens the dashboard, then today's and this week's declarations show per checkpoint, and it refreshes by itself", async () => {
    await signIn(SUPERVISOR);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    expect(await nav.getByRole("link").allInnerTexts()).toContain("Theo dõi");
    expect(await nav.getByRole("link").allInnerTexts()).not.toContain("Chốt kiểm soát");
    await nav.getByRole("link", { name: "Theo dõi" }).click();
    await page.getByRole("heading", { name: "Theo dõi khai báo" }).waitFor();
    await page.waitForFunction((n) => document.querySelector(".stat .stat-value")?.textContent === String(n), todayCount);
    expect(await page.getByTestId("chart-slot").count()).toBe(24 + 7);
    const hourTotals = await page.locator("svg[aria-label^='Theo giờ'] [data-testid=chart-slot]").evaluateAll((els) => els.reduce((s, e) => s + Number(e.getAttribute("data-total")), 0));
    expect(hourTotals).toBe(todayCount);
    expect(await page.getByTestId("dashboard-row").count()).toBe(5);
    expect((await page.getByTestId("dashboard-row").allInnerTexts()).join("\n")).toContain("Pháp Vân - Cầu Giẽ");
    await shot("console-dashboard.png");

    // A new declaration arrives; nobody touches the page.
    await issueReceipt(server.baseUrl);
    await page.waitForFunction((n) => document.querySelector(".stat .stat-value")?.textContent === String(n), todayCount + 1, { timeout: 40_000 });
    expect(await stat("Đang chờ chuyển").count()).toBe(1);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "Declarations dashboard" }).waitFor();
    await shot("console-dashboard-en.png");
    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
    expect(errors).toEqual([]);
  });

  it("when an admin registers a checkpoint, then it is listed with its posters, and the PDF poster downloads", async () => {
    await signIn(ADMIN);
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Chốt kiểm soát" }).click();
    await page.getByRole("heading", { name: "Chốt kiểm soát", exact: true }).waitFor();
    await page.getByTestId("checkpoint-row").first().waitFor();
    await page.getByRole("button", { name: "Thêm chốt" }).click();
    await page.getByRole("button", { name: "Tạo chốt" }).click();
    await page.locator(".field-error").first().waitFor();
    await shot("console-checkpoint-errors.png");
    await page.getByLabel("Mã chốt", { exact: true }).fill("hn-giapbat");
    await page.getByLabel("Tên chốt", { exact: true }).fill("Bến xe Giáp Bát");
    await page.getByLabel("Phường/Xã").selectOption({ label: "Phường Hoàng Mai" });
    await page.getByLabel("Chiều kiểm soát").selectOption({ label: "Vào thành phố" });
    await page.getByLabel("Lý do thay đổi (ghi vào nhật ký)").fill("Mở chốt mới");
    await page.getByRole("button", { name: "Tạo chốt" }).click();
    await page.getByRole("status").filter({ hasText: "Đã tạo chốt HN-GIAPBAT." }).waitFor();
    const row = page.getByTestId("checkpoint-row").filter({ hasText: "HN-GIAPBAT" });
    expect((await row.innerText()).replace(/\s+/g, " ")).toContain("Bến xe Giáp Bát Phường Hoàng Mai, Hà Nội");
    await shot("console-checkpoints.png");

    const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: "PDF A4 Bến xe Giáp Bát" }).click()]);
    expect(download.suggestedFilename()).toBe("HN-GIAPBAT-A4.pdf");
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Deactivated from its editor: it stays listed, inactive, and leaves the public list.
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Sửa HN-GIAPBAT" }).click();
    await page.getByRole("button", { name: "Ngừng hoạt động ngay" }).click();
    await page.getByRole("status").filter({ hasText: "Chốt HN-GIAPBAT đã ngừng hoạt động." }).waitFor();
    expect(await row.innerText()).toContain("Ngừng hoạt động");
    const open = (await (await fetch(`${server.baseUrl}/api/checkpoints`)).json()) as { checkpoints: Array<{ id: string }> };
    expect(open.checkpoints.map((c) => c.id)).not.toContain("HN-GIAPBAT");
    const audit = await server.server.db.all<{ actor_username: string; action: string }>("SELECT actor_username, action FROM staff_audit_log WHERE target_id = 'HN-GIAPBAT' ORDER BY id");
    expect(audit).toEqual([
      { actor_username: ADMIN.username, action: "checkpoint.created" },
      { actor_username: ADMIN.username, action: "checkpoint.deactivated" },
    ]);
  });

  it("when an admin exports today's summary, then the CSV reads with Vietnamese names and the export is audited", async () => {
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Xuất dữ liệu" }).click();
    await page.getByRole("heading", { name: "Xuất dữ liệu cho Sở" }).waitFor();
    await shot("console-export.png");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải xuống" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^khaibao-\d{4}-\d{2}-\d{2}-tong-hop\.csv$/);
    const records = csvRecords(parseCsvStrict(readFileSync(await download.path())));
    expect(records).toContainEqual(expect.objectContaining({ "Nhóm": "Chốt kiểm soát", "Mã": "HN-PHAPVAN", "Tên": "Pháp Vân - Cầu Giẽ" }));
    expect(records.filter((r) => r["Nhóm"] === "Chốt kiểm soát").reduce((s, r) => s + Number(r["Tổng"]), 0)).toBe(todayCount + 1);
    await page.getByRole("status").filter({ hasText: "Đã tải" }).waitFor();
    const audit = await server.server.db.all<{ actor_username: string; details: string }>("SELECT actor_username, details FROM staff_audit_log WHERE action = 'export.downloaded'");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_username).toBe(ADMIN.username);
    expect(JSON.parse(audit[0]?.details ?? "{}")).toMatchObject({ kind: "summary", format: "csv", via: "console" });

    // The audit log page names both kinds of change in words, and a change shows what changed.
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Nhật ký" }).click();
    await page.getByRole("heading", { name: "Nhật ký thao tác" }).waitFor();
    const log = page.locator("tbody tr");
    await log.filter({ hasText: "Xuất dữ liệu tờ khai" }).waitFor();
    expect((await log.filter({ hasText: "Ngừng hoạt động chốt" }).innerText()).replace(/\s+/g, " ")).toMatch(/HN-GIAPBAT.*activeTo: — → \d{4}-/);
    await shot("console-operations-audit.png");
    expect(errors).toEqual([]);
  });
});
