import { afterAll, beforeAll, describe, expect, it } from "vitest";
import express from "express";
import { listenStandin, type RunningStandin } from "../standins/listen";
import { createHmac } from "node:crypto";
import { devAccessToken, startZaloGraphStandin } from "../standins/zalo-graph";
import { ZaloGraphError } from "./errors";
import { createHttpZaloGraph } from "./graph-client";

const SECRET = "test-app-secret";

async function failure(p: Promise<unknown>): Promise<ZaloGraphError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZaloGraphError);
  return error as ZaloGraphError;
}

describe("Graph API client against the local stand-in (real HTTP)", () => {
  let standin: RunningStandin;
  beforeAll(async () => {
    standin = await startZaloGraphStandin({ appSecret: SECRET });
  });
  afterAll(() => standin.stop());

  it("when the token is a dev token, then the user's id and name come back", async () => {
    const graph = createHttpZaloGraph({ baseUrl: standin.url, appSecret: SECRET });
    await expect(graph.me(devAccessToken("2468458835296197922", "Nguyễn Văn An"))).resolves.toEqual({ id: "2468458835296197922", name: "Nguyễn Văn An" });
    await expect(graph.me("dev:")).resolves.toMatchObject({ id: "1000000000000000001" });
  });

  it("when the token is forged, then 401 zalo.token_invalid", async () => {
    const graph = createHttpZaloGraph({ baseUrl: standin.url, appSecret: SECRET });
    const e = await failure(graph.me("eyJhbGciOiJub25lIn0.forged"));
    expect([e.kind, e.code, e.status, e.zaloCode]).toEqual(["token_invalid", "zalo.token_invalid", 401, -201]);
  });

  it("when our app secret is wrong, then Zalo refuses the proof: 503 and the operator is told", async () => {
    const told: number[] = [];
    const graph = createHttpZaloGraph({ baseUrl: standin.url, appSecret: "not-the-secret", onMisconfigured: (c) => told.push(c) });
    const e = await failure(graph.me("dev:42"));
    expect([e.code, e.status]).toEqual(["zalo.unavailable", 503]);
    expect(told).toEqual([-242]);
  });

  it("when a phone token is exchanged, then the number comes back as E.164", async () => {
    const graph = createHttpZaloGraph({ baseUrl: standin.url, appSecret: SECRET });
    await expect(graph.phoneNumber("dev:42", "devphone:0912345678")).resolves.toBe("+84912345678");
    await expect(graph.phoneNumber("dev:42", "dev-phone:tester-1")).resolves.toMatch(/^\+8491\d{7}$/);
  });

  it("when the phone token is refused, then 400 zalo.phone_token_invalid", async () => {
    const graph = createHttpZaloGraph({ baseUrl: standin.url, appSecret: SECRET });
    const e = await failure(graph.phoneNumber("dev:42", "used-or-expired"));
    expect([e.code, e.status]).toEqual(["zalo.phone_token_invalid", 400]);
  });
});

describe("Graph API client against a misbehaving Zalo", () => {
  let fake: RunningStandin;
  let answer: (res: express.Response) => void = (res) => res.json({});
  const seen: Array<Record<string, string | undefined>> = [];
  beforeAll(async () => {
    const app = express();
    app.get(/.*/, (req, res) => {
      seen.push({ path: req.path, access_token: req.get("access_token"), appsecret_proof: req.get("appsecret_proof"), code: req.get("code"), secret_key: req.get("secret_key") });
      answer(res);
    });
    fake = await listenStandin(app);
  });
  afterAll(() => fake.stop());
  const graph = () => createHttpZaloGraph({ baseUrl: fake.url, appSecret: SECRET, timeoutMs: 300 });

  it("sends access_token and appsecret_proof = hex HMAC-SHA256(app secret, token)", async () => {
    answer = (res) => res.type("json").send('{"id":2468458835296197922,"name":"A","error":0}');
    seen.length = 0;
    // An unquoted 64-bit id must not be rounded on the way.
    await expect(graph().me("tok")).resolves.toEqual({ id: "2468458835296197922", name: "A" });
    expect(seen[0]).toMatchObject({ path: "/v2.0/me", access_token: "tok", appsecret_proof: createHmac("sha256", SECRET).update("tok").digest("hex") });
  });

  it("sends access_token, code and secret_key for the phone number", async () => {
    answer = (res) => res.json({ data: { number: "84987654321" }, error: 0, message: "Success" });
    seen.length = 0;
    await expect(graph().phoneNumber("tok", "code-1")).resolves.toBe("+84987654321");
    expect(seen[0]).toMatchObject({ path: "/v2.0/me/info", access_token: "tok", code: "code-1", secret_key: SECRET });
  });

  it("when Zalo answers HTTP 200 with an error, then the error decides (never a user)", async () => {
    answer = (res) => res.json({ error: 452, message: "Session key invalid" });
    expect((await failure(graph().me("tok"))).code).toBe("zalo.token_invalid");
    answer = (res) => res.json({ error: -32, message: "rate limit" });
    expect((await failure(graph().me("tok"))).code).toBe("zalo.unavailable");
  });

  it("when Zalo answers 5xx, garbage, or too late, then 503 zalo.unavailable", async () => {
    answer = (res) => res.status(502).send("Bad gateway");
    expect((await failure(graph().me("tok"))).status).toBe(503);
    answer = (res) => res.type("html").send("<html>maintenance</html>");
    expect((await failure(graph().me("tok"))).status).toBe(503);
    answer = (res) => setTimeout(() => res.json({ id: "1", error: 0 }), 1000);
    const e = await failure(graph().me("tok"));
    expect(e.status).toBe(503);
    expect(e.headers).toEqual({ "Retry-After": "5" });
  });

  it("when a success carries no usable id, then it is not trusted", async () => {
    answer = (res) => res.json({ name: "No id", error: 0 });
    expect((await failure(graph().me("tok"))).code).toBe("zalo.unavailable");
  });

  it("when Zalo is not reachable at all, then 503 zalo.unavailable", async () => {
    const closed = await listenStandin(express());
    await closed.stop();
    const e = await failure(createHttpZaloGraph({ baseUrl: closed.url, appSecret: SECRET }).me("tok"));
    expect(e.code).toBe("zalo.unavailable");
  });
});
