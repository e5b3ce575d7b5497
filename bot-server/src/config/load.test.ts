import { describe, expect, it } from "vitest";
import { loadConfig, ConfigError, REQUIRED_IN_PRODUCTION, ENV_DOCS, envSchema } from ".";

describe("loadConfig", () => {
  it("when nothing is set, then development defaults apply (port 3000, SQLite under ./data)", () => {
    const env = loadConfig({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.PORT).toBe(3000);
    expect(env.SQLITE_PATH).toBe("./data/khaibao.sqlite");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("when a variable is malformed, then start-up fails naming it", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ZALO_OA_ID: "abc" })).toThrow(/ZALO_OA_ID/);
  });

  it("when production has no secrets, then every missing variable is named in one message", () => {
    try {
      loadConfig({ NODE_ENV: "production" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      for (const name of REQUIRED_IN_PRODUCTION) expect((err as ConfigError).message).toContain(name);
    }
  });

  it("when production is given a development default, then it refuses it", () => {
    const full = Object.fromEntries(REQUIRED_IN_PRODUCTION.map((k) => [k, "x"]));
    const env = {
      ...full,
      NODE_ENV: "production",
      PUBLIC_BASE_URL: "https://khaibao.example.vn",
      DATABASE_URL: "postgres://db/khaibao",
      ZALO_OA_ID: "123",
      ZALO_MINI_APP_ID: "456",
      DECLARATION_BACKEND_URL: "https://backend.example.vn",
      VACCINATION_REGISTRY_URL: "https://registry.example.vn",
      VACCINATION_TRUST_URL: "https://trust.example.vn/dsc.pem",
    };
    expect(loadConfig(env).NODE_ENV).toBe("production");
    expect(() => loadConfig({ ...env, RECEIPT_SIGNING_KEY: "dev-only-key" })).toThrow(/RECEIPT_SIGNING_KEY: a development default/);
    expect(() => loadConfig({ ...env, PUBLIC_BASE_URL: "http://khaibao.example.vn" })).toThrow(/PUBLIC_BASE_URL/);
  });

  it("when an empty string is given, then it counts as unset", () => {
    expect(loadConfig({ PORT: "" }).PORT).toBe(3000);
  });

  it("every variable is documented", () => {
    expect(Object.keys(ENV_DOCS).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
