import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import QRCode from "qrcode";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsEnabled, chromiumPath, CHROMIUM_ARGS } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { assertConsoleBuilt, collectErrors, issueReceipt, LAPTOP } from "./console-support";

/**
 * The camera path of the verification page, with a real (fake) camera: Chromium's fake capture
 * device plays a Y4M file in which we drew a receipt's QR code, so getUserMedia, the frame loop,
 * the jsQR worker and the verdict all run as on a device.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const resultsDir = path.join(root, "test-results");
const ADMIN = { username: "admin", password: "admin-password-1" };

/** One 640x480 frame (Chromium loops it): the QR code, 6 px per module, black on white. */
function qrVideo(text: string, file: string): void {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size + 8; // with the 4-module quiet zone on each side
  const scale = 6;
  const left = Math.floor((width - modules * scale) / 2);
  const top = Math.floor((height - modules * scale) / 2);
  const y = Buffer.alloc(width * height, 235); // white-ish paper
  for (let r = 0; r < qr.modules.size; r++) {
    for (let c = 0; c < qr.modules.size; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = top + (r + 4) * scale + dy;
        y.fill(16, row * width + left + (c + 4) * scale, row * width + left + (c + 5) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma]));
}

describe.skipIf(!browserTestsEnabled())("staff console: reading a receipt with the camera", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let videoDir: string;

  beforeAll(async () => {
    assertConsoleBuilt(root);
    mkdirSync(resultsDir, { recursive: true });
    server = await startTestServer({ STAFF_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}` });
    const receipt = await issueReceipt(server.baseUrl);
    videoDir = mkdtempSync(path.join(tmpdir(), "khaibao-camera-"));
    const video = path.join(videoDir, "receipt.y4m");
    qrVideo(receipt.qr, video);
    browser = await chromium.launch({
      executablePath: chromiumPath as string,
      headless: true,
      // No --use-fake-ui-for-media-stream: the permission stays undecided until the test grants it.
      args: [...CHROMIUM_ARGS, "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
    });
    context = await browser.newContext({ ...LAPTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    page = await context.newPage();
    errors = collectErrors(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByLabel("Tên đăng nhập").fill(ADMIN.username);
    await page.getByLabel("Mật khẩu").fill(ADMIN.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(/\/console\/verify$/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  });

  it("when the officer scans, then the page first says why it needs the camera, then reads the QR and shows VALID", async () => {
    await page.getByRole("button", { name: "Quét mã QR bằng camera" }).click();
    const reason = page.getByRole("dialog", { name: "Cho phép dùng camera?" });
    await reason.waitFor();
    expect(await reason.innerText()).toContain("chỉ dùng để đọc mã QR");
    await page.screenshot({ path: path.join(resultsDir, "console-camera-reason.png") });
    // The officer accepts the browser's own prompt.
    await context.grantPermissions(["camera"], { origin: server.baseUrl });
    await reason.getByRole("button", { name: "Mở camera" }).click();

    const result = page.getByTestId("verify-result");
    await result.waitFor({ timeout: 20_000 });
    const text = (await result.innerText()).replace(/\s+/g, " ");
    expect(text).toContain("HỢP LỆ");
    expect(text).toContain("NGUYEN V** A*");
    // The camera is released once the code is read.
    expect(await page.locator("video").count()).toBe(0);
    await page.screenshot({ path: path.join(resultsDir, "console-camera-valid.png") });
    expect(errors).toEqual([]);
  });

  it("when the browser refuses the camera, then the page says how to allow it and offers pasting instead", async () => {
    const denied = await browser.newContext({ ...LAPTOP, locale: "vi-VN" });
    try {
      const other = await denied.newPage();
      await other.goto(`${server.baseUrl}/console/`);
      await other.getByLabel("Tên đăng nhập").fill(ADMIN.username);
      await other.getByLabel("Mật khẩu").fill(ADMIN.password);
      await other.getByRole("button", { name: "Đăng nhập" }).click();
      await other.getByRole("button", { name: "Quét mã QR bằng camera" }).click();
      await other.getByRole("button", { name: "Mở camera" }).click();
      await other.getByText("Bạn đã không cho phép dùng camera").waitFor();
      expect(await other.getByLabel("Nội dung mã QR hoặc mã số phiếu").isVisible()).toBe(true);
    } finally {
      await denied.close();
    }
  });
});
