import { describe, expect, it } from "vitest";
import { canonicalizeTone, foldForSearch, normalizeForSearch, removeDiacritics, sameName, stripAdminPrefix } from "./normalize";

describe("canonicalizeTone", () => {
  it("when a name uses the new tone placement, then it is rewritten to the traditional one", () => {
    expect(canonicalizeTone("Hoà Bình")).toBe("Hòa Bình");
    expect(canonicalizeTone("Thanh Hoá")).toBe("Thanh Hóa");
    expect(canonicalizeTone("Thuỷ Nguyên")).toBe("Thủy Nguyên");
    expect(canonicalizeTone("khoẻ")).toBe("khỏe");
    expect(canonicalizeTone("HOÀ")).toBe("HÒA");
  });

  it("when the u belongs to qu, then the tone stays on the y", () => {
    expect(canonicalizeTone("Qúy")).toBe("Quý");
    expect(canonicalizeTone("Phú Quý")).toBe("Phú Quý");
  });

  it("when a syllable has a final consonant or is already canonical, then it is left alone", () => {
    for (const s of ["Hoàn Kiếm", "Hòa Bình", "Quỳnh Lưu", "Thủy", "Nguyễn Trãi", "Phường 12"]) expect(canonicalizeTone(s)).toBe(s);
  });

  it("when the input is decomposed (NFD), then the output is NFC", () => {
    const nfd = "Hoà Bình".normalize("NFD");
    expect(canonicalizeTone(nfd)).toBe("Hòa Bình".normalize("NFC"));
  });
});

describe("sameName", () => {
  it("when two spellings differ only in tone placement, case, NFC/NFD or spacing, then they are the same name", () => {
    expect(sameName("Xã Hoà Bình", "Xã Hòa Bình")).toBe(true);
    expect(sameName("xã  hòa bình".normalize("NFD"), "Xã Hoà Bình")).toBe(true);
  });

  it("when the diacritics really differ, then they are different names", () => {
    expect(sameName("Hòa Bình", "Hoa Binh")).toBe(false);
    expect(sameName("Bắc Kạn", "Bắc Cạn")).toBe(false);
  });
});

describe("normalizeForSearch", () => {
  it("when given names with diacritics and đ, then it folds them to plain lower case", () => {
    expect(removeDiacritics("Đắk Lắk")).toBe("Dak Lak");
    expect(normalizeForSearch("  Đắk   Lắk ")).toBe("dak lak");
    expect(normalizeForSearch("Hoà Bình")).toBe(normalizeForSearch("Hòa Bình"));
    expect(normalizeForSearch("Hòa Bình".normalize("NFD"))).toBe("hoa binh");
  });

  it("when a name starts with an administrative prefix, then one prefix is removed", () => {
    expect(normalizeForSearch("Thành phố Hồ Chí Minh")).toBe("ho chi minh");
    expect(normalizeForSearch("TP. Hồ Chí Minh")).toBe("ho chi minh");
    expect(normalizeForSearch("Tp.HCM")).toBe("hcm");
    expect(normalizeForSearch("Tỉnh Bà Rịa - Vũng Tàu")).toBe("ba ria vung tau");
    expect(normalizeForSearch("Đặc khu Côn Đảo")).toBe("con dao");
    expect(normalizeForSearch("Xã Hoà Bình")).toBe("hoa binh");
    expect(normalizeForSearch("Phường 05")).toBe("5");
    expect(normalizeForSearch("P.5")).toBe("5");
    expect(normalizeForSearch("Q. 1")).toBe("1");
  });

  it("when the prefix is also the start of the name or all there is, then only one is removed and never everything", () => {
    expect(normalizeForSearch("Xã Xà Phiên")).toBe("xa phien");
    expect(normalizeForSearch("Phường Quán Toan")).toBe("quan toan");
    expect(normalizeForSearch("p")).toBe("p");
    expect(normalizeForSearch("Phường")).toBe("phuong");
    expect(stripAdminPrefix(foldForSearch("Thị trấn Văn Điển"))).toBe("van dien");
  });
});
