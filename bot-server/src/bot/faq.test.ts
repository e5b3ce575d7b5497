import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { createConfiguredChatBot } from "./index";
import { FaqFileError, loadFaq } from "./faq";
import type { Database } from "../storage";

const dir = mkdtempSync(path.join(tmpdir(), "khaibao-faq-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
};
const entry = { id: "giay-to", title: "Giấy tờ", question: "Cần giấy tờ gì?", answer: "Giấy xác nhận và PCR.", keywords: ["giay to"] };

describe("FAQ file", () => {
  it("the built-in file covers Bluezone/NCOVI, documents, the vaccination QR and a page that will not open", () => {
    const faq = loadFaq();
    expect(faq.faqs.map((f) => f.id)).toEqual(expect.arrayContaining(["bluezone", "documents", "vaccine-qr", "page-not-opening"]));
    const text = faq.faqs.map((f) => f.answer).join("\n");
    for (const needle of ["Bluezone", "NCOVI", "quét mã QR", "72 giờ", "Giấy xác nhận", "Cập nhật Zalo", "tờ khai giấy"]) expect(text).toContain(needle);
  });

  it("an override file replaces it", () => {
    expect(loadFaq(file("ok.json", { version: 1, faqs: [entry] })).faqs.map((f) => f.id)).toEqual(["giay-to"]);
  });

  it.each([
    ["not JSON", "{ faqs: [", /BOT_FAQ_FILE .*not JSON/],
    ["an empty answer", { version: 1, faqs: [{ ...entry, answer: " " }] }, /faqs\.0\.answer/],
    ["a bad id", { version: 1, faqs: [{ ...entry, id: "Giấy tờ" }] }, /faqs\.0\.id/],
    ["no keywords", { version: 1, faqs: [{ ...entry, keywords: [] }] }, /faqs\.0\.keywords/],
    ["a keyword of punctuation only", { version: 1, faqs: [{ ...entry, keywords: ["?!"] }] }, /faqs\.0\.keywords\.0/],
    ["a duplicate id", { version: 1, faqs: [entry, entry] }, /faqs\.1\.id: duplicate id "giay-to"/],
    ["an unknown button", { version: 1, faqs: [{ ...entry, buttons: ["call-police"] }] }, /faqs\.0\.buttons\.0/],
    ["the wrong version", { version: 2, faqs: [entry] }, /version/],
  ])("a file with %s is refused, naming the problem", (_name, content, message) => {
    const p = file(`bad-${Math.random()}.json`, content);
    expect(() => loadFaq(p)).toThrow(FaqFileError);
    expect(() => loadFaq(p)).toThrow(message);
  });

  it("a missing file is refused, naming it", () => {
    expect(() => loadFaq(path.join(dir, "nope.json"))).toThrow(/BOT_FAQ_FILE .*nope\.json cannot be read/);
  });

  it("a broken BOT_FAQ_FILE stops the bot from being built at start-up", () => {
    const env = loadConfig({ NODE_ENV: "test", BOT_FAQ_FILE: file("broken.json", { version: 1, faqs: [{ ...entry, title: "" }] }) });
    expect(() => createConfiguredChatBot({ env, db: {} as Database })).toThrow(/BOT_FAQ_FILE .*broken\.json is invalid: faqs\.0\.title/);
  });
});
