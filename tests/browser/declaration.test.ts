import { mkdirSync } from "node:fs";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECEIPT_KEYS_PATH, receiptKeySetSchema, verifyReceipt } from "@khaibao/shared";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import {
  assertMiniAppBuilt,
  browserTestsEnabled,
  collectErrors,
  launchPhoneBrowser,
  resultsDir,
  settled,
  type PhoneBrowser,
} from "../support/browser";
import { startReadmeServer, type ReadmeServer } from "../support/readme-server";

/**
 * A citizen at the Pháp Vân gateway (checks both directions), in Chromium on a phone-sized
 * screen, against the product as the README's `npm start` runs it (the built bundle in its own
 * process on its embedded defaults: SQLite, the local Zalo and backend stand-ins), serving the
 * built mini app: a first declaration typed in full, the receipt's QR read off the
 * screen and verified with the published keys, a repeat declaration in three taps, and one
 * sent while the phone is offline. The tests run in order and share the phone's storage.
 */

const fixture = sampleDeclaration();
const identity = fixture.identity;
const CHECKPOINT = "HN-PHAPVAN";
const DEV_USER = "citizen-e2e";
const HEALTH_QUESTIONS = ["Sốt", "Ho", "Khó thở", "Đau họng", "Mệt mỏi", "Mất vị giác hoặc khứu giác", "Tiếp xúc gần người mắc hoặc nghi mắc COVID-19"];

/** A `datetime-local` value (the browser runs in this process's time zone). */
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Counts what the person does: a tap is a decision that moves them on (open, choose the
 * direction, commit); an answer is one of the health questions they must answer fresh every time.
 */
class Hand {
  taps = 0;
  answers = 0;
  async tap(target: Locator): Promise<void> {
    this.taps++;
    await target.click();
  }
  async answer(target: Locator): Promise<void> {
    this.answers++;
    await target.click();
  }
}

