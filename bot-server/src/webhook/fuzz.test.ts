import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import fc from "fast-check";
import { parseWith, ZALO_EVENT_NAMES, zaloEventSchema } from "@khaibao/shared";
import { openTestDatabases } from "../storage/testing";
import type { Database } from "../storage";
import { event, signed, startZaloHarness, type ZaloHarness } from "../zalo/oa/testing";
import { parseWebhookJson } from "./json";

// Three properties of 3,400 runs: over 10,000 deliveries in all (issue #8 asks for tens of thousands across the fuzzers).
const RUNS = Number(process.env.FUZZ_RUNS ?? 3_400);
const ALLOWED = new Set([200, 400, 401, 413]);

/** A real-shaped event with a few random changes: keys removed, values replaced, ids unquoted. */
const mutatedEvent = fc
  .record({
    name: fc.constantFrom(...ZALO_EVENT_NAMES),
    edits: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("delete" as const), path: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }) }),
        fc.record({ kind: fc.constant("set" as const), path: fc.array(fc.constantFrom("message", "sender", "recipient", "id", "text", "msg_id", "attachments", "timestamp", "app_id", "event_name", "info", "follower", "tag", "0", "payload"), { minLength: 1, maxLength: 3 }), value: fc.jsonValue({ maxDepth: 3 }) }),
      ),
      { maxLength: 4 },
    ),
    unquoteIds: fc.boolean(),
    text: fc.string({ unit: "grapheme", maxLength: 300 }),
    whitespace: fc.constantFrom("", " ", "\n  "),
  })
  .map(({ name, edits, unquoteIds, text, whitespace }) => {
    const body = event(name, { text: text || "x", timestamp: String(Date.now()) }) as Record<string, unknown>;
    for (const edit of edits) {
      let target: unknown = body;
      const path = edit.path;
      for (const key of path.slice(0, -1)) target = typeof target === "object" && target !== null ? (target as Record<string, unknown>)[key] : undefined;
      const last = path.at(-1);
      if (typeof target !== "object" || target === null || last === undefined) continue;
      if (edit.kind === "delete") delete (target as Record<string, unknown>)[last];
      else (target as Record<string, unknown>)[last] = edit.value;
    }
    let raw = JSON.stringify(body, null, whitespace || undefined);
    if (unquoteIds) raw = raw.replace(/"(\d{16,20})"/g, "$1");
    return raw;
  });

describe.each(openTestDatabases({ migrate: true }).slice(0, process.env.FUZZ_POSTGRES ? 2 : 1))("webhook fuzzing ($name)", ({ open }) => {
  let db: Database;
  let h: ZaloHarness;
  let server: Server;
  let url: string;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    db = await open();
    h = await startZaloHarness({ db });
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(0, "127.0.0.1", () => resolve(s));
    });
    // The last check posts after a drain that outlasts Node's 5 s keep-alive on a loaded CI machine;
    // fetch would then reuse the socket just as the server closes it (ECONNRESET, nothing to do
    // with the webhook). Idle sockets stay open for the whole file instead.
    server.keepAliveTimeout = 600_000;
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo`;
  });
  afterAll(async () => {
    await h.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
  });

  async function post(body: string | Uint8Array, headers: Record<string, string>): Promise<number> {
    const res = await fetch(url, { method: "POST", headers, body });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    return res.status;
  }

  it(`never answers 5xx to ${RUNS} random bodies and headers`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 2_000 }), fc.string({ maxLength: 2_000 }).map((s) => new TextEncoder().encode(s))),
        fc.option(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }).map((h) => `mac=${h}`)), { nil: undefined }),
        fc.constantFrom("application/json", "text/plain", "application/octet-stream", "application/x-www-form-urlencoded"),
        async (body, signature, contentType) => {
          const headers: Record<string, string> = { "content-type": contentType };
          if (signature !== undefined && /^[\t\x20-\x7e]*$/.test(signature)) headers["x-zevent-signature"] = signature;
          return ALLOWED.has(await post(body, headers));
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`never answers 5xx to ${RUNS} correctly signed random JSON documents`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.option(fc.constantFrom(...ZALO_EVENT_NAMES, "user_send_group_text", "", "__proto__")), async (value, name) => {
        const doc = typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value, timestamp: String(Date.now()), ...(name !== null ? { event_name: name } : {}) } : value;
        const delivery = signed(JSON.stringify(doc));
        return ALLOWED.has(await post(delivery.raw, { "content-type": "application/json", "x-zevent-signature": delivery.signature }));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`never answers 5xx to ${RUNS} mutated real events, and whatever it stored can be processed`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedEvent, fc.option(fc.nat(20)), async (raw, retry) => {
        const delivery = signed(raw);
        const headers: Record<string, string> = { "content-type": "application/json", "x-zevent-signature": delivery.signature };
        if (retry !== null) headers.num_retry = String(retry);
        return ALLOWED.has(await post(delivery.raw, headers));
      }),
      { numRuns: RUNS },
    );
    const rows = await db.all<{ user_id: string; raw_body: string }>("SELECT user_id, raw_body FROM zalo_inbox");
    expect(rows.length).toBeGreaterThan(RUNS / 10);
    for (const row of rows) {
      expect(row.user_id).toMatch(/^([0-9A-Za-z_-]{1,64})?$/);
      expect(parseWith(zaloEventSchema, parseWebhookJson(row.raw_body)).ok).toBe(true);
    }
    await h.drain();
    const states = await db.all<{ state: string; n: number }>("SELECT state, COUNT(*) AS n FROM zalo_inbox GROUP BY state");
    expect(states.map((s) => s.state)).toEqual(["done"]);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    // Still serving.
    const after = signed(event("user_send_text", { msgId: "after-fuzz", timestamp: String(Date.now()) }));
    expect(await post(after.raw, { "content-type": "application/json", "x-zevent-signature": after.signature })).toBe(200);
  }, 180_000);
});
