import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base45Decode, base45Encode, type Receipt } from "@khaibao/shared";
import { createReceiptSigner } from "../../bot-server/src/receipts";
import { browserTestsEnabled, chromiumPath, CHROMIUM_ARGS } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { assertConsoleBuilt, collectErrors, issueReceipt, LAPTOP, menuItemsCut, navHiddenParts } from "./console-support";

/**
 * The staff console end to end, at a checkpoint laptop's 1366x768, against the real server:
 * the development admin creates a checkpoint officer, the officer signs in, sets a password and
 * verifies receipts: a real one (from POST /api/declarations), a tampered one, an expired one,
 * a typed number, and a real one again with the network off (the signature is checked on the
 * device). Screenshots land in test-results/.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const resultsDir = path.join(root, "test-results");
const ADMIN = { username: "admin", password: "admin-password-1" };
const OFFICER = { username: "pv.phapvan1", name: "Trần Văn Ba", newPassword: "trạm Pháp Vân ca sáng" };

/** The same receipt with one letter of the holder's name changed: a forgery. */
function tamper(qr: string): string {
  const bytes = base45Decode(qr.slice(4));
  if (!bytes) throw new Error("not a receipt");
  const at = bytes.findIndex((_, i) => String.fromCharCode(...bytes.subarray(i, i + 6)) === "NGUYEN");
  bytes[at] = "T".charCodeAt(0);
  return `KB1:${base45Encode(bytes)}`;
}

