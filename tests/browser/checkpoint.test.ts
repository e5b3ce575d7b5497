import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertMiniAppBuilt,
  browserTestsEnabled,
  collectErrors,
  launchPhoneBrowser,
  resultsDir,
  settled,
  type PhoneBrowser,
} from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The landing screen a citizen sees after scanning a checkpoint's QR code, driven in Chromium
 * on a phone-sized screen against the real bot server serving the built mini app at /app/.
 */
describe.skipIf(!browserTestsEnabled())("checkpoint landing screen", () => {
  let server: TestServer;
  let browser: PhoneBrowser;

  beforeAll(async () => {
    assertMiniAppBuilt();
    mkdirSync(resultsDir, { recursive: true });
    server = await startTestServer();
    browser = await launchPhoneBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(query: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors = collectErrors(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/app/${query}`);
    return { page, errors };
  }

  it("when opened from a checkpoint's QR, then it shows that checkpoint and a big start button", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page, server.baseUrl);
    const assets: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/assets/")) assets.push(r.url());
    });
    await page.goto(`${server.baseUrl}/app/?checkpoint=HN-PHAPVAN`);

    const name = page.getByRole("heading", { name: "Pháp Vân - Cầu Giẽ" });
    await name.waitFor({ state: "visible" });
    expect(await page.getByText("Cả hai chiều").isVisible()).toBe(true);
    expect(await page.getByText("Hà Nội", { exact: false }).first().isVisible()).toBe(true);
    expect(await page.getByText("Trạm thu phí Pháp Vân", { exact: false }).isVisible()).toBe(true);

    // Readable at arm's length, easy to hit with a thumb.
    const nameSize = await name.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(nameSize).toBeGreaterThanOrEqual(24);
    const start = page.getByRole("button", { name: "Bắt đầu khai báo" });
    const box = await start.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(box?.width).toBeGreaterThan(300);
    // Pinned to the bottom of the screen, in thumb reach.
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(844 - 100);

    await page.screenshot({ path: path.join(resultsDir, "checkpoint-HN-PHAPVAN.png") });
    // Outside Zalo the SDK chunk is never downloaded.
    expect(assets.some((url) => /\/assets\/zalo\./.test(url))).toBe(false);

    // The start button opens the (lazily loaded) declaration wizard on its first step: this
    // checkpoint checks both ways, so it asks which.
    await start.click();
    await page.getByText("Bước 1/6", { exact: true }).waitFor({ state: "visible" });
    await settled(page);
    expect(await page.getByRole("radiogroup", { name: "Bạn đi theo chiều nào qua chốt?" }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(resultsDir, "declare-first-step.png") });

    expect(errors).toEqual([]);
    await page.close();
  });

  it("when the id is not a known checkpoint, then it explains how to fix it and lists the active ones", async () => {
    const { page, errors } = await open("?checkpoint=HN-KHONGCO");

    await page.getByText("Không tìm thấy chốt kiểm soát HN-KHONGCO").waitFor({ state: "visible" });
    expect(await page.getByText("Quét lại mã QR", { exact: false }).isVisible()).toBe(true);
    const list = page.getByTestId("checkpoint-list");
    await list.waitFor({ state: "visible" });
    const items = list.getByRole("button");
    expect(await items.count()).toBe(5);
    for (const name of ["Pháp Vân - Cầu Giẽ", "Bắc Thăng Long - Nội Bài", "Cầu Thanh Trì", "Quốc lộ 6 - Ba La", "Quốc lộ 32 - Nhổn"]) {
      expect(await list.getByText(name).isVisible()).toBe(true);
    }
    await page.screenshot({ path: path.join(resultsDir, "checkpoint-unknown.png") });
    // The screen scrolls inside zmp-ui's page, not the document: scroll to its end for a second look.
    await page.getByRole("button", { name: "Mở", exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, "checkpoint-unknown-end.png") });

    // Picking one from the list opens it, with a way back.
    await list.getByRole("button", { name: /Quốc lộ 6 - Ba La/ }).click();
    await page.getByRole("heading", { name: "Quốc lộ 6 - Ba La" }).waitFor({ state: "visible" });
    await settled(page);
    expect(await page.getByText("Vào thành phố", { exact: true }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Quay lại" }).click();
    await page.getByText("Không tìm thấy chốt kiểm soát HN-KHONGCO").waitFor({ state: "visible" });

    expect(errors).toEqual([]);
    await page.close();
  });

  it("when the code is typed in lower case, then it still finds the checkpoint", async () => {
    const { page } = await open("?checkpoint=hn-thanhtri");
    await page.getByRole("heading", { name: "Cầu Thanh Trì" }).waitFor({ state: "visible" });
    await page.close();
  });

  it("when opened without a checkpoint, then it asks to pick one from the active checkpoints", async () => {
    const { page, errors } = await open("");

    await page.getByRole("heading", { name: "Chọn chốt kiểm soát" }).waitFor({ state: "visible" });
    const list = page.getByTestId("checkpoint-list");
    await list.waitFor({ state: "visible" });
    expect(await list.getByRole("button").count()).toBe(5);
    await page.screenshot({ path: path.join(resultsDir, "checkpoint-picker.png") });

    // Typing the poster's code opens that checkpoint; a malformed code says what is wrong.
    const input = page.getByLabel("Hoặc nhập mã chốt", { exact: false });
    await input.fill("xx");
    await page.getByRole("button", { name: "Mở", exact: true }).click();
    expect(await page.getByRole("alert").filter({ hasText: "HN-PHAPVAN" }).isVisible()).toBe(true);
    await input.fill("hn-nhon");
    await page.getByRole("button", { name: "Mở", exact: true }).click();
    await page.getByRole("heading", { name: "Quốc lộ 32 - Nhổn" }).waitFor({ state: "visible" });

    expect(errors).toEqual([]);
    await page.close();
  });

  it("when the server cannot be reached, then it says so and retries on request", async () => {
    const page = await browser.newPage();
    await page.route("**/api/checkpoints/**", (route) => route.abort("internetdisconnected"));
    // A checkpoint this phone has not opened before (one it has is kept for offline use: below).
    await page.goto(`${server.baseUrl}/app/?checkpoint=HN-BACTHANGLONG`);

    await page.getByText("Không kết nối được máy chủ").waitFor({ state: "visible" });
    await page.screenshot({ path: path.join(resultsDir, "checkpoint-network-error.png") });
    await page.unroute("**/api/checkpoints/**");
    await page.getByRole("button", { name: "Thử lại" }).click();
    await page.getByRole("heading", { name: "Bắc Thăng Long - Nội Bài" }).waitFor({ state: "visible" });
    await page.close();
  });

  it("when the server cannot be reached but the phone opened this checkpoint before, then it opens from the phone", async () => {
    const page = await browser.newPage();
    await page.route("**/api/checkpoints/**", (route) => route.abort("internetdisconnected"));
    await page.goto(`${server.baseUrl}/app/?checkpoint=HN-BALA`);
    await page.getByRole("heading", { name: "Quốc lộ 6 - Ba La" }).waitFor({ state: "visible" });
    expect(await page.getByText("Không kết nối được máy chủ").count()).toBe(0);
    await page.close();
  });

  it("when the phone is in English (?lang=en), then the screen is in English", async () => {
    const { page } = await open("?checkpoint=HN-PHAPVAN&lang=en");
    // A fresh phone: the declaration started by an earlier test would offer "Continue" instead.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole("button", { name: "Start declaration" }).waitFor({ state: "visible" });
    expect(await page.getByText("Both directions").isVisible()).toBe(true);
    await page.close();
  });

  it("when opened in Zalo's page shell, then it loads the SDK on demand and never shows a blank screen", async () => {
    // APP_ID is what Zalo's shell defines; on localhost the SDK answers with its built-in mocks.
    // This test build has no VITE_API_BASE, which a Zalo build must have: start-up must say so.
    const page = await browser.newPage();
    await page.addInitScript(() => {
      (window as unknown as { APP_ID: string }).APP_ID = "1234567890";
    });
    const sdk = page.waitForRequest((r) => /\/assets\/zalo\./.test(r.url()));
    await page.goto(`${server.baseUrl}/app/?checkpoint=HN-PHAPVAN`);
    await sdk;
    await page.getByText("Ứng dụng không khởi động được").waitFor({ state: "visible" });
    expect(await page.getByText("VITE_API_BASE", { exact: false }).isVisible()).toBe(true);
    await page.close();
  });

  it("when it calls the API, then it sends the language and, for the dev user, no token on public reads", async () => {
    const page = await browser.newPage();
    const request = page.waitForRequest((r) => r.url().includes("/api/checkpoints/HN-PHAPVAN"));
    await page.goto(`${server.baseUrl}/app/?checkpoint=HN-PHAPVAN&devUser=tester-1`);
    const headers = (await request).headers();
    expect(headers["accept-language"]).toBe("vi");
    expect(headers["x-zalo-access-token"]).toBeUndefined();
    await page.close();
  });
});
