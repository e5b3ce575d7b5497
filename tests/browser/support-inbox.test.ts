import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountManagement, DEFAULT_SCRYPT } from "../../bot-server/src/staff";
import { DEFAULT_LOCKOUT } from "../../bot-server/src/staff/throttle";
import { browserTestsEnabled, chromiumPath, CHROMIUM_ARGS } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { assertConsoleBuilt, collectErrors, issueReceipt, LAPTOP, navHiddenParts } from "./console-support";

/**
 * The support inbox end to end at 1366x768, against the real server as the README starts it:
 * an admin creates an agent in the console and a canned answer; the agent signs in; a citizen
 * (signed webhooks, through the dev chat simulator's endpoint) asks for a person; the
 * conversation shows up in the agent's list without a reload; the agent takes it, replies with
 * `/chao` and adds a private note; the OA stand-in received exactly the reply; the bot stays
 * quiet while the agent owns the chat; the event stream is cut and comes back with what was
 * missed; the agent resolves and the bot answers again. Screenshots in test-results/screenshots/.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const shotsDir = path.join(root, "test-results", "screenshots");
const ADMIN = { username: "quantri", name: "Quản trị Hệ thống", password: "quan tri he thong 2026" };
const AGENT = { username: "hotro.lan", name: "Trần Thị Lan", newPassword: "tra loi cong dan moi ngay" };
/** A Zalo user id above 2^53: it must stay a string all the way to the screen. */
const CITIZEN = "8123456789012345678";
const CANNED_BODY = "Chào {ten}, em là nhân viên hỗ trợ Khaibao. Anh/chị cần giúp gì về tờ khai ạ?";
/** The citizen's Zalo display name, as the OA API (stand-in) answers it. */
const CITIZEN_NAME = "Nguyễn Thị Mai";
const REPLY = `Chào ${CITIZEN_NAME}, em là nhân viên hỗ trợ Khaibao. Anh/chị cần giúp gì về tờ khai ạ?`;
const NOTE = "Ghi chú nội bộ: công dân mất phiếu, đã hướng dẫn khai lại";

