import { describe, expect, it } from "vitest";
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword } from "./passwords";
import { TEST_SCRYPT } from "./testing";

describe("staff password hashing", () => {
  it("when a password is hashed with the defaults, then the hash names scrypt, its parameters and a salt, and verifies", async () => {
    const hash = await hashPassword("mật khẩu dài dài");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword("mật khẩu dài dài", hash)).toBe(true);
    expect(await verifyPassword("mật khẩu dài dàI", hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it("when the same password is hashed twice, then the salts (and hashes) differ", async () => {
    const a = await hashPassword("same password!", TEST_SCRYPT);
    const b = await hashPassword("same password!", TEST_SCRYPT);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password!", b)).toBe(true);
  });

  it("when a hash was made with lower parameters, then it still verifies and asks to be upgraded", async () => {
    const weak = await hashPassword("old password 1", TEST_SCRYPT);
    expect(await verifyPassword("old password 1", weak)).toBe(true);
    expect(needsRehash(weak, DEFAULT_SCRYPT)).toBe(true);
  });

  it("when the same text comes composed or decomposed (Vietnamese on different keyboards), then it verifies", async () => {
    const composed = "Trường Sa 2026".normalize("NFC");
    const hash = await hashPassword(composed, TEST_SCRYPT);
    expect(await verifyPassword(composed.normalize("NFD"), hash)).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["bcrypt$10$abc", "another scheme"],
    ["scrypt$1000$8$1$c2FsdHNhbHQ$AAAA", "N not a power of two"],
    [`scrypt$${2 ** 24}$8$1$c2FsdHNhbHRzYWx0$${"A".repeat(43)}`, "N absurdly large"],
    ["scrypt$1024$8$1$c2FsdHNhbHRzYWx0$AAAA", "key too short"],
  ])("when the stored hash is %j (%s), then nothing verifies against it", async (stored) => {
    expect(await verifyPassword("anything at all", stored)).toBe(false);
  });
});
