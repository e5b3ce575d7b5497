import { describe, expect, it } from "vitest";
import { checkpointIdFromText, normalizeCheckpointId } from "./checkpoint-id";

describe("checkpoint ids from people", () => {
  it("when typed loosely, then it is normalised", () => {
    expect(normalizeCheckpointId(" hn-phapvan ")).toBe("HN-PHAPVAN");
    expect(normalizeCheckpointId("xx")).toBeNull();
    expect(normalizeCheckpointId(null)).toBeNull();
  });

  it("when the poster's link is pasted or scanned, then the id comes from its checkpoint parameter", () => {
    expect(checkpointIdFromText("https://zalo.me/s/1234/?checkpoint=HN-BALA&utm_source=zalo-qr")).toBe("HN-BALA");
    expect(checkpointIdFromText("https://zalo.me/s/1234/")).toBeNull();
    expect(checkpointIdFromText("HN-NHON")).toBe("HN-NHON");
  });
});
