import { afterAll, beforeAll, beforeEach, describe, expect, it, afterEach } from "vitest";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrate, openDatabase, type Database } from "../../storage";
import { openTestDatabases } from "../../storage/testing";
import { startZaloOaStandin, type ZaloOaStandin } from "../../standins/zalo-oa";
import { TEST_IDENTITY } from "../oa/testing";
import { createHttpZaloOAuth, ZaloOAuthError } from "./client";
import { createTokenManager, NoOaTokenError, type TokenManagerOptions } from "./token-manager";
import { TokenStore } from "./token-store";

const OA = TEST_IDENTITY.oaId;
const CHILD = fileURLToPath(new URL("./testing/refresh-child.ts", import.meta.url));

async function startStandin(): Promise<ZaloOaStandin> {
  return startZaloOaStandin({ appId: TEST_IDENTITY.appId, appSecret: TEST_IDENTITY.appSecret, oaId: OA, oaSecretKey: TEST_IDENTITY.oaSecretKey, initialRefreshToken: "unused" });
}

/** A refresh token the stand-in will accept once. */
function validRefreshToken(standin: ZaloOaStandin): string {
  const token = `rt-${randomBytes(8).toString("hex")}`;
  standin.state.refreshTokens.set(token, "valid");
  return token;
}

function manager(db: Database, standin: ZaloOaStandin, extra: Partial<TokenManagerOptions> = {}) {
  return createTokenManager({
    store: new TokenStore(db),
    oauth: createHttpZaloOAuth({ baseUrl: standin.url, appId: TEST_IDENTITY.appId, appSecret: TEST_IDENTITY.appSecret, timeoutMs: 2_000 }),
    oaId: OA,
    owner: `test:${randomBytes(4).toString("hex")}`,
    waitPollMs: 20,
    ...extra,
  });
}

describe.each(openTestDatabases({ migrate: true }))("OA token manager ($name)", ({ open }) => {
  let standin: ZaloOaStandin;
  let db: Database;
  let store: TokenStore;
  beforeAll(async () => {
    standin = await startStandin();
  });
  afterAll(() => standin.stop());
  beforeEach(async () => {
    standin.state.reset();
    db = await open();
    store = new TokenStore(db);
  });
  afterEach(() => db.close());

  it("when twenty callers need a token and the stored one is expired, then one refresh serves them all, stored before use", async () => {
    const seed = validRefreshToken(standin);
    expect(await store.seed(OA, seed, new Date())).toBe("created");
    standin.state.latency.token = 150;
    const tokens = manager(db, standin);
    const got = await Promise.all(Array.from({ length: 20 }, () => tokens.accessToken()));
    expect(new Set(got).size).toBe(1);
    expect(standin.state.refreshUses.map((u) => [u.refreshToken, u.ok])).toEqual([[seed, true]]);
    const row = await store.read(OA);
    expect(row?.accessToken).toBe(got[0]);
    expect(row?.refreshToken).not.toBe(seed);
    expect(row?.version).toBe(1);
    expect(row?.lockOwner).toBeNull();
    expect(row && row.accessExpiresAt - Date.now()).toBeGreaterThan(89_000_000);
  });

  it("when the token is fresh, then no refresh; with less than the margin left, then it is refreshed ahead of expiry", async () => {
    let t = Date.now();
    await store.seed(OA, validRefreshToken(standin), new Date(t));
    const tokens = manager(db, standin, { now: () => new Date(t), refreshBeforeMs: 12 * 3_600_000 });
    const first = await tokens.accessToken();
    t += 10 * 3_600_000; // 15 h left of 25: still fresh
    expect(await tokens.accessToken()).toBe(first);
    expect(standin.state.refreshUses).toHaveLength(1);
    t += 4 * 3_600_000; // 11 h left: refresh now, well before expiry
    const second = await tokens.accessToken();
    expect(second).not.toBe(first);
    expect(standin.state.refreshUses).toHaveLength(2);
  });

  it("when the API rejects a token another instance already replaced, then the stored one is used without refreshing", async () => {
    await store.seed(OA, validRefreshToken(standin), new Date());
    const a = manager(db, standin);
    const b = manager(db, standin);
    const old = await a.accessToken();
    const fresh = await b.refresh({ force: true });
    expect(fresh).not.toBe(old);
    expect(await a.refreshAfterRejection(old)).toBe(fresh);
    expect(standin.state.refreshUses).toHaveLength(2);
  });

  it("when Zalo refuses the refresh token, then a permanent error, Zalo is not asked again, and a newly configured token recovers", async () => {
    await store.seed(OA, "spent-or-unknown", new Date());
    const tokens = manager(db, standin);
    const e = await tokens.accessToken().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ZaloOAuthError);
    expect((e as ZaloOAuthError).permanent).toBe(true);
    await expect(tokens.accessToken()).rejects.toThrow(/re-authorise/);
    expect(standin.state.refreshUses).toHaveLength(1);
    expect((await store.read(OA))?.lastError).toMatch(/^refused: /);
    expect(await store.seed(OA, "spent-or-unknown", new Date())).toBe("unchanged");
    expect(await store.seed(OA, validRefreshToken(standin), new Date())).toBe("replaced");
    await expect(tokens.accessToken()).resolves.toMatch(/^dev-only-zalo-oa-access-/);
  });

  it("when no pair was ever stored, then a permanent NoOaTokenError", async () => {
    await expect(manager(db, standin).accessToken()).rejects.toBeInstanceOf(NoOaTokenError);
  });

  it("when the refresh lease is held by an instance that died, then it is taken over once it expires", async () => {
    let t = Date.now();
    await store.seed(OA, validRefreshToken(standin), new Date(t));
    expect(await store.tryLock(OA, "dead-instance", new Date(t + 1_000), new Date(t))).toBe(true);
    const tokens = manager(db, standin, { now: () => new Date(t), lockMs: 1_000, sleep: async () => void (t += 300) });
    await expect(tokens.accessToken()).resolves.toMatch(/^dev-only-zalo-oa-access-/);
    expect(standin.state.refreshUses).toHaveLength(1);
  });

  it("when the refresh times out, then the lease is freed for the next try", async () => {
    await store.seed(OA, validRefreshToken(standin), new Date());
    standin.state.latency.token = 3_000;
    const e = await manager(db, standin).accessToken().catch((err: unknown) => err);
    expect((e as ZaloOAuthError).kind).toBe("unavailable");
    const row = await store.read(OA);
    expect(row?.lockOwner).toBeNull();
    expect(row?.lastError).toMatch(/ECONNABORTED|timeout/i);
  });
});

