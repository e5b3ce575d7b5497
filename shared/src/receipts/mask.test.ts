import { describe, expect, it } from "vitest";
import { maskIdNumber } from "../identifiers";
import { RECEIPT_LIMITS } from "./claims";
import { maskHolderName } from "./mask";

describe("maskHolderName", () => {
  it.each([
    ["Nguyễn Văn An", "NGUYEN V** A*"],
    ["Đặng Thị Đào", "DANG T** D*"],
    ["đỗ  hùng", "DO H*"],
    ["Trần An", "TRAN A*"],
    ["Lê", "L*"],
    ["Công Tôn Nữ Thị Hồng Nhung", "CONG T** N** T** H** N*"],
    ["Ngô Bảo Châu", "NGO B** C*"],
    ["Ư", "U*"],
    ["O'Brien Seán", "OBRIEN S*"],
    ["Hernández-Santiago María José", "HERNANDEZ-SANTIA M** J*"],
    ["Søren Kierkegaard", "SOREN K*"],
    ["王小明", "?"],
    ["Lý 小明 Long", "LY L*"],
  ])("when the name is %j, then the mask is %j", (name, masked) => {
    expect(maskHolderName(name)).toBe(masked);
  });

  it("when the name is very long, then the mask still fits the receipt", () => {
    const name = `${"Wolfeschlegelsteinhausen ".repeat(12)}Bergerdorff`;
    const masked = maskHolderName(name);
    expect(masked).toBe("WOLFESCHLEGELSTE W** W** W** W** W** B*");
    expect(masked.length).toBeLessThanOrEqual(RECEIPT_LIMITS.holderName);
  });

  it("the ID mask from identifiers keeps 3 characters and fits the receipt", () => {
    expect(maskIdNumber("001090123456")).toBe("***456");
    expect(maskIdNumber("C1234567").length).toBeLessThanOrEqual(RECEIPT_LIMITS.holderId);
  });
});
