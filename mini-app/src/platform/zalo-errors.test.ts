import { describe, expect, it } from "vitest";
import { toPlatformError } from "./zalo-errors";
import { PlatformError } from "./types";

describe("toPlatformError", () => {
  it("when the SDK rejects with a plain object, then its numeric code becomes ours", () => {
    const error = toPlatformError({ code: -1404, message: "not supported", api: "scanQRCode" }, "scanQRCode");
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.code).toBe("not_supported");
    expect(error.sdkCode).toBe(-1404);
    expect(error.message).toContain("scanQRCode failed (-1404): not supported");
  });

  it("when the user refuses or cancels, then it says so", () => {
    expect(toPlatformError({ code: -2002 }, "getPhoneNumber").code).toBe("denied");
    expect(toPlatformError({ code: -201 }, "authorize").code).toBe("denied");
    expect(toPlatformError({ code: -2003 }, "scanQRCode").code).toBe("cancelled");
    expect(toPlatformError({ code: -1408 }, "getUserInfo").code).toBe("timeout");
  });

  it("when the code is unknown or missing, then it is a generic failure", () => {
    expect(toPlatformError({ code: -2000 }, "x").code).toBe("failed");
    expect(toPlatformError(new Error("boom"), "x").message).toBe("x failed: boom");
    expect(toPlatformError("weird", "x").code).toBe("failed");
  });
});