async function runChildren(n: number, config: Record<string, unknown>): Promise<Array<{ token?: string; error?: string }>> {
  const startAt = Date.now() + 2_500; // both children loaded and waiting by then
  const runs = Array.from(
    { length: n },
    () =>
      new Promise<{ token?: string; error?: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", CHILD, JSON.stringify({ ...config, startAt })], { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.on("error", reject);
        child.on("exit", (code) => {
          try {
            resolve(JSON.parse(out) as { token?: string; error?: string });
          } catch {
            reject(new Error(`child exited ${code}: ${out} ${err.slice(-2000)}`));
          }
        });
      }),
  );
  return Promise.all(runs);
}

describe("two server processes forced to refresh at once", () => {
  let standin: ZaloOaStandin;
  beforeAll(async () => {
    standin = await startStandin();
  });
  afterAll(() => standin.stop());
  beforeEach(() => {
    standin.state.reset();
    // Zalo takes a moment: both processes are surely inside their refresh attempt together.
    standin.state.latency.token = 300;
  });
  const common = () => ({ oauthUrl: standin.url, appId: TEST_IDENTITY.appId, appSecret: TEST_IDENTITY.appSecret, oaId: OA });

  it("SQLite file shared by two processes: the refresh token is spent once, both get the new token", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "khaibao-refresh-"));
    try {
      const sqlitePath = path.join(dir, "shared.sqlite");
      const db = await openDatabase({ sqlitePath });
      await migrate(db);
      const seed = validRefreshToken(standin);
      await new TokenStore(db).seed(OA, seed, new Date());
      await db.close();
      const results = await runChildren(2, { ...common(), sqlitePath });
      expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
      expect(results[0]?.token).toBe(results[1]?.token);
      expect(standin.state.refreshUses.map((u) => [u.refreshToken, u.ok])).toEqual([[seed, true]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  const url = process.env.TEST_DATABASE_URL;
  describe.skipIf(!url)("PostgreSQL", () => {
    let schema: string;
    let db: Database;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    beforeEach(async () => {
      schema = `t_${randomBytes(6).toString("hex")}`;
      await admin(`CREATE SCHEMA ${schema}`);
      db = await openDatabase({ url, pgSchema: schema, poolMax: 2 });
      await migrate(db);
    });
    afterEach(async () => {
      await db.close();
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    });

    it("two Database handles in this process: one refresh", async () => {
      const seed = validRefreshToken(standin);
      await new TokenStore(db).seed(OA, seed, new Date());
      const other = await openDatabase({ url, pgSchema: schema, poolMax: 2 });
      try {
        const [a, b] = await Promise.all([manager(db, standin).accessToken(), manager(other, standin).accessToken()]);
        expect(a).toBe(b);
        expect(standin.state.refreshUses.map((u) => [u.refreshToken, u.ok])).toEqual([[seed, true]]);
      } finally {
        await other.close();
      }
    });

    it("two processes: the refresh token is spent once, both get the new token", async () => {
      const seed = validRefreshToken(standin);
      await new TokenStore(db).seed(OA, seed, new Date());
      const results = await runChildren(2, { ...common(), url, pgSchema: schema });
      expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
      expect(results[0]?.token).toBe(results[1]?.token);
      expect(standin.state.refreshUses.map((u) => [u.refreshToken, u.ok])).toEqual([[seed, true]]);
    }, 30_000);
  });
});
