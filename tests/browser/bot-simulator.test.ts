import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsEnabled, collectErrors, launchPhoneBrowser, resultsDir, type PhoneBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/** The simulator's default citizen: an id above 2^53, which must never become a JS number. */
const USER = "8123456789012345678";

/**
 * The dev chat simulator in Chromium against the real server: every event is signed and POSTed
 * to /webhooks/zalo, and every answer is what the OA stand-in received from our outgoing queue.
 */
describe.skipIf(!browserTestsEnabled())("bot chat simulator", () => {
  let server: TestServer;
  let browser: PhoneBrowser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    server = await startTestServer();
    browser = await launchPhoneBrowser();
    page = await browser.newPage();
    errors = collectErrors(page, server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const oaMessages = () => page.locator(".msg.oa");
  const standinCount = async (): Promise<number> => {
    const url = server.server.zalo.standin?.url;
    if (!url) throw new Error("no OA stand-in");
    const body = (await (await fetch(`${url}/__messages?user_id=${USER}`)).json()) as { messages: unknown[] };
    return body.messages.length;
  };
  async function type(text: string): Promise<void> {
    await page.getByRole("textbox", { name: "Tin nhắn" }).fill(text);
    await page.getByRole("button", { name: "Gửi" }).click();
  }

  it("when the citizen follows, asks to declare and asks for a person, then the bot answers each and then stays quiet", async () => {
    await page.goto(`${server.baseUrl}/dev/chat`);
    expect(await page.locator("#user-id").inputValue()).toBe(USER);

    // Follow: the menu, with the mini app as a link and the rest as reply buttons.
    await page.getByRole("button", { name: "Quan tâm OA" }).click();
    const menu = oaMessages().nth(0);
    await menu.waitFor({ state: "visible", timeout: 15_000 });
    expect(await menu.innerText()).toContain("Xin chào");
    const declare = menu.getByRole("link", { name: "Khai báo di chuyển" });
    expect(await declare.getAttribute("href")).toBe("/app/");
    for (const name of ["Chứng nhận tiêm chủng", "Câu hỏi thường gặp", "Gặp nhân viên hỗ trợ"]) {
      expect(await menu.getByRole("button", { name }).isVisible()).toBe(true);
    }

    // A reply button sends its payload: the FAQ list comes back as buttons.
    await menu.getByRole("button", { name: "Câu hỏi thường gặp" }).click();
    await oaMessages().nth(1).waitFor({ timeout: 15_000 });
    expect(await oaMessages().nth(1).getByRole("button").count()).toBe(4);

    // Free text without accents: a button to the mini app.
    await type("khai bao");
    const declareAnswer = oaMessages().nth(2);
    await declareAnswer.waitFor({ timeout: 15_000 });
    expect(await declareAnswer.getByRole("link", { name: "Khai báo di chuyển" }).getAttribute("href")).toBe("/app/");

    // Asking for a person: the handoff message, and the header says a person is answering.
    await type("gap nhan vien");
    const handoff = oaMessages().nth(3);
    await handoff.waitFor({ timeout: 15_000 });
    expect(await handoff.innerText()).toContain("Đã chuyển cho nhân viên hỗ trợ");
    await page.getByText("Nhân viên hỗ trợ đang trả lời").waitFor({ timeout: 5_000 });
    await page.screenshot({ path: path.join(resultsDir, "bot-simulator.png"), fullPage: false });

    // From now on the bot is quiet: once the message is recorded, nothing more reaches the stand-in.
    const before = await standinCount();
    expect(before).toBe(4);
    await type("Còn ai ở đó không ạ?");
    const deadline = Date.now() + 10_000;
    for (;;) {
      const last = (await server.server.zalo.conversations.messages(USER)).at(-1);
      if (last?.direction === "in" && last.text === "Còn ai ở đó không ạ?") break;
      if (Date.now() > deadline) throw new Error("the message never reached the conversation");
      await new Promise((r) => setTimeout(r, 100));
    }
    // The reply would have been queued with that very record; give the sender time to act anyway.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await standinCount()).toBe(before);
    expect(await oaMessages().count()).toBe(4);
    expect((await server.server.zalo.conversations.get(USER))?.owner).toBe("human");
    expect(errors).toEqual([]);
  });
});
