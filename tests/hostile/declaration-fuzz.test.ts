import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { errorBodySchema, submitDeclarationResponseSchema } from "@khaibao/shared";
import { startTestServer, type TestServer } from "../support/server";
import { declarationBody } from "./support";

/**
 * Property-based fuzzing of POST /api/declarations over real HTTP (keep-alive, in-process
 * server): arbitrary JSON and bytes, and random edits of a valid declaration. Whatever comes in,
 * the answer is a 2xx or a 4xx with our error body, never a 5xx, a crash or a hang.
 * FUZZ_RUNS scales the runs (default 4,000 + 6,000 = 10,000 cases).
 */
const SCALE = Number(process.env.FUZZ_RUNS ?? 1_000) / 1_000;
const RAW_RUNS = Math.round(4_000 * SCALE);
const MUTATION_RUNS = Math.round(6_000 * SCALE);

let t: TestServer;
let user = 0;
const statuses = new Map<number, number>();
beforeAll(async () => {
  t = await startTestServer({ RETENTION_INTERVAL_MINUTES: "0", LOG_LEVEL: "warn" });
});
afterAll(() => t.stop());

/** One case: a fresh user each time, so no budget or idempotency key is shared between cases. */
async function post(body: string | Uint8Array, contentType = "application/json"): Promise<{ status: number; text: string }> {
  user++;
  const res = await fetch(`${t.baseUrl}/api/declarations`, {
    method: "POST",
    headers: { "content-type": contentType, "x-zalo-access-token": `dev:fuzz-${user}`, "accept-language": user % 2 ? "vi" : "en" },
    body: typeof body === "string" ? body : new Uint8Array(body),
    // A hang is a failure with a name, not a test timeout.
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  return { status: res.status, text };
}

/** 2xx with a receipt, or 4xx with our error body: anything else fails the property. */
function wellAnswered({ status, text }: { status: number; text: string }): boolean {
  if (status === 201) return submitDeclarationResponseSchema.safeParse(JSON.parse(text)).success;
  return status >= 400 && status < 500 && errorBodySchema.safeParse(JSON.parse(text)).success;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a valid request body, for the edits below. */
function pathsOf(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => pathsOf((value as Record<string, Json>)[k] as Json, [...prefix, k]))];
}
const PATHS = pathsOf(declarationBody() as unknown as Json).filter((p) => p.length > 0);

const hostileString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\u202e", "\ud800", "'; DROP TABLE declarations; --", "<script>alert(1)</script>", "__proto__", "9".repeat(400), "2026-02-30", "2026-11-28T25:61:00Z", "NaN", "-0", "1e999"),
  fc.nat(3_000).map((n) => "Đ".repeat(n)),
);
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, [], {}),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

type Edit = { kind: "delete"; path: string[] } | { kind: "set"; path: string[]; value: Json } | { kind: "rename"; path: string[]; to: string };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant("set" as const), path: fc.constantFrom(...PATHS), value: hostileValue }),
  fc.record({ kind: fc.constant("rename" as const), path: fc.constantFrom(...PATHS), to: fc.string({ maxLength: 12 }) }),
);

function applyEdit(body: Json, e: Edit): void {
  let target = body;
  for (const key of e.path.slice(0, -1)) {
    if (target === null || typeof target !== "object") return;
    target = (target as Record<string, Json>)[key] as Json;
  }
  const last = e.path.at(-1);
  if (target === null || typeof target !== "object" || last === undefined) return;
  const record = target as Record<string, Json>;
  if (e.kind === "delete") delete record[last];
  else if (e.kind === "set") record[last] = e.value;
  else if (!["__proto__", "constructor", "prototype"].includes(e.to)) {
    record[e.to] = record[last] as Json;
    delete record[last];
  }
}

/** A valid request with a few edits, then sometimes damaged as text: cut short or a byte changed. */
const mutatedRequest = fc
  .record({
    edits: fc.array(edit, { maxLength: 4 }),
    damage: fc.option(fc.oneof(fc.record({ cut: fc.nat() }), fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) })), { freq: 4 }),
  })
  .map(({ edits, damage }) => {
    const body = declarationBody() as unknown as Json;
    for (const e of edits) applyEdit(body, e);
    const bytes = Buffer.from(JSON.stringify(body));
    if (damage && "cut" in damage) return bytes.subarray(0, damage.cut % (bytes.length + 1));
    if (damage && "at" in damage) bytes[damage.at % bytes.length] = damage.byte;
    return bytes;
  });

describe("declaration API fuzzing", () => {
  it(`never answers 5xx to ${RAW_RUNS} arbitrary bodies: JSON values, bytes, and content types`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
          fc.uint8Array({ maxLength: 800 }),
          fc.string({ unit: "binary", maxLength: 800 }),
          fc.record({ idempotencyKey: fc.oneof(fc.uuid(), fc.string()), declaration: fc.jsonValue({ maxDepth: 4 }) }).map((v) => JSON.stringify(v)),
        ),
        fc.constantFrom("application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "application/merge-patch+json"),
        async (body, contentType) => wellAnswered(await post(body, contentType)),
      ),
      { numRuns: RAW_RUNS },
    );
  }, 120_000);

  it(`never answers 5xx to ${MUTATION_RUNS} edited valid declarations, and accepts the ones still valid`, async () => {
    const before = new Map(statuses);
    await fc.assert(fc.asyncProperty(mutatedRequest, async (body) => wellAnswered(await post(body))), { numRuns: MUTATION_RUNS });
    const accepted = (statuses.get(201) ?? 0) - (before.get(201) ?? 0);
    const refused = (statuses.get(400) ?? 0) - (before.get(400) ?? 0);
    // The edits reach both sides of validation: a fuzzer that only ever hits 400 proves little.
    expect(accepted).toBeGreaterThan(MUTATION_RUNS / 20);
    expect(refused).toBeGreaterThan(MUTATION_RUNS / 4);
  }, 150_000);

  it("after the fuzzing, nothing was polluted, nothing unhandled was logged, and a normal declaration is accepted", async () => {
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(t.logs.filter((line) => line.includes("unhandled error"))).toEqual([]);
    expect((await post(JSON.stringify(declarationBody()))).status).toBe(201);
  });
});
