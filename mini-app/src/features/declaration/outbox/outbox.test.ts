import { describe, expect, it, vi } from "vitest";
import { buildErrorBody, type SubmitDeclarationRequest, type SubmitDeclarationResponse } from "@khaibao/shared";
import { ApiError } from "../../../lib/api-client";
import { filledForm, MemoryStorage, submitted } from "../testing";
import { STORAGE_KEYS } from "../storage/keys";
import { createStoredValue } from "../storage/stored-value";
import { createOutbox, outboxListSchema, type OutboxDeps, type OutboxItem } from "./outbox";
import { classifyFailure, retryDelay, RETRY_POLICY } from "./policy";

const networkDown = () => new ApiError("network", "network.unreachable", "POST /api/declarations: Failed to fetch");
const http = (status: number, code: string, fields: { path: string; code: string }[] = []) => {
  const body = buildErrorBody(code, "vi", fields.length > 0 ? { fields } : {});
  return new ApiError("http", code, body.error.message, { status, messages: body.error.messages, ...(body.error.fields ? { fields: body.error.fields } : {}) });
};

/** An outbox over memory storage, a hand-driven clock and timers, and a `send` the test answers. */
function harness(storage = new MemoryStorage()) {
  let now = 1_000_000;
  let online = true;
  const timers: { at: number; fn: () => void }[] = [];
  const network = new Set<(online: boolean) => void>();
  const resume = new Set<() => void>();
  const sent: SubmitDeclarationRequest[] = [];
  const answers: (() => Promise<SubmitDeclarationResponse>)[] = [];
  const delivered: string[] = [];
  const returned: string[] = [];
  const deps: OutboxDeps = {
    store: createStoredValue(storage, STORAGE_KEYS.outbox, outboxListSchema, []),
    send: (request) => {
      sent.push(request);
      const answer = answers.shift();
      return answer ? answer() : Promise.reject(networkDown());
    },
    isOnline: () => online,
    onNetworkChange: (l) => (network.add(l), () => network.delete(l)),
    onResume: (l) => (resume.add(l), () => resume.delete(l)),
    now: () => now,
    random: () => 0.5,
    setTimer(fn, ms) {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    onDelivered: (item) => delivered.push(item.idempotencyKey),
    onReturned: (item, outcome) => returned.push(`${item.idempotencyKey}:${outcome.kind}`),
  };
  const outbox = createOutbox(deps);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    outbox,
    storage,
    sent,
    delivered,
    returned,
    timers,
    answer: (fn: () => Promise<SubmitDeclarationResponse>) => answers.push(fn),
    async advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
      await settle();
    },
    async setOnline(next: boolean) {
      online = next;
      for (const l of network) l(next);
      await settle();
    },
    async resumeApp() {
      for (const l of resume) l();
      await settle();
    },
    stored: () => outboxListSchema.parse(JSON.parse(storage.get(STORAGE_KEYS.outbox) ?? "[]")) as OutboxItem[],
    settle,
  };
}

function item(key = "7f1c2a4e-1111-4aaa-8bbb-000000000001") {
  return {
    idempotencyKey: key,
    request: { idempotencyKey: key, declaration: { any: "thing" } },
    form: filledForm(),
    personId: "p-1",
    createdAt: "2026-11-28T01:00:00.000Z",
  };
}

describe("retry policy", () => {
  it("waits longer after each failure, up to a minute, with a little jitter", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => retryDelay(n, middle))).toEqual([3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000, 60_000]);
    for (const r of [0, 0.999]) {
      const d = retryDelay(2, () => r);
      expect(d).toBeGreaterThanOrEqual(6_000 * (1 - RETRY_POLICY.jitter) - 1);
      expect(d).toBeLessThanOrEqual(6_000 * (1 + RETRY_POLICY.jitter) + 1);
    }
  });

  it("retries what may pass later and hands back what will not", () => {
    expect(classifyFailure(networkDown())).toBe("retry");
    expect(classifyFailure(new ApiError("network", "network.timeout", "timeout"))).toBe("retry");
    expect(classifyFailure(http(503, "zalo.unavailable"))).toBe("retry");
    expect(classifyFailure(http(502, "http.unavailable"))).toBe("retry");
    expect(classifyFailure(http(429, "http.rate_limited"))).toBe("retry");
    expect(classifyFailure(http(401, "zalo.token_invalid"))).toBe("retry");
    expect(classifyFailure(http(400, "http.validation_failed", [{ path: "identity.idNumber", code: "cccd.length" }]))).toBe("invalid");
    expect(classifyFailure(http(404, "declaration.checkpoint_unknown"))).toBe("rejected");
    expect(classifyFailure(http(409, "declaration.idempotency_conflict"))).toBe("rejected");
  });
});

