import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyReceipt, type ReceiptClaims } from "@khaibao/shared";
import { createFieldCipher } from "../../privacy/field-cipher";
import { createReceiptSigner } from "../../receipts/signer";
import type { FieldCipher } from "../../privacy/types";
import type { ReceiptSigner } from "../../receipts/types";
import { ConsentRepository } from "../../privacy/consents/repository";
import { isUniqueViolation, migrate, openDatabase, type Database } from "../../storage";
import { declarationFingerprint } from "../request-hash";
import { ConsentWithdrawnConflict, DeclarationRepository } from "../repository";
import { declarationRecord, seedCheckpoints } from "../testing";
import { inlineSealer, startDeclarationThread, startSealerThread, type DeclarationSealer, type SealInput, type SealerThreadOptions, type UnsealedDeclaration } from ".";

const claims = (code: string): ReceiptClaims => ({
  code,
  checkpointId: "HN-PHAPVAN",
  direction: "into",
  issuedAt: 1_790_000_000,
  expiresAt: 1_790_259_200,
  holderName: "NGUYEN V** A*",
  holderId: "***456",
});
const input = (i: number): SealInput => ({
  json: JSON.stringify({ identity: { fullName: `Nguyễn Văn An ${i}` }, n: i }),
  clientSubmittedAt: i % 2 ? "2026-11-28T08:00:00.000Z" : null,
  idNumber: `0010900${String(i).padStart(5, "0")}`,
  claims: claims(String(1_000_000_000 + i)),
});

