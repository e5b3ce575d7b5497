import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Encoder, Tag } from "cbor-x";
import { zlibSync } from "fflate";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base45Encode, decodeHc1, HC1_PREFIX, VACCINATION_LOOKUP_PATH, vaccinationLookupResponseSchema } from "@khaibao/shared";
import { assertMiniAppBuilt, browserTestsEnabled, collectErrors, launchPhoneBrowser, resultsDir, settled, type PhoneBrowser } from "../support/browser";
import { readQrFromScreen } from "../support/qr";
import { certificateOf, devSignerTrustEntry, devSigningKey, SEEDED_PEOPLE } from "../../bot-server/src/standins/vaccination-registry";
import { issueHc1, signingKeyFromPem } from "../../bot-server/src/vaccination/hc1-signer";
import { TEST_ONLY_RSA_KEY_PEM } from "../../bot-server/src/vaccination/testing/rsa-signer";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The vaccination wallet in Chromium on a phone-sized screen, against the real bot server with
 * its local vaccination registry stand-in (seeded people, certificates signed with the dev key
 * the dev trust list holds). The tests run in order and share the phone's storage: look up and
 * save, lose the network, reload, show and verify offline, add one by pasting, refuse a forgery,
 * delete one.
 */

const DEV_USER = "wallet-e2e";
const AN = { idNumber: "001090012345", fullName: "Nguyễn Văn An", dateOfBirth: "1990-05-12" };
const BINH = { idNumber: "079195001234", fullName: "Trần Thị Bình", dateOfBirth: "1995-08-20" };
const WALLET_KEY = "khaibao:vaccination.wallet.v1";

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  // zmp-ui's modals fade in: wait until they stand still.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`) });
}

/** The `HC1:` texts the wallet keeps on the phone, in its order. */
async function storedHc1(page: Page): Promise<string[]> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), WALLET_KEY);
  return (JSON.parse(raw ?? "[]") as { hc1: string }[]).map((e) => e.hc1);
}

/**
 * A forgery: the genuine certificate with the holder's name changed and the original signature
 * kept, re-encoded exactly as an issuer would (COSE_Sign1, zlib, Base45).
 */
function forge(hc1: string, newGivenName: string): string {
  const parts = decodeHc1(hc1);
  if (!parts.ok) throw new Error(`cannot decode the genuine certificate: ${parts.step}`);
  const cbor = new Encoder({ useRecords: false, mapsAsObjects: false });
  const payload = cbor.decode(parts.payloadBytes) as Map<number, unknown>;
  const hcert = payload.get(-260) as Map<number, Map<string, unknown> | Record<string, unknown>>;
  const certificate = hcert.get(1) as Map<string, unknown>;
  const nam = certificate.get("nam") as Map<string, unknown>;
  nam.set("gn", newGivenName);
  const sign1 = new Tag([Buffer.from(parts.protectedBytes), new Map(), Buffer.from(cbor.encode(payload)), Buffer.from(parts.signature)], 18);
  return HC1_PREFIX + base45Encode(zlibSync(new Uint8Array(cbor.encode(sign1)), { level: 9 }));
}