/** Waits for step `n` of the wizard to be the only screen (the slide-in finished). */
async function atStep(page: Page, n: number): Promise<void> {
  await page.getByText(`Bước ${n}/6`, { exact: true }).waitFor();
  await settled(page);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`) });
}

/** Reads the QR code off the screen as a camera would see it (a PNG of the element), with jsQR. */
async function readQrFromScreen(page: Page, name: string): Promise<string> {
  const png = await page.getByTestId("receipt-qr").screenshot({ path: path.join(resultsDir, `${name}.png`) });
  const image = PNG.sync.read(png);
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!decoded) throw new Error("the QR code on screen could not be read");
  return decoded.data;
}

/** The receipt code as shown in large digits, spaces removed. */
async function shownCode(page: Page): Promise<string> {
  const code = page.getByTestId("receipt-code");
  await code.waitFor({ state: "visible" });
  return (await code.innerText()).replace(/\s/g, "");
}

function answerNoToEverything(hand: Hand, page: Page) {
  return (async () => {
    for (const question of HEALTH_QUESTIONS) {
      await hand.answer(page.getByRole("radiogroup", { name: question, exact: true }).getByRole("radio", { name: "Không" }));
    }
  })();
}

describe.skipIf(!browserTestsEnabled())("declaring at a checkpoint", () => {
  let server: ReadmeServer;
  let browser: PhoneBrowser;
  const codes: string[] = [];

  beforeAll(async () => {
    assertMiniAppBuilt();
    mkdirSync(resultsDir, { recursive: true });
    server = await startReadmeServer();
    browser = await launchPhoneBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const appUrl = () => `${server.baseUrl}/app/?checkpoint=${CHECKPOINT}&devUser=${DEV_USER}`;

  it("when a citizen declares for the first time, typing every field, then they get a receipt whose QR verifies with the published keys", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page, server.baseUrl);
    await page.goto(appUrl());
    await page.getByRole("button", { name: "Bắt đầu khai báo" }).click();

    // 1. Checkpoint from the QR; this one checks both ways, so the direction is asked.
    await atStep(page, 1);
    await screenshot(page, "declare-1-checkpoint");
    expect(await page.getByText("Pháp Vân - Cầu Giẽ", { exact: true }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    // Not answered: said next to the question, and the step does not move on.
    const direction = page.getByRole("radiogroup", { name: "Bạn đi theo chiều nào qua chốt?" });
    await direction.getByText("Vui lòng chọn chiều đi (vào hay ra khỏi thành phố)").waitFor();
    await direction.getByRole("radio", { name: "Vào thành phố" }).click();
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // 2. Identity, typed. A CCCD that contradicts the birth year is an error next to the ID number.
    await atStep(page, 2);
    await page.getByLabel("Họ và tên").fill(identity.fullName);
    const idNumber = page.getByLabel("Số giấy tờ");
    await idNumber.fill(identity.idNumber);
    await idNumber.blur();
    // Nothing shouted while the rest is still empty and untouched.
    expect(await page.locator(".kb-field-error:not([hidden])").count()).toBe(0);
    await page.getByLabel("Ngày sinh").fill("12/05/1991");
    await page.getByRole("radio", { name: "Nam", exact: true }).click();
    const mismatch = "Số CCCD này tương ứng với năm sinh 1990, nhưng năm sinh bạn khai là 1991. Vui lòng kiểm tra lại số CCCD hoặc ngày sinh";
    const idError = page.locator("#f-identity-idNumber-error");
    await idError.getByText(mismatch).waitFor();
    expect(await idNumber.getAttribute("aria-invalid")).toBe("true");
    expect(await idNumber.getAttribute("aria-describedby")).toContain("f-identity-idNumber-error");
    // Right under its field.
    const inputBox = await idNumber.boundingBox();
    const errorBox = await idError.boundingBox();
    expect(errorBox && inputBox && errorBox.y - (inputBox.y + inputBox.height)).toBeLessThan(24);
    await idError.scrollIntoViewIfNeeded();
    await screenshot(page, "declare-2-cccd-mismatch");
    // Fixed as typed: the message goes away as soon as the year matches.
    await page.getByLabel("Ngày sinh").fill("12/05/1990");
    await idError.getByText(mismatch).waitFor({ state: "detached" }).catch(() => undefined);
    expect(await idError.isHidden()).toBe(true);
    await page.getByLabel("Số điện thoại di động").fill(identity.phone as string);
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // 3. Residence: province by name without diacritics, ward by a former name.
    await atStep(page, 3);
    await page.getByRole("button", { name: /^Tỉnh\/thành phố/ }).click();
    await page.getByRole("searchbox").fill("ha noi");
    await page.getByRole("dialog").getByRole("button", { name: "Hà Nội" }).click();
    await page.getByRole("button", { name: /^Phường\/xã/ }).click();
    await page.getByRole("searchbox").fill("hang bac");
    await page.getByRole("dialog").getByRole("button", { name: /Phường Hoàn Kiếm/ }).click();
    await page.getByLabel("Số nhà, tên đường, thôn/xóm").fill(fixture.residence.street);
    await screenshot(page, "declare-3-residence");
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // 4. Trip: into the city, so Hà Nội is already the destination; the plate is shown canonical.
    await atStep(page, 4);
    expect(await page.getByRole("button", { name: /Tỉnh\/thành phố \(nơi đến\) Hà Nội/ }).isVisible()).toBe(true);
    await page.getByRole("button", { name: /Tỉnh\/thành phố \(nơi đi\)/ }).click();
    await page.getByRole("searchbox").fill("hai phong");
    await page.getByRole("dialog").getByRole("button", { name: /Hải Phòng/ }).click();
    await page.getByRole("radio", { name: "Ô tô" }).click();
    const plate = page.getByLabel("Biển số xe");
    await plate.fill(fixture.trip.plate as string);
    await page.getByText("Biển số sẽ ghi là: 29A-123.45").waitFor();
    await plate.blur();
    expect(await plate.inputValue()).toBe("29A-123.45");
    await page.getByRole("radio", { name: "Đi làm" }).click();
    await page.getByLabel("Cơ quan/công ty").fill(fixture.trip.employer as string);
    await screenshot(page, "declare-4-trip");
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // 5. Health: nothing chosen in advance; every question answered.
    await atStep(page, 5);
    expect(await page.locator('[role="radio"][aria-checked="true"]').count()).toBe(0);
    const hand = new Hand();
    await answerNoToEverything(hand, page);
    await page.getByRole("radio", { name: "PCR" }).click();
    await page.getByRole("radio", { name: "Âm tính" }).click();
    await page.getByLabel("Thời điểm lấy mẫu").fill(localInput(new Date(Date.now() - 20 * 3600_000)));
    await page.getByRole("radiogroup", { name: "Số mũi vắc xin COVID-19 đã tiêm" }).getByRole("radio", { name: "3" }).click();
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // 6. Review, commitment and consent next to the one button.
    await atStep(page, 6);
    expect(await page.getByText("Tôi cam kết các thông tin khai báo là đúng sự thật", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText("phiên bản 2026-11-01", { exact: false }).isVisible()).toBe(true);
    await screenshot(page, "declare-6-review");
    await page.getByRole("button", { name: "Cam kết và gửi" }).click();

    // The receipt: big QR, the code in groups, validity, masked holder.
    const code = await shownCode(page);
    expect(code).toMatch(/^\d{10}$/);
    expect(await page.getByTestId("receipt-code").innerText()).toMatch(/^\d{4} \d{4} \d{2}$/);
    expect(await page.getByText(/^Còn hiệu lực đến \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/).isVisible()).toBe(true);
    expect(await page.getByText("NGUYEN V** A*").isVisible()).toBe(true);
    expect(await page.getByText("***456").isVisible()).toBe(true);
    expect(await page.getByText("Hãy tăng độ sáng màn hình", { exact: false }).isVisible()).toBe(true);
    await screenshot(page, "declare-7-receipt");
    const qrBox = await page.getByTestId("receipt-qr").boundingBox();
    expect(qrBox?.width).toBeGreaterThanOrEqual(280);

    // Read the QR off the screen and verify it offline, as a police officer's scanner would.
    const text = await readQrFromScreen(page, "declare-7-receipt-qr");
    const keys = receiptKeySetSchema.parse(await (await fetch(`${server.baseUrl}${RECEIPT_KEYS_PATH}`)).json());
    const verified = await verifyReceipt(text, keys, new Date());
    expect(verified).toMatchObject({ ok: true, claims: { code, checkpointId: CHECKPOINT, direction: "into", holderName: "NGUYEN V** A*", holderId: "***456" } });
    codes.push(code);

    expect(errors).toEqual([]);
    await page.close();
  });

  it("when the same citizen opens the app again, then 3 taps (open the repeat, direction, commit) plus the 7 health answers and the test give a receipt", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page, server.baseUrl);
    await page.goto(appUrl());
    const hand = new Hand();

    const again = page.getByRole("button", { name: "Khai báo lại như lần trước (Nguyễn Văn An, 29A-123.45)" });
    await again.waitFor();
    const box = await again.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    await screenshot(page, "redeclare-0-landing");
    await hand.tap(again); // tap 1

    await page.getByText("Thông tin như lần trước", { exact: false }).waitFor();
    await settled(page);
    expect(await page.getByText("Nguyễn Văn An").first().isVisible()).toBe(true);
    expect(await page.getByText("Ô tô · 29A-123.45").isVisible()).toBe(true);
    // Health answers and the test are never remembered.
    expect(await page.locator('[role="radio"][aria-checked="true"]').count()).toBe(0);
    await hand.tap(page.getByRole("radio", { name: "Vào thành phố" })); // tap 2 (this checkpoint checks both ways)
    await answerNoToEverything(hand, page);
    await hand.answer(page.getByRole("radio", { name: "Chưa xét nghiệm" }));
    await screenshot(page, "redeclare-1-quick");
    await hand.tap(page.getByRole("button", { name: "Cam kết và gửi" })); // tap 3

    const code = await shownCode(page);
    expect(codes).not.toContain(code);
    codes.push(code);
    expect(hand.taps).toBe(3);
    expect(hand.answers).toBe(8); // 7 yes/no questions + "Chưa xét nghiệm"

    // Both receipts are in "Phiếu của tôi", newest first, and show without the network.
    await settled(page);
    await page.getByRole("button", { name: "Phiếu của tôi", exact: true }).click();
    const history = page.getByTestId("receipt-history");
    await history.waitFor();
    const listed = (await history.getByRole("button").allInnerTexts()).map((t) => t.replace(/\s/g, ""));
    expect(listed[0]).toContain(codes[1]);
    expect(listed[1]).toContain(codes[0]);
    await screenshot(page, "receipt-history");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("when the network is down at submit, then the declaration waits on the phone, says so, and the receipt appears once the network is back", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page, server.baseUrl);
    await page.goto(appUrl());
    const hand = new Hand();
    await hand.tap(page.getByRole("button", { name: /^Khai báo lại như lần trước/ }));
    await hand.tap(page.getByRole("radio", { name: "Ra khỏi thành phố" }));
    await answerNoToEverything(hand, page);
    await hand.answer(page.getByRole("radio", { name: "Chưa xét nghiệm" }));
    // Going out of the city: last time's places turned round.
    expect(await page.getByText("Hà Nội → Hải Phòng", { exact: false }).isVisible()).toBe(true);

    await browser.context.setOffline(true);
    await hand.tap(page.getByRole("button", { name: "Cam kết và gửi" }));
    const waiting = page.getByTestId("outbox-waiting");
    await waiting.getByText("Đang chờ mạng…").waitFor();
    expect(await waiting.getByText("Tờ khai đã được lưu trên máy và sẽ tự gửi khi có mạng", { exact: false }).isVisible()).toBe(true);
    await screenshot(page, "offline-waiting");

    await browser.context.setOffline(false);
    const code = await shownCode(page);
    expect(codes).not.toContain(code);
    expect(await page.getByText("Ra khỏi thành phố").isVisible()).toBe(true);
    await screenshot(page, "offline-receipt");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("after the whole run, then no CCCD, phone number or name appears in the server's logs", () => {
    const logs = server.logs.join("");
    // The access log saw every submission, so an empty or silent log cannot pass this check.
    expect(logs).toContain('"path":"/api/declarations"');
    const d = sampleDeclaration();
    for (const secret of [d.identity.idNumber, "912345678", "912 345 678", d.identity.fullName, "Nguyen Van An"]) {
      expect(logs, `logs contain ${secret}`).not.toContain(secret);
    }
  });
});
