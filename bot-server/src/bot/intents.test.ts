import { describe, expect, it } from "vitest";
import { loadFaq } from "./faq";
import { createIntentMatcher } from "./intents";
import { editDistance, phraseScore, words } from "./match";

const matcher = createIntentMatcher(loadFaq());
const kind = (text: string) => {
  const intent = matcher.match(text);
  return intent.kind === "faq" ? `faq:${intent.id}` : intent.kind;
};

describe("matching words", () => {
  it("folds accents, case and punctuation", () => {
    expect(words("  GẶP Nhân-viên!! ")).toEqual(["gap", "nhan", "vien"]);
    expect(words("Đăng ký")).toEqual(["dang", "ky"]);
  });

  it("counts a swap of neighbours as one edit (Damerau-Levenshtein)", () => {
    expect(editDistance("khia", "khai")).toBe(1);
    expect(editDistance("nhanvien", "nhan")).toBeGreaterThan(1);
    expect(editDistance("vien", "vein")).toBe(1);
  });

  it("never matches a phrase on typos alone, nor a short word one edit away", () => {
    expect(phraseScore(words("khia bao"), words("khai bao"))).toBeGreaterThan(0);
    expect(phraseScore(words("khia bai"), words("khai bao"))).toBe(0);
    expect(phraseScore(words("chac chan"), words("chao"))).toBe(0);
  });
});

describe("intents", () => {
  it.each([
    ["Khai báo", "declare"],
    ["khai bao", "declare"],
    ["khia bao", "declare"],
    ["KHAI BÁO DI CHUYỂN", "declare"],
    ["cho toi hoi cach khai bao voi", "declare"],
    ["Chứng nhận tiêm", "vaccine"],
    ["chung nhan tiem", "vaccine"],
    ["chung nhan teim chung", "vaccine"],
    ["gặp nhân viên", "handoff"],
    ["gap nhan vien", "handoff"],
    ["gap nhan vein", "handoff"],
    ["noi chuyen voi nguoi", "handoff"],
    ["Tôi muốn nói chuyện với người thật", "handoff"],
    ["tu van vien", "handoff"],
    ["tư vấn viên ơi", "handoff"],
    ["menu", "menu"],
    ["hi", "menu"],
    ["Xin chào", "menu"],
    ["chào", "menu"],
    ["câu hỏi thường gặp", "faq_list"],
    ["sao ko dùng được bluezone", "faq:bluezone"],
    ["NCOVI co dung duoc khong", "faq:bluezone"],
    ["blueone", "faq:bluezone"],
    ["qua chốt cần mang giấy tờ gì", "faq:documents"],
    ["xet nghiem pcr bao lau", "faq:documents"],
    ["trang khai báo không mở được", "faq:page-not-opening"],
    ["khai bao khong vao duoc", "faq:page-not-opening"],
  ])("%s -> %s", (text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it("gives button payloads their meaning exactly, and outdated ones the menu", () => {
    expect(matcher.match("#faq:list")).toEqual({ kind: "faq_list" });
    expect(matcher.match("#faq:bluezone")).toEqual({ kind: "faq", id: "bluezone" });
    expect(matcher.match("#faq:removed-long-ago")).toEqual({ kind: "faq_list" });
    expect(matcher.match("#handoff")).toEqual({ kind: "handoff" });
    expect(matcher.match("#menu:vaccine")).toEqual({ kind: "vaccine" });
    expect(matcher.match("#menu")).toEqual({ kind: "menu" });
    expect(matcher.match("#something-else")).toEqual({ kind: "menu" });
  });

  it.each(["asdfgh", "thời tiết hôm nay thế nào", "???", "123", "ok"])("%s is not understood", (text) => {
    expect(kind(text)).toBe("unknown");
  });
});