describe("declaration sealing", () => {
  let dir: string;
  let options: SealerThreadOptions;
  let cipher: FieldCipher;
  let signer: ReceiptSigner;
  let thread: DeclarationSealer;

  beforeAll(async () => {
    // Development key files, as `npm start` makes them: the thread must load the same keys.
    dir = mkdtempSync(path.join(tmpdir(), "khaibao-sealer-"));
    options = {
      cipher: { keys: undefined, allowDevKey: true, devKeyFile: path.join(dir, "dev-data-key.json") },
      signer: { keys: undefined, allowDevKey: true, devKeyFile: path.join(dir, "dev-receipt-key.pem"), issuer: "test" },
    };
    cipher = await createFieldCipher(options.cipher);
    signer = await createReceiptSigner(options.signer);
    thread = startSealerThread(options);
  });
  afterAll(async () => {
    await thread.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("seals, fingerprints and signs on its own thread exactly as on the caller's, with the server's keys", async () => {
    const inline = inlineSealer(cipher, signer);
    for (const i of [1, 2]) {
      const [there, here] = await Promise.all([thread.seal(input(i)), inline.seal(input(i))]);
      expect(there.requestHash).toBe(here.requestHash);
      expect(there.requestHash).toBe(declarationFingerprint(cipher, input(i).json));
      expect(there.idNumberIndex).toBe(cipher.blindIndex("id", input(i).idNumber));
      expect(there.sealedKeyId).toBe(cipher.currentKeyId);
      // Deterministic Ed25519: the same claims give the same receipt.
      expect(there.receiptQr).toBe(here.receiptQr);
      expect(await verifyReceipt(there.receiptQr, signer.keySet(), new Date(1_790_100_000_000))).toMatchObject({ ok: true, claims: input(i).claims });
      // A fresh IV each time, but both open to the same document with the main thread's key.
      expect(Buffer.isBuffer(there.sealed)).toBe(true);
      expect(cipher.openJson(there.sealed)).toEqual(cipher.openJson(here.sealed));
      expect(cipher.openJson(there.sealed)).toEqual({ declaration: JSON.parse(input(i).json), clientSubmittedAt: input(i).clientSubmittedAt });
    }
  });

  it.runIf(process.platform === "linux")("runs below the event loop's priority (its own nice value, the process's unchanged)", async () => {
    await thread.seal(input(1));
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value.
    const niceOf = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]?.split(" ")[16]);
    const nices = readdirSync("/proc/self/task").map(niceOf);
    expect(nices).toContain(10);
    expect(niceOf(String(process.pid))).toBe(0);
  });

  it("answers each of many concurrent calls with its own result", async () => {
    const outs = await Promise.all(Array.from({ length: 200 }, (_, i) => thread.seal(input(i))));
    outs.forEach((out, i) => {
      expect(out.idNumberIndex).toBe(cipher.blindIndex("id", input(i).idNumber));
      expect(cipher.openJson<{ declaration: { n: number } }>(out.sealed).declaration.n).toBe(i);
    });
  });

  it("fails only the call whose claims cannot be signed", async () => {
    const bad = { ...input(7), claims: { ...claims("1000000007"), holderName: "Nguyễn Văn An" } };
    const results = await Promise.allSettled([thread.seal(input(6)), thread.seal(bad), thread.seal(input(8))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("when the thread cannot load its keys, then waiting calls fail instead of hanging, and a later call tries a new thread", async () => {
    const broken = startSealerThread({ ...options, cipher: { keys: "not a key", allowDevKey: false } });
    await expect(broken.seal(input(1))).rejects.toThrow();
    await expect(broken.seal(input(2))).rejects.toThrow();
    await broken.close();
  });

  it("after close, refuses new work", async () => {
    const closing = startSealerThread(options);
    expect((await closing.seal(input(3))).sealedKeyId).toBe(cipher.currentKeyId);
    await closing.close();
    await expect(closing.seal(input(4))).rejects.toThrow(/closed/);
  });

  describe("with the SQLite file (startDeclarationThread)", () => {
    let db: Database;
    let file: string;
    beforeAll(async () => {
      file = path.join(dir, "khaibao.sqlite");
      db = await openDatabase({ sqlitePath: file });
      await migrate(db);
      await seedCheckpoints(db);
    });
    afterAll(() => db.close());

    const NOW = new Date("2026-11-28T09:00:00.000Z");
    const unsealedFor = (overrides: Partial<UnsealedDeclaration> = {}): UnsealedDeclaration => {
      const { requestHash: _h, idNumberIndex: _i, sealed: _s, sealedKeyId: _k, receiptQr: _q, ...unsealed } = declarationRecord(cipher, NOW, overrides);
      return unsealed;
    };
    const claimsOf = (u: UnsealedDeclaration): ReceiptClaims => ({ ...claims(u.receiptCode), holderName: u.holderNameMasked, holderId: u.holderIdMasked });

    it("stores what it sealed, with its outbox row, on its own connection, before answering", async () => {
      const writer = startDeclarationThread({ ...options, sqlitePath: file });
      try {
        const unsealed = unsealedFor({ zaloUserId: "3001", consent: { version: "2026-11-01", givenAt: NOW.toISOString() } });
        const record = await writer.write(unsealed, { ...input(1), claims: claimsOf(unsealed) }, NOW);
        // The caller gets the receipt's fields back, not the sealed document or the hashes.
        expect(Object.keys(record).sort()).toEqual([...Object.keys(unsealed), "receiptQr"].sort());
        const stored = await new DeclarationRepository(db).findById(record.id);
        expect(stored).toMatchObject({
          id: unsealed.id,
          receiptCode: unsealed.receiptCode,
          requestHash: declarationFingerprint(cipher, input(1).json),
          idNumberIndex: cipher.blindIndex("id", input(1).idNumber),
          receiptQr: record.receiptQr,
          sealedKeyId: cipher.currentKeyId,
        });
        expect(cipher.openJson(stored?.sealed as Buffer)).toEqual({ declaration: JSON.parse(input(1).json), clientSubmittedAt: input(1).clientSubmittedAt });
        expect(await verifyReceipt(record.receiptQr, signer.keySet(), new Date(1_790_100_000_000))).toMatchObject({ ok: true, claims: claimsOf(unsealed) });
        expect(await db.get("SELECT state FROM declaration_outbox WHERE declaration_id = $1", [record.id])).toEqual({ state: "pending" });
        expect(await db.get("SELECT COUNT(*) AS n FROM privacy_consents WHERE zalo_user_id = '3001'")).toEqual({ n: 1 });
      } finally {
        await writer.close();
      }
    });

    it("refuses a taken key as a unique conflict and a withdrawn consent as such, each alone in its batch", async () => {
      const writer = startDeclarationThread({ ...options, sqlitePath: file });
      try {
        const first = unsealedFor({ zaloUserId: "3002" });
        await writer.write(first, { ...input(2), claims: claimsOf(first) }, NOW);
        await new ConsentRepository(db).give("3003", "declaration", "2026-11-01", "app", new Date("2026-11-28T08:00:00.000Z"));
        await new ConsentRepository(db).withdraw("3003", "declaration", new Date("2026-11-28T08:59:30.000Z"));

        const retry = { ...unsealedFor({ zaloUserId: "3002" }), idempotencyKey: first.idempotencyKey };
        const withdrawn = unsealedFor({ zaloUserId: "3003", consent: { version: "2026-11-01", givenAt: "2026-11-28T08:59:00.000Z" } });
        const fine = unsealedFor({ zaloUserId: "3004" });
        const results = await Promise.allSettled([retry, withdrawn, fine].map((u, i) => writer.write(u, { ...input(10 + i), claims: claimsOf(u) }, NOW)));
        expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "fulfilled"]);
        expect(isUniqueViolation((results[0] as PromiseRejectedResult).reason)).toBe(true);
        expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConsentWithdrawnConflict);
        expect(await db.get("SELECT COUNT(*) AS n FROM declarations WHERE zalo_user_id IN ('3002', '3003', '3004')")).toEqual({ n: 2 });
      } finally {
        await writer.close();
      }
    });
  });
});
