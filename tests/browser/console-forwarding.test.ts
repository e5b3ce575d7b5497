import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatReceiptCode, type Receipt } from "@khaibao/shared";
import { purgeDeclarations } from "../../bot-server/src/privacy/retention/purge";
import { startDeclarationBackendStandin, type ControlsUpdate, type DeclarationBackendStandin } from "../../bot-server/src/standins/declaration-backend";
import { AccountManagement, DEFAULT_SCRYPT } from "../../bot-server/src/staff";
import { DEFAULT_LOCKOUT } from "../../bot-server/src/staff/throttle";
import { browserTestsEnabled, chromiumPath, CHROMIUM_ARGS } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { assertConsoleBuilt, collectErrors, issueReceipt, LAPTOP } from "./console-support";

/**
 * The forwarding page end to end, at 1366x768, against the real server and a declaration backend
 * stand-in the test controls: the backend rejects two declarations, a supervisor sees them with
 * the backend's reason, sends one again with a reason, it leaves the list and the worker
 * delivers it once the backend accepts. Screenshots land in test-results/.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const resultsDir = path.join(root, "test-results");
const SUPERVISOR = { username: "truongca.an", name: "Lê Thị Hoa", password: "ca chiều trạm Pháp Vân" };

describe.skipIf(!browserTestsEnabled())("staff console: forwarding problems", () => {
  let dataDir: string;
  let backend: DeclarationBackendStandin;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let retried: Receipt;
  let kept: Receipt;

  const control = async (update: ControlsUpdate) => {
    const res = await fetch(`${backend.url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(update) });
    if (res.status !== 200) throw new Error(`stand-in controls: ${res.status}`);
  };

  /** Polls the server's database until the declaration with `code` has `status` (the worker runs on its own). */
  const waitForStatus = async (code: string, status: string) => {
    for (let i = 0; i < 100; i++) {
      const row = await server.server.db.get<{ status: string }>("SELECT status FROM declarations WHERE receipt_code = $1", [code]);
      if (row?.status === status) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`declaration ${code} never became ${status}`);
  };

  beforeAll(async () => {
    assertConsoleBuilt(root);
    mkdirSync(resultsDir, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), "khaibao-forwarding-"));
    backend = await startDeclarationBackendStandin({ dbFile: path.join(dataDir, "backend.sqlite"), token: "forwarding-browser-test" });
    server = await startTestServer({ DECLARATION_BACKEND_URL: backend.url, DECLARATION_BACKEND_TOKEN: backend.token });
    const manage = new AccountManagement({ db: server.server.db, hashing: DEFAULT_SCRYPT, lockout: DEFAULT_LOCKOUT, now: () => new Date() });
    await manage.create({ username: SUPERVISOR.username, displayName: SUPERVISOR.name, role: "supervisor", password: SUPERVISOR.password }, null, { mustChangePassword: false });

    // The backend refuses everything for a moment: two declarations come back rejected.
    await control({ rejectRate: 1 });
    retried = await issueReceipt(server.baseUrl);
    kept = await issueReceipt(server.baseUrl);
    await waitForStatus(retried.code, "rejected");
    await waitForStatus(kept.code, "rejected");
    await control({ reset: true });

    browser = await chromium.launch({ executablePath: chromiumPath as string, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ ...LAPTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    page = await context.newPage();
    errors = collectErrors(page, server.baseUrl);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await backend?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(resultsDir, name) });
  const row = (receipt: Receipt) => page.getByTestId("forwarding-row").filter({ hasText: formatReceiptCode(receipt.code) });
  const stat = (label: string) => page.locator(".stat").filter({ hasText: label }).locator(".stat-value");

  it("when a supervisor opens Forwarding, then the rejected declarations are listed with the backend's reason", async () => {
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByLabel("Tên đăng nhập").fill(SUPERVISOR.username);
    await page.getByLabel("Mật khẩu").fill(SUPERVISOR.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await nav.waitFor();
    expect(await nav.getByRole("link").allInnerTexts()).toEqual(["Hộp thư hỗ trợ", "Câu trả lời mẫu", "Xác minh phiếu", "Theo dõi", "Chuyển tiếp dữ liệu", "Nhật ký", "Lưu trữ dữ liệu"]);

    await nav.getByRole("link", { name: "Chuyển tiếp dữ liệu" }).click();
    await page.getByRole("heading", { name: "Chuyển tiếp dữ liệu" }).waitFor();
    await row(retried).waitFor();
    expect(await page.getByTestId("forwarding-row").count()).toBe(2);
    expect(await stat("Bị từ chối").innerText()).toBe("2");
    expect(await stat("Lỗi quá số lần").innerText()).toBe("0");
    const text = (await row(retried).innerText()).replace(/\s+/g, " ");
    expect(text).toContain(formatReceiptCode(retried.code));
    expect(text).toContain("Pháp Vân");
    expect(text).toContain("Bị từ chối theo quy tắc của hệ thống tiếp nhận");
    expect(text).toContain("rejected_by_rule");
    expect(text).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}|\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}/);
    await shot("console-forwarding.png");
  });

  it("when the supervisor sends one again with a reason, then it leaves the list and the backend receives it", async () => {
    await row(retried).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Gửi lại (1)" }).click();
    const dialog = page.getByRole("dialog", { name: "Gửi lại 1 tờ khai?" });
    await dialog.waitFor();
    // The reason is required: nothing is sent without one.
    await dialog.getByRole("button", { name: "Gửi lại 1 tờ khai" }).click();
    await dialog.getByRole("alert").waitFor();
    await dialog.getByLabel("Lý do gửi lại (ghi vào nhật ký)").fill("Bên tiếp nhận đã gỡ quy tắc chặn, gửi lại");
    await shot("console-forwarding-confirm.png");
    await dialog.getByRole("button", { name: "Gửi lại 1 tờ khai" }).click();

    await page.getByRole("status").filter({ hasText: "Đã đưa 1 tờ khai vào hàng chờ gửi." }).waitFor();
    await row(retried).waitFor({ state: "detached" });
    expect(await row(kept).count()).toBe(1);
    await waitForStatus(retried.code, "forwarded");
    await page.getByRole("button", { name: "Làm mới" }).click();
    await page.waitForFunction(() => document.querySelector(".stat-good .stat-value")?.textContent === "1");
    expect(await stat("Bị từ chối").innerText()).toBe("1");
    await shot("console-forwarding-after.png");

    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "Forwarding" }).waitFor();
    expect((await row(kept).innerText()).replace(/\s+/g, " ")).toContain("Refused by a rule of the backend");
    await shot("console-forwarding-en.png");

    const audit = await server.server.db.all<{ actor_username: string; reason: string }>("SELECT actor_username, reason FROM staff_audit_log WHERE action = 'forwarding.retried'");
    expect(audit).toEqual([{ actor_username: SUPERVISOR.username, reason: "Bên tiếp nhận đã gỡ quy tắc chặn, gửi lại" }]);
    expect(errors).toEqual([]);
  });

  it("when the retention job purged the rejected declaration, then it is marked and cannot be selected for sending again", async () => {
    // The real retention statement, as the job runs it once the declaration is past the limit.
    expect(await purgeDeclarations(server.server.db, { before: new Date(Date.now() + 60_000) }, new Date(), 10)).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
    await page.getByRole("button", { name: "Làm mới" }).click();
    await row(kept).filter({ hasText: "Đã xoá dữ liệu cá nhân theo thời hạn lưu trữ: không gửi lại được" }).waitFor();
    expect(await row(kept).getByRole("checkbox").isDisabled()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Chọn tất cả" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Gửi lại" }).isDisabled()).toBe(true);
    await shot("console-forwarding-purged.png");
    expect(errors).toEqual([]);
  });
});
