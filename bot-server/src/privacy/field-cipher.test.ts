import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../config/errors";
import { FieldCipherError } from "./errors";
import { createFieldCipher } from "./field-cipher";

const K1 = randomBytes(32).toString("base64");
const K2 = randomBytes(32).toString("base64");
const ADDRESS = "Nguyễn Thị Ánh Tuyết, số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội";

const cipherWith = (keys: string) => createFieldCipher({ keys, allowDevKey: false });

function openError(fn: () => unknown): FieldCipherError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FieldCipherError);
    return err as FieldCipherError;
  }
  throw new Error("expected open to throw");
}

async function configProblem(keys: string | undefined, dev?: { devKeyFile: string }): Promise<string> {
  const err = await createFieldCipher({ keys, allowDevKey: dev !== undefined, ...dev }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return (err as ConfigError).problems.join("\n");
}

describe("FieldCipher: sealing", () => {
  it("when Vietnamese text is sealed, then it opens to the same text and the sealed bytes do not contain it", async () => {
    const cipher = await cipherWith(K1);
    const sealed = cipher.seal(ADDRESS);
    expect(cipher.open(sealed).toString("utf8")).toBe(ADDRESS);
    expect(sealed.includes(Buffer.from(ADDRESS, "utf8"))).toBe(false);
    expect(sealed.includes(Buffer.from("Hàng Bạc", "utf8"))).toBe(false);
    expect(sealed.length).toBe(1 + 1 + 2 + 12 + Buffer.byteLength(ADDRESS) + 16);
  });

  it("when JSON is sealed, then the same value comes back and no field is visible", async () => {
    const cipher = await cipherWith(K1);
    const value = { idNumber: "001090123456", phone: "+84912345678", name: "Đặng Văn Đức", visited: ["Chợ Đồng Xuân"], nested: { n: 1, ok: true, none: null } };
    const sealed = cipher.sealJson(value);
    expect(cipher.openJson(sealed)).toEqual(value);
    expect(sealed.toString("latin1")).not.toContain("001090123456");
    expect(sealed.toString("latin1")).not.toContain("0912345678");
  });

  it("when the same value is sealed twice, then the bytes differ (random IV) and both open", async () => {
    const cipher = await cipherWith(K1);
    const a = cipher.seal("001090123456");
    const b = cipher.seal("001090123456");
    expect(a.equals(b)).toBe(false);
    expect(cipher.open(a).equals(cipher.open(b))).toBe(true);
  });

  it("when bytes, an empty string or a Uint8Array view are sealed, then they round-trip", async () => {
    const cipher = await cipherWith(K1);
    expect(cipher.open(cipher.seal("")).length).toBe(0);
    const bytes = Uint8Array.of(0, 1, 2, 255);
    expect([...cipher.open(cipher.seal(bytes))]).toEqual([0, 1, 2, 255]);
    const sealed = cipher.seal("xin chào");
    const view = new Uint8Array(sealed.length + 8);
    view.set(sealed, 4);
    expect(cipher.open(view.subarray(4, 4 + sealed.length)).toString()).toBe("xin chào");
  });

  it("when a value has no JSON form, then sealJson refuses it", async () => {
    const cipher = await cipherWith(K1);
    expect(() => cipher.sealJson(undefined)).toThrow(TypeError);
  });
});

describe("FieldCipher: tampering", () => {
  it("when any single byte is changed, then open throws a FieldCipherError", async () => {
    const cipher = await cipherWith(`k1:${K1}`);
    const sealed = cipher.seal("001090123456");
    for (let i = 0; i < sealed.length; i++) {
      const copy = Buffer.from(sealed);
      copy[i]! ^= 0x01;
      const err = openError(() => cipher.open(copy));
      // version, length, key id: malformed or unknown key; IV, ciphertext, tag: tampered
      expect(i < 4 ? ["privacy.malformed", "privacy.unknown_key"] : ["privacy.tampered"], `byte ${i}`).toContain(err.code);
    }
  });

  it("when the sealed value is cut short, empty or not ours, then it is privacy.malformed", async () => {
    const cipher = await cipherWith(K1);
    const sealed = cipher.seal("abc");
    expect(openError(() => cipher.open(sealed.subarray(0, 20))).code).toBe("privacy.malformed");
    expect(openError(() => cipher.open(new Uint8Array(0))).code).toBe("privacy.malformed");
    expect(openError(() => cipher.open(Buffer.from("001090123456"))).code).toBe("privacy.malformed");
  });

  it("when sealed bytes are opened with the same id but a different key, then it is privacy.tampered", async () => {
    const sealed = (await cipherWith(`k1:${K1}`)).seal("abc");
    const other = await cipherWith(`k1:${K2}`);
    expect(openError(() => other.open(sealed))).toMatchObject({ code: "privacy.tampered", kid: "k1" });
  });

  it("when the error is shown, then it carries no plaintext", async () => {
    const cipher = await cipherWith(K1);
    const sealed = cipher.seal("001090123456");
    sealed[sealed.length - 1]! ^= 1;
    const err = openError(() => cipher.open(sealed));
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain("001090123456");
  });
});

describe("FieldCipher: rotation and blind indexes", () => {
  it("when k2 becomes current, then data sealed with k1 still opens and new data uses k2", async () => {
    const before = await cipherWith(K1);
    const old = before.seal(ADDRESS);
    expect(before.currentKeyId).toBe("k1");
    const after = await cipherWith(`k2:${K2},k1:${K1}`);
    expect(after.currentKeyId).toBe("k2");
    expect(after.open(old).toString()).toBe(ADDRESS);
    const fresh = after.seal(ADDRESS);
    expect(fresh.subarray(2, 4).toString()).toBe("k2");
    expect(openError(() => before.open(fresh))).toMatchObject({ code: "privacy.unknown_key", kid: "k2" });
  });

  it("when k1 is removed from the list, then its data no longer opens (unknown key)", async () => {
    const old = (await cipherWith(K1)).seal("abc");
    const withoutK1 = await cipherWith(`k2:${K2}`);
    expect(openError(() => withoutK1.open(old))).toMatchObject({ code: "privacy.unknown_key", kid: "k1" });
  });

  it("when a new key is put first, then blind indexes stay the same", async () => {
    const before = await cipherWith(K1);
    const after = await cipherWith(`k3:${randomBytes(32).toString("base64")},k2:${K2},k1:${K1}`);
    expect(after.blindIndex("id", "001090123456")).toBe(before.blindIndex("id", "001090123456"));
    expect(after.blindIndex("phone", "+84912345678")).toBe(before.blindIndex("phone", "+84912345678"));
  });

  it("when the kind or value differs, then the index differs; case and spacing do not matter", async () => {
    const cipher = await cipherWith(K1);
    const id = cipher.blindIndex("id", "C1234567");
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex("passport", "C1234567")).not.toBe(id);
    expect(cipher.blindIndex("id", "C1234568")).not.toBe(id);
    expect(cipher.blindIndex("id", " c1234567 ")).toBe(id);
    expect(cipher.blindIndex("name", "Nguyễn  Văn An")).toBe(cipher.blindIndex("name", "NGUYỄN VĂN AN"));
    expect(cipher.blindIndex("name", "Nguyen Van An")).not.toBe(cipher.blindIndex("name", "Nguyễn Văn An"));
  });

  it("when another deployment has another index key, then its indexes differ", async () => {
    expect((await cipherWith(K1)).blindIndex("id", "001090123456")).not.toBe((await cipherWith(K2)).blindIndex("id", "001090123456"));
  });

  it("when the kind is not a short lower-case name, then blindIndex refuses it", async () => {
    const cipher = await cipherWith(K1);
    expect(() => cipher.blindIndex("id\u0000x", "1")).toThrow(TypeError);
    expect(() => cipher.blindIndex("", "1")).toThrow(TypeError);
  });
});

