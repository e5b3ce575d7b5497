import { mkdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentConsentText, submitDeclarationResponseSchema, type Receipt } from "@khaibao/shared";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import { assertMiniAppBuilt, browserTestsEnabled, collectErrors, launchPhoneBrowser, resultsDir, settled, type PhoneBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A citizen's privacy controls in the mini app, in Chromium on a phone-sized screen against the
 * real server: the consents screen lists what they agreed to and withdraws one (the server then
 * refuses to read the phone), and "delete my data" asks once, then shows the server's
 * confirmation and clears what the phone kept.
 */
describe.skipIf(!browserTestsEnabled())("privacy screen", () => {
  const userId = "5550001112223334445";
  const token = `dev:${userId}`;
  let server: TestServer;
  let browser: PhoneBrowser;
  let page: Page;
  let errors: string[];
  let receipt: Receipt;

  const api = (p: string, body?: unknown) =>
    fetch(`${server.baseUrl}${p}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", "x-zalo-access-token": token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    assertMiniAppBuilt();
    mkdirSync(resultsDir, { recursive: true });
    server = await startTestServer();
    browser = await launchPhoneBrowser();
    // The citizen declared once (which records the declaration consent) and let the app read their phone.
    const declared = await api("/api/declarations", { idempotencyKey: randomUUID(), declaration: sampleDeclaration() });
    expect(declared.status).toBe(201);
    receipt = submitDeclarationResponseSchema.parse(await declared.json()).receipt;
    expect((await api("/api/me/consents", { scope: "phone", version: currentConsentText("phone").version })).status).toBe(201);
    // Forwarded to the backend stand-in before the test goes on (deletion is then immediate).
    for (;;) {
      const row = await server.server.db.get<{ state: string }>("SELECT state FROM declaration_outbox WHERE declaration_id = $1", [receipt.declarationId]);
      if (row?.state === "done") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    page = await browser.newPage();
    errors = collectErrors(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/app/?checkpoint=HN-PHAPVAN&devUser=${userId}`);
    // The receipt as the phone keeps it after a declaration.
    await page.evaluate((r) => {
      localStorage.setItem("khaibao:receipts.history.v1", JSON.stringify([{ receipt: r, savedAt: new Date().toISOString(), warnings: [], checkedAt: null, statusReason: null }]));
    }, receipt);
    await page.reload();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("when the citizen opens the privacy screen, then it lists each consent with its state", async () => {
    await page.getByRole("button", { name: "Phiếu của tôi (1)" }).waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Quyền riêng tư và dữ liệu của tôi" }).click();
    await page.getByRole("heading", { name: "Các sự đồng ý của bạn" }).waitFor({ state: "visible" });
    await settled(page);
    const declaration = page.getByTestId("consent-declaration");
    expect(await declaration.getByRole("heading").textContent()).toBe("Chuyển tờ khai cho cơ quan chức năng");
    expect(await declaration.textContent()).toContain("Đang đồng ý từ");
    expect(await page.getByTestId("consent-phone").textContent()).toContain("Đang đồng ý từ");
    expect(await page.getByTestId("consent-profile").textContent()).toContain("Chưa đồng ý");
    await page.screenshot({ path: path.join(resultsDir, "privacy-consents.png") });
  });

  it("when the phone consent is withdrawn, then the card says so and the server no longer reads the phone", async () => {
    const phone = page.getByTestId("consent-phone");
    await phone.getByRole("button", { name: "Rút lại" }).click();
    await phone.getByText("Đã rút lại sự đồng ý.", { exact: false }).waitFor({ state: "visible" });
    expect(await phone.textContent()).toContain("Đã rút lại lúc");
    expect(await phone.getByRole("button", { name: "Rút lại" }).count()).toBe(0);
    const refused = await api("/api/me/phone", { token: "devphone:0912345678" });
    expect([refused.status, (await refused.json()).error.code]).toEqual([403, "consent.required"]);
    await phone.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, "privacy-consent-withdrawn.png") });
  });

  it("when the citizen asks to delete their data, then it asks once, shows the server's confirmation and clears the phone", async () => {
    await page.getByRole("button", { name: "Yêu cầu xoá dữ liệu" }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.waitFor({ state: "visible" });
    await confirm.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, "privacy-delete-confirm.png") });
    await confirm.getByRole("button", { name: "Xoá dữ liệu" }).click();
    const status = page.getByTestId("deletion-status");
    await status.waitFor({ state: "visible" });
    expect(await status.textContent()).toMatch(/Đã xoá dữ liệu của bạn trên máy chủ lúc \d\d:\d\d \d\d\/\d\d\/\d{4}\./);
    expect(await status.textContent()).toContain("Số tờ khai đã xoá: 1.");
    expect(await status.textContent()).toContain("Đã xoá dữ liệu trên điện thoại này.");
    await status.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, "privacy-deleted.png") });

    expect(await page.evaluate(() => localStorage.getItem("khaibao:receipts.history.v1"))).toBe("[]");
    const row = await server.server.db.get<{ sealed: Buffer; zalo_user_id: string }>("SELECT sealed, zalo_user_id FROM declarations WHERE id = $1", [receipt.declarationId]);
    expect([row?.sealed.length, row?.zalo_user_id]).toEqual([0, ""]);
    const audit = await server.server.db.all<{ action: string }>("SELECT action FROM staff_audit_log WHERE action LIKE 'privacy.%' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(["privacy.deletion_requested", "privacy.deletion_completed"]);

    // Back on the landing screen, the phone keeps no receipt any more.
    await page.getByRole("button", { name: "Quay lại" }).click();
    await page.getByRole("button", { name: "Phiếu của tôi", exact: true }).waitFor({ state: "visible" });
    expect(errors).toEqual([]);
  });

  it("when a citizen taps \"use my Zalo phone\" without consent, then the app asks first; declining reads nothing, agreeing records it and fills the phone", async () => {
    const fresh = "5550001112223334446";
    const other = await browser.newPage();
    const otherErrors = collectErrors(other, server.baseUrl);
    await other.goto(`${server.baseUrl}/app/?checkpoint=HN-PHAPVAN&devUser=${fresh}&devPhone=0987654321`);
    await other.getByRole("button", { name: "Bắt đầu khai báo" }).click();
    await other.getByRole("radiogroup", { name: "Bạn đi theo chiều nào qua chốt?" }).getByRole("radio", { name: "Vào thành phố" }).click();
    await other.getByRole("button", { name: "Tiếp tục" }).click();
    const usePhone = other.getByRole("button", { name: "Lấy số điện thoại từ Zalo" });
    await usePhone.click();
    const dialog = other.getByRole("dialog", { name: "Đọc số điện thoại Zalo" });
    await dialog.waitFor({ state: "visible" });
    await settled(other);
    await other.screenshot({ path: path.join(resultsDir, "privacy-phone-consent.png") });
    await dialog.getByRole("button", { name: "Không đồng ý" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await other.getByLabel("Số điện thoại di động").inputValue()).toBe("");
    const consents = async () => (await (await fetch(`${server.baseUrl}/api/me/consents`, { headers: { "x-zalo-access-token": `dev:${fresh}` } })).json()) as { active: { phone: boolean } };
    expect((await consents()).active.phone).toBe(false);

    await usePhone.click();
    await dialog.getByRole("button", { name: "Đồng ý", exact: true }).click();
    await other.getByText("Đã điền số điện thoại từ Zalo.").waitFor({ state: "visible" });
    expect((await other.getByLabel("Số điện thoại di động").inputValue()).replace(/\D/g, "")).toBe("0987654321");
    expect((await consents()).active.phone).toBe(true);
    expect(otherErrors).toEqual([]);
    await other.close();
  });
});
