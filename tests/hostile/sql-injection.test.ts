import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitDeclarationResponseSchema } from "@khaibao/shared";
import { ReceivedStore, startDeclarationBackendStandin, type DeclarationBackendStandin } from "../../bot-server/src/standins/declaration-backend";
import { startTestServer, type TestServer } from "../support/server";
import { declarationBody, freshDeclaration } from "./support";

/**
 * SQL written into every text field a citizen can fill: stored, forwarded and answered as the
 * text it is. Every query goes through placeholders; this proves it end to end, on the bytes the
 * declaration backend receives and on the tables left behind.
 */
const SQL = [
  "'; DROP TABLE declarations; --",
  "Robert'); DELETE FROM declaration_outbox; --",
  "1' UNION SELECT sealed, zalo_user_id FROM declarations --",
  '" OR ""="',
  "%' OR '%'='",
  "$1 $2 ?; SELECT pg_sleep(10) --",
  "\\'; UPDATE declarations SET status = 'accepted' --",
] as const;

let dir: string;
let backend: DeclarationBackendStandin;
let t: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "khaibao-sql-"));
  backend = await startDeclarationBackendStandin({ dbFile: path.join(dir, "backend.sqlite"), token: "dev-only-sql-injection-token" });
  t = await startTestServer({ DECLARATION_BACKEND_URL: backend.url, DECLARATION_BACKEND_TOKEN: backend.token, OUTBOX_POLL_MS: "100", RETENTION_INTERVAL_MINUTES: "0" });
});
afterAll(async () => {
  await t.stop();
  await backend.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function tables(): Promise<Record<string, number>> {
  const names = await t.server.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const counts: Record<string, number> = {};
  for (const { name } of names) if (!/^(zalo_|support_|staff_sessions)/.test(name)) counts[name] = Number((await t.server.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${name}`))?.n);
  return counts;
}

describe("SQL in every text field", { timeout: 30_000 }, () => {
  it("when each free-text field carries SQL, then the declaration is accepted, the backend receives the text verbatim, and only the new rows appear", async () => {
    const before = await tables();
    const sent: { text: string; code: string }[] = [];
    for (const [i, text] of SQL.entries()) {
      const d = freshDeclaration();
      const body = declarationBody({
        identity: { ...d.identity, fullName: "Nguyễn' OR 'A'-'A" },
        residence: { ...d.residence, street: text },
        trip: { ...d.trip, employer: text, purpose: "other", purposeNote: text, seat: text.slice(0, 10) },
        health: { ...d.health, placesVisited: text },
        vaccination: { doses: 3, certificateId: text },
      });
      const res = await fetch(`${t.baseUrl}/api/declarations`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zalo-access-token": `dev:sql-${i}` },
        body: JSON.stringify(body),
      });
      expect([text, res.status]).toEqual([text, 201]);
      const { receipt } = submitDeclarationResponseSchema.parse(await res.json());
      // The name, quotes included, is masked like any name.
      expect(receipt.holderName).toBe("NGUYEN O** A*");
      sent.push({ text, code: receipt.code });
    }
    // Forwarded: the backend holds exactly the text that was typed, in every field.
    const store = await ReceivedStore.open(path.join(dir, "backend.sqlite"));
    try {
      const received = async () => new Map((await store.list(100, 0)).map((r) => [r.receiptCode, r.idempotencyKey]));
      await expect.poll(async () => { const m = await received(); return sent.filter(({ code }) => m.has(code)).length; }, { timeout: 10_000 }).toBe(sent.length);
      const keys = await received();
      for (const { text, code } of sent) {
        const envelope = (await store.get(keys.get(code) ?? ""))?.body as { declaration: { identity: { fullName: string }; residence: { street: string }; trip: { employer: string; purposeNote: string; seat: string }; health: { placesVisited: string }; vaccination: { certificateId: string } } };
        const got = envelope.declaration;
        expect([got.residence.street, got.trip.employer, got.trip.purposeNote, got.health.placesVisited, got.vaccination.certificateId]).toEqual([text, text, text, text, text]);
        expect(got.trip.seat).toBe(text.slice(0, 10).trim());
        expect(got.identity.fullName).toBe("Nguyễn' OR 'A'-'A");
      }
    } finally {
      await store.close();
    }
    // Each receipt looks up as itself, and the tables hold what they held plus the new rows.
    for (const { code } of sent) {
      const lookup = await fetch(`${t.baseUrl}/api/receipts/${code}`);
      expect((await lookup.json()).receipt.code).toBe(code);
    }
    const after = await tables();
    expect(after).toEqual({
      ...before,
      declarations: (before.declarations ?? 0) + SQL.length,
      declaration_outbox: (before.declaration_outbox ?? 0) + SQL.length,
      privacy_consents: (before.privacy_consents ?? 0) + SQL.length,
    });
  });

  it("when the receipt code or the vaccination lookup carries SQL, then it is refused or not found, and a real lookup still works", async () => {
    for (const text of SQL) {
      const res = await fetch(`${t.baseUrl}/api/receipts/${encodeURIComponent(text)}`);
      expect([text, res.status]).toEqual([text, 400]);
    }
    const lookup = (body: Record<string, string>) =>
      fetch(`${t.baseUrl}/api/vaccination/lookup`, { method: "POST", headers: { "content-type": "application/json", "x-zalo-access-token": "dev:sql-lookup" }, body: JSON.stringify(body) });
    const an = { idNumber: "001090012345", fullName: "Nguyễn Văn An", dateOfBirth: "1990-05-12" };
    // Quotes fit a name: it is a name that matches nobody.
    expect((await lookup({ ...an, fullName: "Nguyễn Văn An' OR 'A'-'A" })).status).toBe(404);
    for (const text of SQL.slice(0, 3)) {
      expect((await lookup({ ...an, idNumber: `${an.idNumber}${text}` })).status).toBe(400);
      expect((await lookup({ ...an, dateOfBirth: text })).status).toBe(400);
    }
    const real = await lookup(an);
    expect(real.status).toBe(200);
    expect((await real.json()).hc1).toMatch(/^HC1:/);
  });
});
