import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitDeclarationResponseSchema } from "@khaibao/shared";
import { AccountManagement, DEFAULT_SCRYPT } from "../../bot-server/src/staff";
import { DEFAULT_LOCKOUT } from "../../bot-server/src/staff/throttle";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import { browserTestsEnabled, chromiumPath, CHROMIUM_ARGS } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { assertConsoleBuilt, collectErrors, LAPTOP } from "./console-support";

/**
 * Script, HTML, template and SQL strings typed by citizens (chat messages, their Zalo name, the
 * free-text fields of a declaration) and by staff (a checkpoint's name, address and notes, a
 * canned answer), then opened on every console page that shows them at 1366x768: nothing runs
 * (no `window.__xss`, no dialog, no element made from the text) and each string reads as text.
 * Screenshots in test-results/screenshots/injection-*.png.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const shotsDir = path.join(root, "test-results", "screenshots");
const ADMIN = { username: "quantri", name: "Quản trị", password: "quan tri he thong 2026" };
const CITIZEN = "8123456789012345699";

const IMG = "<img src=x onerror=window.__xss=1>";
const SCRIPT = '"><script>window.__xss=2</script>';
const JS_URL = "javascript:window.__xss=3//";
const TEMPLATE = "{{7*7}} ${7*7} <%= 7*7 %>";
const SQL = "'; DROP TABLE declarations; --";
const SVG = "<svg/onload=window.__xss=4>";
const PAYLOADS = [IMG, SCRIPT, JS_URL, TEMPLATE, SQL, SVG] as const;
/** A checkpoint named with markup, registered by an admin. */
const CHECKPOINT = { id: "HN-XSS", name: `Chốt ${IMG}`, address: SCRIPT, notes: `${SVG} ${JS_URL}` };
const CANNED = { shortcut: "xss", title: `Mẫu ${SCRIPT}`, body: `${IMG} ${TEMPLATE} ${JS_URL}` };

