import { describe, expect, it } from "vitest";
import { detectPlatformKind, languageFromTag, parseLaunchParams, readEnvironment } from "./detect";

const plain = { hostname: "localhost", hasZaloBridge: false, appId: null };

describe("detectPlatformKind", () => {
  it("when served by Zalo's host, then it is zalo", () => {
    expect(detectPlatformKind({ ...plain, hostname: "h5.zdn.vn" })).toBe("zalo");
    expect(detectPlatformKind({ ...plain, hostname: "mini.zalo.me" })).toBe("zalo");
  });

  it("when Zalo's bridge or APP_ID is present on another host, then it is zalo", () => {
    expect(detectPlatformKind({ ...plain, hasZaloBridge: true })).toBe("zalo");
    expect(detectPlatformKind({ ...plain, appId: "1234567890" })).toBe("zalo");
  });

  it("when on our preview (localhost, an IP, our own domain), then it is browser", () => {
    expect(detectPlatformKind(plain)).toBe("browser");
    expect(detectPlatformKind({ ...plain, hostname: "127.0.0.1" })).toBe("browser");
    expect(detectPlatformKind({ ...plain, hostname: "khaibao.example.vn" })).toBe("browser");
    // Look-alike domains are not Zalo.
    expect(detectPlatformKind({ ...plain, hostname: "notzdn.vn" })).toBe("browser");
    expect(detectPlatformKind({ ...plain, hostname: "zdn.vn.evil.example" })).toBe("browser");
  });

  it("when reading a window, then it picks up the bridge and APP_ID globals", () => {
    const win = { location: { hostname: "localhost" }, ZJSBridge: {}, APP_ID: 42 } as unknown as Window;
    expect(readEnvironment(win)).toEqual({ hostname: "localhost", hasZaloBridge: true, appId: "42" });
    expect(readEnvironment({ location: { hostname: "x" } } as unknown as Window)).toEqual({ hostname: "x", hasZaloBridge: false, appId: null });
  });
});

describe("parseLaunchParams", () => {
  it("when the QR link carries a checkpoint, then it is the launch checkpoint", () => {
    const params = parseLaunchParams("?checkpoint=HN-PHAPVAN&utm_source=zalo-qr");
    expect(params.checkpoint).toBe("HN-PHAPVAN");
    expect(params.all["utm_source"]).toBe("zalo-qr");
  });

  it("when the checkpoint is blank or missing, then there is none", () => {
    expect(parseLaunchParams("?checkpoint=%20%20").checkpoint).toBeUndefined();
    expect(parseLaunchParams("").checkpoint).toBeUndefined();
  });

  it("when given the SDK's parsed params, then they are read the same way", () => {
    expect(parseLaunchParams({ checkpoint: " HN-BALA " }).checkpoint).toBe("HN-BALA");
  });

  it("when the chat-bot's link asks for the wallet, then the launch view is the wallet; an unknown view is ignored", () => {
    expect(parseLaunchParams("?view=wallet").view).toBe("wallet");
    expect(parseLaunchParams({ view: "wallet", checkpoint: "HN-BALA" })).toMatchObject({ view: "wallet", checkpoint: "HN-BALA" });
    expect(parseLaunchParams("?view=admin").view).toBeUndefined();
    expect(parseLaunchParams("").view).toBeUndefined();
  });
});

describe("languageFromTag", () => {
  it("when the device is in English, then English; otherwise Vietnamese", () => {
    expect(languageFromTag("en-US")).toBe("en");
    expect(languageFromTag("vi-VN")).toBe("vi");
    expect(languageFromTag("fr")).toBe("vi");
    expect(languageFromTag(undefined)).toBe("vi");
  });
});
