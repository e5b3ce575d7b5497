import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountManagement, DEFAULT_SCRYPT } from "../../bot-server/src/staff";
import { DEFAULT_LOCKOUT } from "../../bot-server/src/staff/throttle";
import { browserTestsEnabled, chromiumPath, CHROMIUM_ARGS } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { assertConsoleBuilt, collectErrors, LAPTOP } from "./console-support";

/**
 * The retention page at 1366x768 against the real server: a supervisor sees the retention limit
 * and the job's runs (here one run from the command line), with their counts and result.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const resultsDir = path.join(root, "test-results");
const SUPERVISOR = { username: "truongca.binh", name: "Phạm Văn Bình", password: "ca sáng trạm Thanh Trì" };
const ADMIN = { username: "quantri.hoa", name: "Đỗ Thị Hoa", password: "quản trị dữ liệu Hà Nội" };

describe.skipIf(!browserTestsEnabled())("staff console: personal-data retention", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    assertConsoleBuilt(root);
    mkdirSync(resultsDir, { recursive: true });
    server = await startTestServer({ RETENTION_DAYS: "14" });
    const manage = new AccountManagement({ db: server.server.db, hashing: DEFAULT_SCRYPT, lockout: DEFAULT_LOCKOUT, now: () => new Date() });
    await manage.create({ username: SUPERVISOR.username, displayName: SUPERVISOR.name, role: "supervisor", password: SUPERVISOR.password }, null, { mustChangePassword: false });
    await manage.create({ username: ADMIN.username, displayName: ADMIN.name, role: "admin", password: ADMIN.password }, null, { mustChangePassword: false });
    const outcome = await server.server.privacy.retention.run("cli");
    expect(outcome.skipped).toBe(false);
    browser = await chromium.launch({ executablePath: chromiumPath as string, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ ...LAPTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    page = await context.newPage();
    errors = collectErrors(page, server.baseUrl);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (who: { username: string; password: string }) => {
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByLabel("Tên đăng nhập").fill(who.username);
    await page.getByLabel("Mật khẩu").fill(who.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
  };

  it("when a supervisor opens Data retention, then the limit and the last run with its counts are shown", async () => {
    await signIn(SUPERVISOR);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await nav.getByRole("link", { name: "Lưu trữ dữ liệu" }).click();
    await page.getByRole("heading", { name: "Lưu trữ dữ liệu cá nhân" }).waitFor();
    await page.getByTestId("retention-runs").waitFor();
    expect(await page.getByText("cũ hơn 14 ngày", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText("Không có tờ khai quá hạn nào đang chờ chuyển tiếp.").isVisible()).toBe(true);
    const rows = page.getByTestId("retention-runs").locator("tbody tr");
    expect(await rows.count()).toBe(1);
    const text = (await rows.first().innerText()).replace(/\s+/g, " ");
    expect(text).toContain("Dòng lệnh");
    expect(text).toContain("Thành công");
    // Supervisors see the runs; only admins start one.
    expect(await page.getByRole("button", { name: "Chạy ngay" }).count()).toBe(0);
    await page.screenshot({ path: path.join(resultsDir, "console-retention.png") });
    expect(errors).toEqual([]);
  });

  it("when an admin presses Run now, then a console run is added and written to the audit log", async () => {
    await context.clearCookies();
    await signIn(ADMIN);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await nav.getByRole("link", { name: "Lưu trữ dữ liệu" }).click();
    await page.getByTestId("retention-runs").waitFor();
    await page.getByRole("button", { name: "Chạy ngay" }).click();
    await page.getByText("Đã chạy xong: xoá thông tin cá nhân của 0 tờ khai.").waitFor();
    const rows = page.getByTestId("retention-runs").locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect((await rows.first().innerText()).replace(/\s+/g, " ")).toContain("Bảng điều khiển");
    await page.screenshot({ path: path.join(resultsDir, "console-retention-run.png") });
    const audit = await server.server.db.all<{ action: string; actor_username: string }>("SELECT action, actor_username FROM staff_audit_log WHERE action = 'privacy.retention_run'");
    expect(audit).toEqual([{ action: "privacy.retention_run", actor_username: ADMIN.username }]);
    expect(errors).toEqual([]);
  });
});