describe.skipIf(!browserTestsEnabled())("vaccination certificate wallet", () => {
  let server: TestServer | undefined;
  let browser: PhoneBrowser;
  let page: Page;
  let errors: string[];
  let binhHc1 = "";

  beforeAll(async () => {
    assertMiniAppBuilt();
    mkdirSync(resultsDir, { recursive: true });
    server = await startTestServer();
    browser = await launchPhoneBrowser();
    // A family member's certificate, as it would arrive in a message: fetched from the API now,
    // pasted later with the phone offline.
    const response = await fetch(`${server.baseUrl}${VACCINATION_LOOKUP_PATH}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Zalo-Access-Token": `dev:${DEV_USER}-family` },
      body: JSON.stringify(BINH),
    });
    expect(response.status).toBe(200);
    binhHc1 = vaccinationLookupResponseSchema.parse(await response.json()).hc1;
  });

  afterAll(async () => {
    await browser?.context.setOffline(false);
    await browser?.close();
    await server?.stop();
  });

  const base = () => server?.baseUrl ?? "";

  it("when a citizen opens the wallet from the home screen and looks up their certificate, then it is verified, saved and shown with a QR that reads back exactly", async () => {
    page = await browser.newPage();
    errors = collectErrors(page, base());
    await page.goto(`${base()}/app/?devUser=${DEV_USER}`);

    // The way in from the landing screen; then the wallet with the trust list's age.
    const entry = page.getByTestId("wallet-entry");
    await entry.waitFor();
    expect(await entry.innerText()).toBe("Chứng nhận tiêm chủng");
    expect((await entry.boundingBox())?.height).toBeGreaterThanOrEqual(48);
    await entry.click();
    await page.getByRole("heading", { name: "Ví chứng nhận" }).waitFor();
    await page.getByText("Danh sách tin cậy cập nhật vừa xong").waitFor();
    await shot(page, "wallet-0-empty");
    await page.getByRole("button", { name: "Tra cứu chứng nhận" }).click();

    // Checked as typed with the shared schema: a CCCD that contradicts the birth year is said next to the ID number.
    await settled(page);
    await page.getByLabel("Số CCCD, CMND hoặc hộ chiếu").fill(AN.idNumber);
    await page.getByLabel("Họ và tên").fill(AN.fullName);
    const dob = page.getByLabel("Ngày sinh");
    await dob.fill("12/05/1991");
    await dob.blur();
    const idError = page.locator("#v-idNumber-error");
    await idError.getByText("năm sinh 1990", { exact: false }).waitFor();
    expect(await page.getByLabel("Số CCCD, CMND hoặc hộ chiếu").getAttribute("aria-invalid")).toBe("true");
    await shot(page, "wallet-1-lookup-error");
    await dob.fill("12/05/1990");
    await idError.waitFor({ state: "hidden" });

    const submit = page.getByRole("button", { name: "Tra cứu", exact: true });
    expect((await submit.boundingBox())?.height).toBeGreaterThanOrEqual(48);
    await submit.click();

    // Verified on the phone before it can be saved; the booster said plainly.
    const verdict = page.getByTestId("certificate-verdict");
    await verdict.getByText("Chứng nhận hợp lệ").waitFor();
    expect(await page.getByTestId("certificate-doses").innerText()).toBe("Mũi 3 trên 2 (mũi nhắc lại)");
    expect(await page.getByText("Phiên âm: NGUYEN VAN AN").isVisible()).toBe(true);
    await shot(page, "wallet-2-lookup-found");
    await page.getByRole("button", { name: "Lưu vào ví" }).click();

    // The certificate screen: name, QR, valid.
    const qr = page.getByTestId("certificate-qr");
    await qr.waitFor();
    await settled(page);
    await page.getByTestId("certificate-verdict").getByText("Chứng nhận hợp lệ").waitFor();
    await shot(page, "wallet-3-certificate");
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(300);

    const stored = await storedHc1(page);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^HC1:/);
    expect(await readQrFromScreen(qr, path.join(resultsDir, "wallet-3-certificate-qr.png"))).toBe(stored[0]);

    // Full screen: black on white, the name under it, brightness hint.
    await qr.click();
    const full = page.getByTestId("fullscreen-qr");
    await full.waitFor();
    await page.screenshot({ path: path.join(resultsDir, "wallet-4-fullscreen.png") });
    const fullCode = page.getByTestId("fullscreen-qr-code");
    expect((await fullCode.boundingBox())?.width).toBeGreaterThanOrEqual(370);
    expect(await full.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 255, 255)");
    expect(await readQrFromScreen(fullCode, path.join(resultsDir, "wallet-4-fullscreen-qr.png"))).toBe(stored[0]);
    expect(await full.getByText("Hãy tăng độ sáng màn hình", { exact: false }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Đóng" }).click();
    await full.waitFor({ state: "detached" });
    expect(errors).toEqual([]);
  });

  it("when the chat-bot's link opens the app with ?view=wallet, then the saved certificates are the first screen, and back leads home", async () => {
    await page.goto(`${base()}/app/?view=wallet&devUser=${DEV_USER}`);
    const list = page.getByTestId("wallet-list");
    await list.waitFor();
    await settled(page);
    expect(await list.getByRole("button", { name: /Nguyễn Văn An/ }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Quay lại" }).click();
    await page.getByTestId("wallet-entry").getByText("Chứng nhận tiêm chủng (1)").waitFor();
    await shot(page, "wallet-5-home-entry");
    await page.goto(`${base()}/app/?view=wallet&devUser=${DEV_USER}`);
    await list.waitFor();
    await settled(page);
  });

  it("when the details match nobody, then the phone says so in its language, the same answer as for a wrong combination", async () => {
    const english = await browser.newPage();
    const englishErrors = collectErrors(english, base());
    await english.goto(`${base()}/app/?view=wallet&lang=en&devUser=${DEV_USER}`);
    await english.getByRole("heading", { name: "Certificate wallet" }).waitFor();
    await english.getByText("Trust list updated", { exact: false }).waitFor();
    await english.getByRole("button", { name: "Look up a certificate" }).click();
    await settled(english);
    // An's real ID and birth date with someone else's name: not a hint that the ID exists.
    await english.getByLabel("Citizen ID, old ID card or passport number").fill(AN.idNumber);
    await english.getByLabel("Full name").fill("Nguyễn Văn Bảy");
    await english.getByLabel("Date of birth").fill("12/05/1990");
    await english.getByRole("button", { name: "Look up", exact: true }).click();
    await english.getByTestId("lookup-error").getByText("No vaccination certificate matches these details", { exact: false }).waitFor();
    await shot(english, "wallet-6-not-found-en");
    expect(englishErrors).toEqual([]);
    await english.close();
  });

  it("when the phone has no network and the app is reloaded, then the certificate and its QR still show and still verify", async () => {
    // The offline shell must have finished caching the app before the network goes.
    // Bounded, and saying what state the worker is in if it never gets ready (an install that
    // failed to precache never resolves `ready`).
    const worker = await page.evaluate(async () => {
      const outcome = await Promise.race([navigator.serviceWorker.ready.then(() => "ready"), new Promise<string>((resolve) => setTimeout(() => resolve("not ready after 30 s"), 30_000))]);
      const registration = await navigator.serviceWorker.getRegistration();
      return { outcome, installing: registration?.installing?.state, waiting: registration?.waiting?.state, active: registration?.active?.state };
    });
    expect(worker.outcome, JSON.stringify(worker)).toBe("ready");
    const before = await storedHc1(page);
    await browser.context.setOffline(true);
    // Really nothing reaches the server now (not even through the worker).
    await server?.stop();
    server = undefined;

    await page.reload();
    const list = page.getByTestId("wallet-list");
    await list.waitFor();
    await page.getByText("Danh sách tin cậy cập nhật", { exact: false }).waitFor();
    await shot(page, "wallet-7-offline-list");
    await list.getByRole("button", { name: /Nguyễn Văn An/ }).click();

    const qr = page.getByTestId("certificate-qr");
    await qr.waitFor();
    await page.getByTestId("certificate-verdict").getByText("Chứng nhận hợp lệ").waitFor();
    expect(await page.getByTestId("certificate-doses").innerText()).toBe("Mũi 3 trên 2 (mũi nhắc lại)");
    await shot(page, "wallet-7-offline-certificate");
    expect(await readQrFromScreen(qr, path.join(resultsDir, "wallet-7-offline-qr.png"))).toBe(before[0]);

    // The QR image for the gallery (a download in a browser) reads back to the same text.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Lưu ảnh QR" }).click()]);
    expect(download.suggestedFilename()).toBe("chung-nhan-nguyen-van-an.png");
    const file = path.join(resultsDir, "wallet-7-gallery-image.png");
    await download.saveAs(file);
    const image = PNG.sync.read(readFileSync(file));
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(before[0]);
  });

  it("when a family member's certificate is pasted (still offline), then it is verified with the cached trust list and saved beside the first", async () => {
    await page.getByRole("button", { name: "Quay lại" }).click();
    await settled(page);
    await page.getByRole("button", { name: "Thêm từ mã QR có sẵn" }).click();
    await settled(page);
    // Pasted from a message, wrapped over lines.
    await page.getByLabel("Nội dung mã (bắt đầu bằng HC1:)").fill(`${binhHc1.slice(0, 60)}\n${binhHc1.slice(60)}\n`);
    await page.getByRole("button", { name: "Kiểm tra mã" }).click();
    await page.getByTestId("certificate-verdict").getByText("Chứng nhận hợp lệ").waitFor();
    // Coded 3/3 by the issuer, yet a booster (past Moderna's two-dose course): marked plainly.
    expect(await page.getByTestId("certificate-doses").innerText()).toBe("Mũi 3 trên 3 (mũi nhắc lại)");
    await shot(page, "wallet-8-paste-valid");
    await page.getByRole("button", { name: "Lưu vào ví" }).click();
    await page.getByTestId("certificate-qr").waitFor();
    await settled(page);
    expect(await page.getByText("Trần Thị Bình").first().isVisible()).toBe(true);

    const stored = await storedHc1(page);
    expect(stored).toHaveLength(2);
    expect(stored[0]).toBe(binhHc1);
  });

  it("when a certificate with an altered name is pasted, then it is refused as not genuine and not saved", async () => {
    await page.getByRole("button", { name: "Quay lại" }).click();
    await settled(page);
    await page.getByRole("button", { name: "Thêm từ mã QR có sẵn" }).click();
    await settled(page);
    await page.getByLabel("Nội dung mã (bắt đầu bằng HC1:)").fill(forge(binhHc1, "Thị Bình Giả"));
    await page.getByRole("button", { name: "Kiểm tra mã" }).click();
    const verdict = page.getByTestId("certificate-verdict");
    await verdict.getByText("Không phải chứng nhận thật").waitFor();
    expect(await verdict.getAttribute("data-verdict")).toBe("not_genuine");
    expect(await verdict.getByText("chữ ký không hợp lệ", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Lưu vào ví" }).count()).toBe(0);
    // Nothing of the forgery is shown as if it were a certificate.
    expect(await page.getByText("Thị Bình Giả").count()).toBe(0);
    await shot(page, "wallet-9-forgery-refused");
    expect(await storedHc1(page)).toHaveLength(2);
    await settled(page);
  });

  it("when an expired certificate or one signed by an unknown key is pasted, then the answer says 'đã hết hạn' or 'không rõ nơi cấp', and neither is saved", async () => {
    const person = SEEDED_PEOPLE[2]!;
    const day = 24 * 3600_000;
    // Signed while the dev signer was valid, expired a moment ago.
    const signerFrom = Date.parse(devSignerTrustEntry().notBefore);
    const expired = issueHc1(devSigningKey(), {
      certificate: certificateOf(person),
      issuer: "VN",
      issuedAt: new Date(signerFrom + 1000),
      expiresAt: new Date(Date.now() - 1000),
    });
    const unknown = issueHc1(signingKeyFromPem(TEST_ONLY_RSA_KEY_PEM, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), {
      certificate: certificateOf(person),
      issuer: "VN",
      issuedAt: new Date(Date.now() - day),
      expiresAt: new Date(Date.now() + 300 * day),
    });
    const paste = page.getByLabel("Nội dung mã (bắt đầu bằng HC1:)");
    const verdict = page.getByTestId("certificate-verdict");

    await paste.fill(expired);
    await page.getByRole("button", { name: "Kiểm tra mã" }).click();
    await verdict.getByText("Chứng nhận đã hết hạn", { exact: true }).waitFor();
    expect(await verdict.getByText("Mã lỗi: expired").isVisible()).toBe(true);
    // Genuine but expired: whose it is still shows, so the person knows which one to renew.
    expect(await page.getByText("Lê Hoàng Cường").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Lưu vào ví" }).count()).toBe(0);
    await shot(page, "wallet-9-expired-refused");

    await paste.fill(unknown);
    await page.getByRole("button", { name: "Kiểm tra mã" }).click();
    await verdict.getByText("Không rõ nơi cấp").waitFor();
    expect(await verdict.getAttribute("data-verdict")).toBe("unknown_issuer");
    expect(await page.getByRole("button", { name: "Lưu vào ví" }).count()).toBe(0);
    await shot(page, "wallet-9-unknown-issuer-refused");
    expect(await storedHc1(page)).toHaveLength(2);
  });

  it("when a certificate is renamed and then deleted (after confirming), then only that one is gone", async () => {
    await page.getByRole("button", { name: "Quay lại" }).click();
    await settled(page);
    const list = page.getByTestId("wallet-list");
    expect(await list.getByRole("button").count()).toBe(2);
    await shot(page, "wallet-10-two-people");
    await list.getByRole("button", { name: /Trần Thị Bình/ }).click();
    await page.getByTestId("certificate-qr").waitFor();
    await settled(page);

    await page.getByRole("button", { name: "Đổi tên" }).click();
    await page.getByLabel("Tên hiển thị").fill("Em Bình");
    await shot(page, "wallet-11-rename");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByRole("heading", { name: "Em Bình" }).waitFor();

    await page.getByRole("button", { name: "Xóa khỏi máy" }).click();
    await page.getByText("Xóa chứng nhận của Em Bình?").waitFor();
    await shot(page, "wallet-12-delete-confirm");
    await page.getByRole("button", { name: "Xóa", exact: true }).click();

    await list.waitFor();
    await settled(page);
    expect(await list.getByRole("button").count()).toBe(1);
    expect(await list.getByRole("button", { name: /Nguyễn Văn An/ }).isVisible()).toBe(true);
    const stored = await storedHc1(page);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe(binhHc1);
    await shot(page, "wallet-13-after-delete");
    expect(errors).toEqual([]);
  });
});