describe.skipIf(!browserTestsEnabled())("injection strings are inert in the console", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const dialogs: string[] = [];
  let receiptCode = "";

  const shot = (name: string) => page.screenshot({ path: path.join(shotsDir, name) });

  /** Staff API calls with a session of their own (the admin's cookie and CSRF token). */
  async function staffSession() {
    const login = await fetch(`${server.baseUrl}/api/staff/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return async (pathname: string, body: unknown) => {
      const res = await fetch(`${server.baseUrl}${pathname}`, { method: "POST", headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken }, body: JSON.stringify(body) });
      expect([pathname, res.status]).toEqual([pathname, 201]);
    };
  }

  /** Nothing from the strings ran, and none of them became an element. */
  async function expectInert(where: string) {
    const state = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      injected: document.querySelectorAll("img[src='x'], svg[onload], #root script, a[href^='javascript:' i]").length,
    }));
    expect([where, state]).toEqual([where, { xss: undefined, injected: 0 }]);
    expect([where, dialogs]).toEqual([where, []]);
  }

  beforeAll(async () => {
    assertConsoleBuilt(root);
    mkdirSync(shotsDir, { recursive: true });
    server = await startTestServer();
    await fetch(`${server.server.zalo.standin?.url}/__control`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profiles: { [CITIZEN]: { displayName: `Mai ${IMG}` } } }),
    });
    const manage = new AccountManagement({ db: server.server.db, hashing: DEFAULT_SCRYPT, lockout: DEFAULT_LOCKOUT, now: () => new Date() });
    await manage.create({ username: ADMIN.username, displayName: ADMIN.name, role: "admin", password: ADMIN.password }, null, { mustChangePassword: false });

    const post = await staffSession();
    await post("/api/staff/checkpoints", { id: CHECKPOINT.id, name: CHECKPOINT.name, provinceCode: "01", wardCode: null, address: CHECKPOINT.address, direction: "both", notes: CHECKPOINT.notes, reason: SQL });
    await post("/api/staff/inbox/canned", CANNED);

    // The citizen declares at that checkpoint with a string in every free-text field.
    const d = sampleDeclaration();
    const now = Date.now();
    const res = await fetch(`${server.baseUrl}/api/declarations`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-zalo-access-token": `dev:${CITIZEN}:Nguyen Van An` },
      body: JSON.stringify({
        idempotencyKey: randomUUID(),
        declaration: {
          ...d,
          residence: { ...d.residence, street: IMG },
          trip: { ...d.trip, checkpointId: CHECKPOINT.id, travelAt: new Date(now + 3_600_000).toISOString(), employer: SCRIPT, purpose: "other", purposeNote: TEMPLATE, seat: "<b>1</b>" },
          health: { ...d.health, placesVisited: `${SQL} ${JS_URL}` },
          test: { kind: "pcr", result: "negative", sampledAt: new Date(now - 3_600_000).toISOString() },
          vaccination: { doses: 3, certificateId: SVG },
        },
      }),
    });
    expect(res.status).toBe(201);
    receiptCode = submitDeclarationResponseSchema.parse(await res.json()).receipt.code;

    // Then writes each string in the chat (signed webhooks, through the dev simulator), and asks for a person.
    for (const text of [...PAYLOADS, "gặp nhân viên"]) {
      const sent = await fetch(`${server.baseUrl}/dev/chat/api/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "text", userId: CITIZEN, text }) });
      expect(((await sent.json()) as { webhookStatus: number }).webhookStatus).toBe(200);
    }

    browser = await chromium.launch({ executablePath: chromiumPath as string, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ ...LAPTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    page = await context.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    errors = collectErrors(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByLabel("Tên đăng nhập").fill(ADMIN.username);
    await page.getByLabel("Mật khẩu").fill(ADMIN.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nav = (name: string) => page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name }).click();

  it("when the inbox shows the citizen's messages, Zalo name and declaration, then every string is text and nothing runs", async () => {
    await nav("Hộp thư hỗ trợ");
    const item = page.getByTestId("conversation").filter({ hasText: `Mai ${IMG}` });
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    for (const text of PAYLOADS) await page.getByTestId("message").filter({ hasText: text }).first().waitFor();
    const contact = page.getByRole("complementary", { name: "Thông tin liên hệ" });
    await contact.getByText(`Mai ${IMG}`).waitFor();
    await contact.getByTestId("declaration").filter({ hasText: CHECKPOINT.name }).waitFor();
    await expectInert("inbox");
    await shot("injection-inbox.png");

    // The full declaration, revealed with a reason: every free-text field shown as typed.
    await contact.getByRole("button", { name: "Xem đầy đủ" }).click();
    const dialog = page.getByRole("dialog", { name: "Xem đầy đủ tờ khai" });
    await dialog.getByLabel("Lý do xem hồ sơ (ghi vào nhật ký)").fill(`kiểm tra ${SCRIPT}`);
    await dialog.getByRole("button", { name: "Xem", exact: true }).click();
    const record = dialog.locator("table.reveal-record");
    await record.waitFor();
    const shown = await record.innerText();
    for (const text of [IMG, SCRIPT, TEMPLATE, `${SQL} ${JS_URL}`, SVG, "<b>1</b>"]) expect(shown).toContain(text);
    await expectInert("reveal");
    await shot("injection-reveal.png");
    await dialog.getByRole("button", { name: "Đóng" }).click();
  });

  it("when the checkpoint, canned answer, audit log, dashboard, verification and forwarding pages show the strings, then nothing runs", async () => {
    await nav("Chốt kiểm soát");
    await page.getByText(CHECKPOINT.name).first().waitFor();
    await expectInert("checkpoints");
    await shot("injection-checkpoints.png");

    await nav("Câu trả lời mẫu");
    const row = page.getByTestId("canned-row").filter({ hasText: "/xss" });
    await row.waitFor();
    expect(await row.innerText()).toContain(CANNED.title);
    await expectInert("canned");
    await shot("injection-canned.png");

    await nav("Nhật ký");
    await page.getByText(SCRIPT).first().waitFor();
    await expectInert("audit");

    await nav("Theo dõi");
    // On the dashboard the name is a chart's tooltip (an SVG <title>): there, but as text.
    await page.getByText(CHECKPOINT.name).first().waitFor({ state: "attached" });
    await expectInert("dashboard");
    await shot("injection-dashboard.png");

    await nav("Xác minh phiếu");
    await page.locator("textarea.receipt-text").fill(receiptCode);
    await page.locator(".verify-input").getByRole("button", { name: /^(Kiểm tra|Check)$/ }).click();
    const result = page.getByTestId("verify-result");
    await result.waitFor();
    await page.waitForFunction(() => !document.querySelector("[data-testid=live-status]")?.getAttribute("data-loading"));
    expect(await result.innerText()).toContain(CHECKPOINT.name);
    await expectInert("verify");
    await shot("injection-verify.png");

    await nav("Chuyển tiếp dữ liệu");
    await expectInert("forwarding");
    await nav("Xuất dữ liệu");
    await expectInert("exports");
    expect(errors).toEqual([]);
  });
});