describe.skipIf(!browserTestsEnabled())("support inbox", () => {
  let server: TestServer;
  let browser: Browser;
  let adminContext: BrowserContext;
  let agentContext: BrowserContext;
  let admin: Page;
  let agent: Page;
  let errors: string[];
  let temporary = "";
  let receiptCode = "";

  /** The citizen writes: the dev simulator's endpoint signs the event and POSTs it to our webhook. */
  const citizenSays = async (text: string) => {
    const res = await fetch(`${server.baseUrl}/dev/chat/api/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "text", userId: CITIZEN, text }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { webhookStatus: number }).webhookStatus).toBe(200);
  };
  /** What the OA stand-in received for the citizen: proof of what left for Zalo. */
  const sentToCitizen = async (): Promise<string[]> => {
    const url = server.server.zalo.standin?.url;
    if (!url) throw new Error("no OA stand-in");
    const body = (await (await fetch(`${url}/__messages?user_id=${CITIZEN}`)).json()) as { messages: Array<{ message: { text?: string } }> };
    return body.messages.map((m) => m.message.text ?? "");
  };
  const waitUntil = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 150; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting: ${what}`);
  };
  /** The server's record of the citizen's messages (the stand-in only sees what went out). */
  const recorded = async (text: string) =>
    (await server.server.db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM zalo_conversation_messages WHERE user_id = $1 AND text = $2", [CITIZEN, text]))?.n;
  const outboxRows = async () => Number((await server.server.db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM zalo_outbox WHERE user_id = $1", [CITIZEN]))?.n);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shotsDir, name) });

  async function login(page: Page, username: string, password: string) {
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
  }

  beforeAll(async () => {
    assertConsoleBuilt(root);
    mkdirSync(shotsDir, { recursive: true });
    server = await startTestServer();
    const control = await fetch(`${server.server.zalo.standin?.url}/__control`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profiles: { [CITIZEN]: { displayName: CITIZEN_NAME } } }),
    });
    expect(control.status).toBe(200);
    // The citizen declared in the mini app before chatting (same Zalo user): the contact panel lists it.
    receiptCode = (await issueReceipt(server.baseUrl, `dev:${CITIZEN}:Nguyen Van An`)).code;
    const manage = new AccountManagement({ db: server.server.db, hashing: DEFAULT_SCRYPT, lockout: DEFAULT_LOCKOUT, now: () => new Date() });
    await manage.create({ username: ADMIN.username, displayName: ADMIN.name, role: "admin", password: ADMIN.password }, null, { mustChangePassword: false });
    browser = await chromium.launch({ executablePath: chromiumPath as string, headless: true, args: CHROMIUM_ARGS });
    adminContext = await browser.newContext({ ...LAPTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    agentContext = await browser.newContext({ ...LAPTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    admin = await adminContext.newPage();
    // Counts the new-message chimes (WebAudio oscillators) the inbox plays.
    await agentContext.addInitScript(() => {
      const w = window as unknown as { chimes: number };
      w.chimes = 0;
      const original = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        w.chimes++;
        return original.call(this);
      };
    });
    agent = await agentContext.newPage();
    errors = collectErrors(agent, server.baseUrl);
  });

  afterAll(async () => {
    await adminContext?.close();
    await agentContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it("when the admin creates an agent and a canned answer in the console, then the agent can sign in to the inbox", async () => {
    await login(admin, ADMIN.username, ADMIN.password);
    const nav = admin.getByRole("navigation", { name: "Điều hướng chính" });
    await nav.getByRole("link", { name: "Tài khoản" }).click();
    await admin.getByRole("heading", { name: "Tài khoản cán bộ" }).waitFor();
    await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
    const form = admin.getByRole("form", { name: "Tạo tài khoản mới" });
    await form.getByLabel("Tên đăng nhập").fill(AGENT.username);
    await form.getByLabel("Họ tên").fill(AGENT.name);
    await form.getByLabel("Vai trò").selectOption({ label: "Nhân viên hỗ trợ" });
    temporary = await form.getByLabel("Mật khẩu tạm").inputValue();
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();
    await admin.getByText(`Đã tạo tài khoản ${AGENT.username}.`).waitFor();

    await nav.getByRole("link", { name: "Câu trả lời mẫu" }).click();
    await admin.getByRole("heading", { name: "Câu trả lời mẫu" }).waitFor();
    await admin.getByRole("button", { name: "Thêm câu trả lời mẫu" }).click();
    await admin.getByLabel("Lối tắt").fill("chao");
    await admin.getByLabel("Tiêu đề").fill("Lời chào");
    await admin.getByLabel("Nội dung").fill(CANNED_BODY);
    await admin.getByRole("button", { name: "Lưu", exact: true }).click();
    await admin.getByTestId("canned-row").filter({ hasText: "/chao" }).waitFor();
    await shot(admin, "support-canned.png");

    await login(agent, AGENT.username, temporary);
    await agent.getByRole("heading", { name: "Đổi mật khẩu" }).waitFor();
    await agent.getByLabel("Mật khẩu hiện tại").fill(temporary);
    await agent.getByLabel("Mật khẩu mới", { exact: true }).fill(AGENT.newPassword);
    await agent.getByLabel("Nhập lại mật khẩu mới").fill(AGENT.newPassword);
    await agent.getByRole("button", { name: "Đổi mật khẩu" }).click();
    // An agent lands in the inbox, the only section of the role.
    await agent.waitForURL(/\/console\/inbox$/);
    expect(await agent.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link").allInnerTexts()).toEqual(["Hộp thư hỗ trợ"]);
    await agent.getByRole("tab", { name: /Chưa giao/ }).waitFor();
    await agent.getByText("Không có hội thoại nào.").waitFor();
    // The sidebar beside the inbox: its three columns still fit the laptop's width, nothing scrolls.
    expect(await navHiddenParts(agent, "Điều hướng chính")).toEqual([]);
    expect(await agent.evaluate(() => [document.documentElement.scrollWidth <= window.innerWidth, document.documentElement.scrollHeight <= window.innerHeight])).toEqual([true, true]);
    await shot(agent, "console-nav-agent.png");
  });

  it("when a citizen asks for a person, then the conversation appears in the agent's list without a reload; the agent takes it, replies with /chao and adds a note, and only the reply reaches Zalo", async () => {
    // Pressing the button the page would never be reloaded by: a marker a reload would wipe.
    await agent.evaluate(() => ((window as unknown as { marker: string }).marker = "same page"));
    await citizenSays("cho tôi hỏi");
    await citizenSays("gặp nhân viên");
    const item = agent.getByTestId("conversation").filter({ hasText: CITIZEN_NAME });
    await item.waitFor({ timeout: 15_000 });
    expect(await agent.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same page");
    expect((await item.innerText()).replace(/\s+/g, " ")).toMatch(/Đang mở/);
    await agent.waitForFunction(() => /^\(\d+\) /.test(document.title));
    await shot(agent, "support-inbox-list.png");

    await item.click();
    await agent.getByTestId("message").filter({ hasText: "gặp nhân viên" }).waitFor();
    await agent.getByRole("button", { name: "Nhận xử lý" }).click();
    await agent.getByText("Nhân viên đang trả lời, bot im lặng").waitFor();
    await agent.getByText(`Phụ trách: ${AGENT.name}`).waitFor();
    const botAnswersBefore = (await sentToCitizen()).length;
    expect(botAnswersBefore).toBeGreaterThanOrEqual(2);

    const box = agent.getByRole("textbox", { name: "Nội dung trả lời" });
    await box.click();
    await box.pressSequentially("/cha");
    const picker = agent.getByRole("listbox", { name: "Câu trả lời mẫu" });
    await picker.getByRole("option", { name: /\/chao/ }).waitFor();
    await box.press("Enter");
    expect(await box.inputValue()).toBe(REPLY);
    await agent.getByRole("button", { name: "Gửi", exact: true }).click();
    const reply = agent.getByTestId("message").filter({ hasText: REPLY });
    await reply.waitFor();
    await reply.getByTestId("delivery").filter({ hasText: "Đã gửi" }).waitFor({ timeout: 15_000 });

    await agent.getByRole("radio", { name: "Ghi chú nội bộ" }).check();
    await agent.getByRole("textbox", { name: "Nội dung ghi chú" }).fill(NOTE);
    await agent.getByRole("button", { name: "Lưu ghi chú" }).click();
    await agent.getByTestId("note").filter({ hasText: NOTE }).waitFor();

    // A light label, shown in the list.
    await agent.getByLabel(/^Nhãn/).fill("mất phiếu, gấp");
    await agent.getByRole("button", { name: "Lưu nhãn" }).click();
    await item.locator(".label").filter({ hasText: "gấp" }).waitFor();

    await waitUntil("the reply at the OA stand-in", async () => (await sentToCitizen()).length === botAnswersBefore + 1);
    const sent = await sentToCitizen();
    expect(sent.at(-1)).toBe(REPLY);
    expect(sent.join("\n")).not.toContain("Ghi chú nội bộ");
    expect(sent.join("\n")).not.toContain("mất phiếu");

    // While the agent owns the chat, the citizen's message is recorded and the bot says nothing.
    const rowsBefore = await outboxRows();
    await citizenSays("em cảm ơn, cho em hỏi thêm");
    await agent.getByTestId("message").filter({ hasText: "em cảm ơn, cho em hỏi thêm" }).waitFor();
    expect(Number(await recorded("em cảm ơn, cho em hỏi thêm"))).toBe(1);
    expect(await outboxRows()).toBe(rowsBefore);
    expect(await sentToCitizen()).toEqual(sent);
    // The message arrived after the agent had clicked in the page: it chimed.
    expect(await agent.evaluate(() => (window as unknown as { chimes: number }).chimes)).toBeGreaterThan(0);
    await shot(agent, "support-inbox-thread.png");
  });

  it("when the agent reveals the citizen's declaration, then a reason is required, the record shows and the audit log names who and why", async () => {
    const declaration = agent.getByTestId("declaration").filter({ hasText: receiptCode });
    await declaration.waitFor();
    const masked = (await declaration.innerText()).replace(/\s+/g, " ");
    expect(masked).toContain("NGUYEN V** A*");
    expect(masked).toMatch(/\*{3}\d{3}/);
    expect(masked).not.toMatch(/\d{12}/);

    await declaration.getByRole("button", { name: "Xem đầy đủ" }).click();
    const dialog = agent.getByRole("dialog", { name: "Xem đầy đủ tờ khai" });
    await dialog.getByRole("button", { name: "Xem", exact: true }).click();
    await dialog.getByRole("alert").filter({ hasText: "Hãy ghi lý do" }).waitFor();
    expect(await server.server.db.all("SELECT id FROM staff_audit_log WHERE action = 'inbox.declaration_revealed'")).toEqual([]);
    await dialog.getByLabel("Lý do xem hồ sơ (ghi vào nhật ký)").fill("Công dân hỏi lại số giấy tờ đã khai");
    await dialog.getByRole("button", { name: "Xem", exact: true }).click();
    await dialog.locator(".reveal-record").filter({ hasText: "Nguyễn Văn An" }).waitFor();
    await shot(agent, "support-inbox-reveal.png");
    await dialog.getByRole("button", { name: "Đóng" }).click();

    await admin.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Nhật ký" }).click();
    const row = admin.getByRole("row").filter({ hasText: "Xem đầy đủ tờ khai (hộp thư hỗ trợ)" });
    await row.waitFor();
    const text = (await row.innerText()).replace(/\s+/g, " ");
    expect(text).toContain(AGENT.username);
    expect(text).toContain("Công dân hỏi lại số giấy tờ đã khai");
  });

  it("when the event stream is cut, then the console says so, reconnects and shows the message that came meanwhile", async () => {
    // New connections fail while the route is blocked; the open one is cut on the server.
    await agent.route("**/api/staff/events", (route) => route.abort());
    server.server.inbox.streams.dropAll();
    const banner = agent.getByRole("alert").filter({ hasText: "Mất kết nối" });
    await banner.waitFor();
    await citizenSays("tin nhắn lúc mất kết nối");
    await waitUntil("the message recorded", async () => Number(await recorded("tin nhắn lúc mất kết nối")) === 1);
    expect(await agent.getByTestId("message").filter({ hasText: "tin nhắn lúc mất kết nối" }).count()).toBe(0);
    await shot(agent, "support-inbox-offline.png");

    await agent.unroute("**/api/staff/events");
    await banner.waitFor({ state: "detached", timeout: 20_000 });
    await agent.getByTestId("message").filter({ hasText: "tin nhắn lúc mất kết nối" }).waitFor();
    expect(server.server.inbox.streams.count()).toBeGreaterThanOrEqual(1);
  });

  it("when the agent resolves the conversation, then the bot answers the citizen's next message", async () => {
    // Mark unread: the thread closes and the list counts the latest message again.
    await agent.getByRole("button", { name: "Đánh dấu chưa đọc" }).click();
    const item = agent.getByTestId("conversation").filter({ hasText: CITIZEN_NAME });
    await item.locator(".unread").filter({ hasText: "1" }).waitFor();
    await agent.getByText("Chọn một hội thoại ở danh sách bên trái.").waitFor();
    await item.click();
    await item.locator(".unread").waitFor({ state: "detached" });

    const before = (await sentToCitizen()).length;
    await agent.getByRole("button", { name: "Đánh dấu đã xong" }).click();
    await agent.getByText("Bot đang trả lời công dân").waitFor();
    await citizenSays("menu");
    await waitUntil("the bot's answer at the OA stand-in", async () => (await sentToCitizen()).length > before);
    expect((await sentToCitizen()).at(-1)).toBe("Bạn cần mình giúp gì? Chọn một mục bên dưới nhé.");

    await agent.getByRole("button", { name: "Switch to English" }).click();
    await agent.getByRole("tab", { name: /Unassigned/ }).waitFor();
    await shot(agent, "support-inbox-en.png");
    expect(errors).toEqual([]);
  });
});