describe.skipIf(!browserTestsEnabled())("staff console: accounts and receipt verification", () => {
  let dataDir: string;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let receipt: Receipt;
  let expiredQr: string;
  /** Handed from the admin's test to the officer's, in order. */
  let temporary = "";

  beforeAll(async () => {
    assertConsoleBuilt(root);
    mkdirSync(resultsDir, { recursive: true });
    // Our own data folder, so the test can read the development receipt key the server made.
    dataDir = mkdtempSync(path.join(tmpdir(), "khaibao-console-"));
    server = await startTestServer({ STAFF_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`, SQLITE_PATH: path.join(dataDir, "khaibao.sqlite") });

    receipt = await issueReceipt(server.baseUrl);

    // A genuine but old one, signed with the server's own development key.
    const signer = await createReceiptSigner({ keys: undefined, allowDevKey: true, devKeyFile: path.join(dataDir, "dev-receipt-key.pem"), issuer: "test" });
    const issuedAt = Math.floor(Date.now() / 1000) - 4 * 86_400;
    expiredQr = signer.sign({ code: "1234567890", checkpointId: "HN-BALA", direction: "out_of", issuedAt, expiresAt: issuedAt + 72 * 3600, holderName: "LE THI** H*", holderId: "***789" });

    browser = await chromium.launch({ executablePath: chromiumPath as string, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ ...LAPTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
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

  async function login(username: string, password: string): Promise<void> {
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
  }

  /** Clears the previous result, checks `text` and returns the new result's text once settled. */
  async function check(text: string): Promise<string> {
    const result = page.getByTestId("verify-result");
    await page.locator(".verify-input").getByRole("button", { name: /^(Xóa|Clear)$/ }).click();
    await result.waitFor({ state: "detached" });
    await page.locator("textarea.receipt-text").fill(text);
    await page.locator(".verify-input").getByRole("button", { name: /^(Kiểm tra|Check)$/ }).click();
    await result.waitFor();
    // The live status settles after the offline verdict.
    await page.waitForFunction(() => !document.querySelector("[data-testid=live-status]")?.getAttribute("data-loading"));
    return (await result.innerText()).replace(/\s+/g, " ");
  }

  it("when the admin signs in, then they can create a checkpoint officer and sign out", async () => {
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
    await shot("console-login.png");

    await page.getByLabel("Mật khẩu").fill("wrong password");
    await page.getByLabel("Tên đăng nhập").fill(ADMIN.username);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByText("Tên đăng nhập hoặc mật khẩu không đúng").waitFor();

    await login(ADMIN.username, ADMIN.password);
    // An admin lands on the first section its role has.
    await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();
    await page.waitForURL(/\/console\/verify$/);
    const nav = await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link").allInnerTexts();
    expect(nav).toEqual(["Hộp thư hỗ trợ", "Câu trả lời mẫu", "Xác minh phiếu", "Theo dõi", "Chuyển tiếp dữ liệu", "Chốt kiểm soát", "Xuất dữ liệu", "Tài khoản", "Nhật ký", "Lưu trữ dữ liệu"]);
    // A sidebar in groups; at 1366x768 every section, the language switch and the user's menu are in view.
    const groups = page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("list");
    const titles = await Promise.all((await groups.all()).map(async (g) => page.locator(`#${await g.getAttribute("aria-labelledby")}`).textContent()));
    expect(titles).toEqual(["Hỗ trợ", "Kiểm tra", "Vận hành", "Quản trị"]);
    expect(await navHiddenParts(page, "Điều hướng chính")).toEqual([]);
    await shot("screenshots/console-nav-admin.png");
    await page.getByRole("button", { name: "Switch to English" }).click();
    const navEn = page.getByRole("navigation", { name: "Main navigation" });
    expect(await navEn.getByRole("link").allInnerTexts()).toEqual(["Support inbox", "Canned answers", "Verify receipt", "Dashboard", "Forwarding", "Checkpoints", "Export", "Accounts", "Audit log", "Data retention"]);
    expect(await navHiddenParts(page, "Main navigation")).toEqual([]);
    await shot("screenshots/console-nav-admin-en.png");
    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
    await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();

    await page.getByRole("link", { name: "Tài khoản" }).click();
    await page.getByRole("heading", { name: "Tài khoản cán bộ" }).waitFor();
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    const form = page.getByRole("form", { name: "Tạo tài khoản mới" });
    await form.getByLabel("Tên đăng nhập").fill(OFFICER.username);
    await form.getByLabel("Họ tên").fill(OFFICER.name);
    await form.getByLabel("Vai trò").selectOption({ label: "Cán bộ chốt kiểm soát" });
    temporary = await form.getByLabel("Mật khẩu tạm").inputValue();
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await shot("console-accounts-create.png");
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();
    await page.getByText(`Đã tạo tài khoản ${OFFICER.username}.`).waitFor();
    const row = page.getByRole("row", { name: new RegExp(OFFICER.username.replace(".", "\\.")) });
    expect(await row.innerText()).toContain("Chờ đổi mật khẩu");
    expect(await row.innerText()).toContain("Cán bộ chốt kiểm soát");
    await shot("console-accounts.png");

    await page.getByRole("button", { name: `Sửa ${OFFICER.username}` }).click();
    await page.getByRole("heading", { name: `Sửa tài khoản ${OFFICER.username}` }).waitFor();
    await shot("console-accounts-edit.png");
    await page.getByRole("button", { name: "Đóng" }).click();

    await page.getByRole("link", { name: "Nhật ký" }).click();
    await page.getByRole("heading", { name: "Nhật ký thao tác" }).waitFor();
    const newest = page.getByRole("row").nth(1);
    await newest.waitFor();
    expect((await newest.innerText()).replace(/\s+/g, " ")).toMatch(new RegExp(`admin Tạo tài khoản ${OFFICER.username.replace(".", "\\.")}`));
    await shot("console-audit.png");

    await page.getByRole("button", { name: /Quản trị viên/ }).click();
    // The menu opens upwards from the foot of the sidebar, whole inside the window.
    const menu = page.getByRole("menu", { name: "Tài khoản của tôi" });
    const box = await menu.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= LAPTOP.viewport.height).toBe(true);
    expect(await menuItemsCut(page, "Tài khoản của tôi")).toEqual([]);
    await shot("screenshots/console-nav-user-menu.png");
    await page.getByRole("menuitem", { name: "Đăng xuất", exact: true }).click();
    await page.getByText("Bạn đã đăng xuất.").waitFor();
  });

  it("when the officer signs in for the first time, then they must set their own password and only see verification", async () => {
    await login(OFFICER.username, temporary);
    await page.getByRole("heading", { name: "Đổi mật khẩu" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link").count()).toBe(0);
    await page.getByLabel("Mật khẩu hiện tại").fill(temporary);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill(OFFICER.newPassword);
    await page.getByLabel("Nhập lại mật khẩu mới").fill(OFFICER.newPassword);
    await shot("console-change-password.png");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();

    await page.waitForURL(/\/console\/verify$/);
    const nav = await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link").allInnerTexts();
    expect(nav).toEqual(["Xác minh phiếu"]);
    // The server signs with a generated development key: the officer is told so, loudly.
    await page.getByText("KHÓA THỬ NGHIỆM").first().waitFor();
    expect(await page.getByTestId("keys-age").innerText()).toMatch(/Cập nhật (bây giờ|\d+ giây trước)/);
    await shot("console-verify-empty.png");
  });

  it("when a real receipt is pasted, then it is VALID with the holder, checkpoint, times and live status", async () => {
    const text = await check(receipt.qr);
    expect(text).toContain("HỢP LỆ");
    expect(text).not.toContain("KHÔNG HỢP LỆ");
    expect(text).toContain("NGUYEN V** A*");
    expect(text).toContain("***456");
    expect(text).toContain("Pháp Vân - Cầu Giẽ");
    expect(text).toContain("Vào thành phố");
    expect(text).toMatch(/\d{4} \d{4} \d{2}/);
    expect(text).toContain("Chữ ký số hợp lệ");
    expect(text).toMatch(/Trạng thái trên máy chủ: Đã (tiếp nhận|chuyển)/);
    const banner = page.locator(".verdict");
    expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(13, 122, 55)");
    expect(await page.locator(".verdict-word").evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(36);
    await shot("console-verify-valid.png");
  });

  it("when a tampered receipt is pasted, then it is INVALID and says the signature does not match", async () => {
    const text = await check(tamper(receipt.qr));
    expect(text).toContain("KHÔNG HỢP LỆ");
    expect(text).toContain("Chữ ký không hợp lệ: phiếu có thể đã bị sửa");
    // A forgery's claims are not shown as if they were true.
    expect(text).not.toContain("TGUYEN");
    expect(await page.locator(".verdict").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(179, 38, 30)");
    await shot("console-verify-tampered.png");
  });

  it("when a genuine receipt is past its time, then it is EXPIRED in amber, still showing whose it was", async () => {
    const text = await check(expiredQr);
    expect(text).toContain("HẾT HẠN");
    expect(text).toContain("Phiếu khai báo đã hết hạn");
    expect(text).toContain("LE THI** H*");
    expect(text).toContain("Ra khỏi thành phố");
    await shot("console-verify-expired.png");
  });

  it("when only the 10-digit number is typed, then the server answers and the page says no signature was checked", async () => {
    const spaced = receipt.code.replace(/(\d{4})(\d{4})(\d{2})/, "$1 $2 $3");
    const text = await check(spaced);
    expect(text).toContain("HỢP LỆ");
    expect(text).toContain("không thể xác minh chữ ký khi mất mạng");
    const unknown = await check("0000000001");
    expect(unknown).toContain("KHÔNG HỢP LỆ");
    expect(unknown).toContain("Không tìm thấy phiếu khai báo");
  });

  it("when the network is down, then a receipt still verifies on the device, and a number alone is explained", async () => {
    await context.setOffline(true);
    try {
      const text = await check(receipt.qr);
      expect(text).toContain("HỢP LỆ");
      expect(text).toContain("Không kết nối được máy chủ");
      const code = await check(receipt.code);
      expect(code).toContain("CHƯA XÁC ĐỊNH");
      expect(code).toContain("Chỉ có mã số thì phải kiểm tra trực tuyến");
      await shot("console-verify-offline.png");
    } finally {
      await context.setOffline(false);
    }
  });

  it("when the officer switches to English, then the verdict and labels are English", async () => {
    await page.getByRole("button", { name: "Switch to English" }).click();
    const text = await check(tamper(receipt.qr));
    expect(text).toContain("INVALID");
    expect(text).toContain("Invalid signature: the receipt may have been altered");
    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
  });

  it("when the officer signs out everywhere, then the session is gone and the login shows again", async () => {
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: /Cán bộ chốt kiểm soát/ }).click();
    await page.getByRole("menuitem", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
    await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
    const session = await page.evaluate(async () => (await fetch("/api/staff/session")).status);
    expect(session).toBe(401);
    expect(errors).toEqual([]);
  });
});