describe("DATA_ENCRYPTION_KEY", () => {
  it.each([
    [randomBytes(16).toString("base64"), /DATA_ENCRYPTION_KEY: key "k1" \(entry 1\) must be 32 bytes \(AES-256\), got 16/],
    ["k1:not base64!", /DATA_ENCRYPTION_KEY: key "k1" \(entry 1\) is not base64/],
    [`k2:${K2},${K1}`, /DATA_ENCRYPTION_KEY: entry 2 has no key id/],
    [`k1:${K1},k1:${K2}`, /DATA_ENCRYPTION_KEY: key id "k1" is used twice/],
    [`bad id:${K1}`, /DATA_ENCRYPTION_KEY: entry 1: the key id must be/],
    [`dev-1:${K1}`, /DATA_ENCRYPTION_KEY: .*development keys/],
    [" , ", /DATA_ENCRYPTION_KEY: no key given/],
  ])("when it is %j, then the error says %s", async (keys, message) => {
    const problem = await configProblem(keys);
    expect(problem).toMatch(message);
    expect(problem).not.toContain(K1);
  });

  it("when it is base64url, then it is accepted", async () => {
    const cipher = await cipherWith(`k1:${Buffer.from(K1, "base64").toString("base64url")}`);
    expect((await cipherWith(K1)).blindIndex("id", "x")).toBe(cipher.blindIndex("id", "x"));
  });

  it("when it is unset in production, then it refuses to start", async () => {
    expect(await configProblem(undefined)).toMatch(/DATA_ENCRYPTION_KEY: required in production/);
  });
});

describe("the development data key", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "khaibao-data-key-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("when none is configured in development, then one is generated (0600) and reused after a restart", async () => {
    const devKeyFile = join(dir, "data", "dev-data-key.json");
    const first = await createFieldCipher({ keys: undefined, allowDevKey: true, devKeyFile });
    const sealed = first.seal(ADDRESS);
    expect(first.currentKeyId).toMatch(/^dev-[0-9a-f]{8}$/);
    expect((await stat(devKeyFile)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(devKeyFile, "utf8"))).toMatchObject({ kid: first.currentKeyId });
    const restarted = await createFieldCipher({ keys: undefined, allowDevKey: true, devKeyFile });
    expect(restarted.open(sealed).toString()).toBe(ADDRESS);
    expect(restarted.blindIndex("id", "1")).toBe(first.blindIndex("id", "1"));
  });

  it("when processes start together, then they share one key", async () => {
    const devKeyFile = join(dir, "dev-data-key.json");
    const ciphers = await Promise.all(Array.from({ length: 4 }, () => createFieldCipher({ keys: undefined, allowDevKey: true, devKeyFile })));
    expect(new Set(ciphers.map((c) => c.currentKeyId)).size).toBe(1);
  });

  it("when the file is corrupt, then the error names the variable and the file", async () => {
    const devKeyFile = join(dir, "dev-data-key.json");
    await writeFile(devKeyFile, "{}");
    expect(await configProblem(undefined, { devKeyFile })).toMatch(/DATA_ENCRYPTION_KEY: unset, and the development key file .*dev-data-key.json is not valid/);
  });
});
