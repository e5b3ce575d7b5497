import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildErrorBody } from "@khaibao/shared";
import { ACCESS_TOKEN_HEADER, ApiError, createApiClient, type ApiClientOptions } from "./api-client";

interface Call {
  url: string;
  init: RequestInit;
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function client(respond: (call: Call) => Response | Promise<Response>, options: Partial<ApiClientOptions> = {}) {
  const calls: Call[] = [];
  const api = createApiClient({
    baseUrl: "http://localhost:3000",
    getLanguage: () => "vi",
    getAccessToken: () => Promise.resolve("dev:tester-1"),
    fetch: (input, init) => {
      const call = { url: String(input), init: init ?? {} };
      calls.push(call);
      return Promise.resolve(respond(call));
    },
    ...options,
  });
  return { api, calls };
}

const pingSchema = z.object({ ok: z.literal(true) });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("api client", () => {
  it("when requesting, then it sends the language and the user's token, and returns the parsed body", async () => {
    const { api, calls } = client(() => jsonResponse(200, { ok: true, extra: "dropped" }));
    await expect(api.request("/api/ping", pingSchema)).resolves.toEqual({ ok: true });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(calls[0]?.url).toBe("http://localhost:3000/api/ping");
    expect(headers["Accept-Language"]).toBe("vi");
    expect(headers[ACCESS_TOKEN_HEADER]).toBe("dev:tester-1");
  });

  it("when the read is public or there is no token, then no token header is sent", async () => {
    const { api, calls } = client(() => jsonResponse(200, { ok: true }), { getAccessToken: () => Promise.resolve(null) });
    await api.request("/api/ping", pingSchema);
    await api.request("/api/ping", pingSchema, { auth: false });
    for (const call of calls) expect((call.init.headers as Record<string, string>)[ACCESS_TOKEN_HEADER]).toBeUndefined();
  });

  it("when the server answers with our error body, then the error carries its code and both texts", async () => {
    const { api } = client(() => jsonResponse(404, buildErrorBody("checkpoint.not_found", "vi", { requestId: "r-1" })));
    const error = await failure(api.request("/api/checkpoints/HN-X", pingSchema));
    expect(error.kind).toBe("http");
    expect(error.code).toBe("checkpoint.not_found");
    expect(error.status).toBe(404);
    expect(error.messageIn("vi")).toBe("Không tìm thấy chốt kiểm soát này");
    expect(error.messageIn("en")).toBe("Unknown checkpoint");
    expect(error.details.requestId).toBe("r-1");
  });

  it("when a proxy answers with HTML, then the error still has a usable code", async () => {
    const { api } = client(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    const error = await failure(api.request("/api/ping", pingSchema));
    expect(error.kind).toBe("http");
    expect(error.code).toBe("http.unavailable");
    expect(error.messageIn("vi")).toBeUndefined();
  });

  it("when a success body does not match the schema, then it is an invalid_response error", async () => {
    const { api } = client(() => jsonResponse(200, { ok: "yes" }));
    const error = await failure(api.request("/api/ping", pingSchema));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("ok");
  });

  it("when the network fails, then it is a network error", async () => {
    const { api } = client(() => Promise.reject(new TypeError("Failed to fetch")));
    const error = await failure(api.request("/api/ping", pingSchema));
    expect(error.kind).toBe("network");
    expect(error.code).toBe("network.unreachable");
  });

  it("when the server does not answer in time, then it gives up with network.timeout", async () => {
    const hang = (call: Call) =>
      new Promise<Response>((_resolve, reject) => {
        call.init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    const { api } = client(hang, { timeoutMs: 20 });
    const error = await failure(api.request("/api/ping", pingSchema));
    expect(error.code).toBe("network.timeout");
  });

  it("when the caller aborts, then the abort passes through untouched", async () => {
    const hang = (call: Call) =>
      new Promise<Response>((_resolve, reject) => {
        call.init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    const { api, calls } = client(hang);
    const controller = new AbortController();
    const pending = api.request("/api/ping", pingSchema, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toSatisfy((e: unknown) => e instanceof DOMException && e.name === "AbortError");
    expect(calls).toHaveLength(0);
  });

  it("when sending a body, then it is JSON with the right content type", async () => {
    const { api, calls } = client(() => jsonResponse(200, { ok: true }));
    await api.request("/api/ping", pingSchema, { method: "POST", body: { a: 1 } });
    expect(calls[0]?.init.body).toBe('{"a":1}');
    expect((calls[0]?.init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });
});
