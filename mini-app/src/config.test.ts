import { describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "./config";

describe("resolveConfig", () => {
  it("when VITE_API_BASE is unset in the browser preview, then the API is on the page's origin", () => {
    expect(resolveConfig({}, "browser", "http://localhost:3000").apiBaseUrl).toBe("http://localhost:3000");
    expect(resolveConfig({ VITE_API_BASE: "" }, "browser", "http://localhost:3000").apiBaseUrl).toBe("http://localhost:3000");
  });

  it("when VITE_API_BASE is set, then it is used without a trailing slash", () => {
    expect(resolveConfig({ VITE_API_BASE: "https://api.example.vn/" }, "zalo", "https://h5.zdn.vn").apiBaseUrl).toBe("https://api.example.vn");
  });

  it("when running in Zalo without an https VITE_API_BASE, then start-up fails loudly", () => {
    expect(() => resolveConfig({}, "zalo", "https://h5.zdn.vn")).toThrow(ConfigError);
    expect(() => resolveConfig({ VITE_API_BASE: "http://api.example.vn" }, "zalo", "https://h5.zdn.vn")).toThrow(/https/);
  });

  it("when VITE_API_BASE is not a URL, then the error names the variable", () => {
    expect(() => resolveConfig({ VITE_API_BASE: "api.example.vn" }, "browser", "http://localhost")).toThrow(/VITE_API_BASE/);
  });
});