describe("outbox", () => {
  it("when a declaration is committed, then it is on the phone before anything is sent", async () => {
    const h = harness();
    let resolve: (r: SubmitDeclarationResponse) => void = () => undefined;
    h.answer(() => new Promise((r) => (resolve = r)));
    h.outbox.enqueue(item());
    expect(h.stored().map((i) => i.idempotencyKey)).toEqual([item().idempotencyKey]);
    await h.settle();
    expect(h.outbox.getState().sending).toBe(item().idempotencyKey);
    resolve(submitted());
    await h.settle();
    expect(h.stored()).toEqual([]);
    expect(h.delivered).toEqual([item().idempotencyKey]);
    expect(h.outbox.getState().outcomes.get(item().idempotencyKey)?.kind).toBe("delivered");
  });

  it("when the network fails, then it stays, tries again on a growing timer with the same key, and gets through", async () => {
    const h = harness();
    h.outbox.enqueue(item());
    await h.settle();
    expect(h.stored()[0]).toMatchObject({ attempts: 1, lastError: "network.unreachable" });
    await h.advance(2_999);
    expect(h.sent).toHaveLength(1);
    await h.advance(1);
    expect(h.sent).toHaveLength(2);
    expect(h.stored()[0]?.attempts).toBe(2);
    h.answer(() => Promise.resolve(submitted()));
    await h.advance(6_000);
    expect(h.sent).toHaveLength(3);
    expect(new Set(h.sent.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(h.stored()).toEqual([]);
    expect(h.delivered).toHaveLength(1);
  });

  it("when the phone is offline, then nothing is tried until the network comes back, and then at once", async () => {
    const h = harness();
    await h.setOnline(false);
    h.outbox.start();
    h.outbox.enqueue(item());
    await h.settle();
    expect(h.sent).toHaveLength(0);
    expect(h.stored()).toHaveLength(1);
    h.answer(() => Promise.resolve(submitted()));
    await h.setOnline(true);
    expect(h.sent).toHaveLength(1);
    expect(h.delivered).toHaveLength(1);
  });

  it("when the app comes back to the foreground, then it tries at once instead of waiting for the timer", async () => {
    const h = harness();
    h.outbox.start();
    h.outbox.enqueue(item());
    await h.settle();
    expect(h.sent).toHaveLength(1);
    h.answer(() => Promise.resolve(submitted()));
    await h.resumeApp();
    expect(h.sent).toHaveLength(2);
    expect(h.delivered).toHaveLength(1);
  });

  it("when the app opens with declarations left from last time, then it sends them", async () => {
    const storage = new MemoryStorage();
    const first = harness(storage);
    await first.setOnline(false);
    first.outbox.enqueue(item());
    await first.settle();

    const reopened = harness(storage);
    reopened.answer(() => Promise.resolve(submitted()));
    reopened.outbox.start();
    await reopened.settle();
    expect(reopened.sent.map((r) => r.idempotencyKey)).toEqual([item().idempotencyKey]);
    expect(reopened.stored()).toEqual([]);
  });

  it("when the server finds mistakes in fields, then the declaration leaves the queue and its form goes back with the fields named", async () => {
    const h = harness();
    h.answer(() => Promise.reject(http(400, "http.validation_failed", [{ path: "identity.idNumber", code: "cccd.length" }])));
    h.outbox.enqueue(item());
    await h.settle();
    expect(h.stored()).toEqual([]);
    expect(h.returned).toEqual([`${item().idempotencyKey}:invalid`]);
    const outcome = h.outbox.getState().outcomes.get(item().idempotencyKey);
    expect(outcome?.kind === "invalid" && outcome.fields.map((f) => f.path)).toEqual(["identity.idNumber"]);
    expect(outcome?.kind === "invalid" && outcome.form.identity.fullName).toBe("Nguyễn Văn An");
  });

  it("when the server is down (5xx), then the declaration keeps waiting and says what the server said", async () => {
    const h = harness();
    h.answer(() => Promise.reject(http(503, "zalo.unavailable")));
    h.outbox.enqueue(item());
    await h.settle();
    expect(h.stored()[0]).toMatchObject({ attempts: 1, lastError: "zalo.unavailable" });
    expect(h.stored()[0]?.lastMessage?.vi).toBe("Không kết nối được với Zalo, vui lòng thử lại");
  });

  it("a waiting declaration can be taken back to edit, unless it is being sent right now", async () => {
    const h = harness();
    h.outbox.enqueue(item());
    await h.settle();
    expect(h.outbox.withdraw(item().idempotencyKey)?.form.identity.fullName).toBe("Nguyễn Văn An");
    expect(h.stored()).toEqual([]);
    h.answer(() => new Promise(() => undefined));
    h.outbox.enqueue(item("7f1c2a4e-1111-4aaa-8bbb-000000000002"));
    await h.settle();
    expect(h.outbox.withdraw("7f1c2a4e-1111-4aaa-8bbb-000000000002")).toBeNull();
  });

  it("while offline, no timer spins: the safety timer waits the longest delay", async () => {
    const h = harness();
    await h.setOnline(false);
    h.outbox.enqueue(item());
    await h.settle();
    expect(h.timers.map((t) => t.at)).toEqual([1_000_000 + RETRY_POLICY.maxDelayMs]);
    const spy = vi.fn();
    h.outbox.subscribe(spy);
    await h.advance(RETRY_POLICY.maxDelayMs);
    expect(h.sent).toHaveLength(0);
  });
});
