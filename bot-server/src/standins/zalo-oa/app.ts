import { randomBytes } from "node:crypto";
import express, { type Express, type Request, type Response } from "express";
import { isKnownZaloEventName, sampleZaloEvent } from "@khaibao/shared";
import { zaloSignatureHeader } from "../../webhook/signature";
import { OA_PATHS } from "../../zalo/oa/client";
import { OAUTH_TOKEN_PATH } from "../../zalo/oauth/client";
import { parseJsonKeepingBigIntegers } from "../../zalo/safe-json";
import { DEV_REFRESH_TOKEN_PREFIX } from "./dev";
import type { StandinFault, ZaloOaStandinState } from "./state";

/** The stand-in's answers; the codes are the ones our client acts on (some messages unverified). */
export const STANDIN_OA_ERRORS = {
  tokenInvalid: { error: -216, message: "Access token is invalid" },
  tokenExpired: { error: -220, message: "Access token has expired" },
  rateLimited: { error: -32, message: "The application has exceeded the request rate limit" },
  paramInvalid: { error: -201, message: "Parameter is invalid" },
  notInteracted: { error: -230, message: "User has not interacted with the OA in the last 7 days" },
  notFollowing: { error: -213, message: "User has not followed the OA" },
} as const;

/** OAuth errors carry `error_name` / `error_reason` (the numeric codes are unverified). */
export const STANDIN_OAUTH_ERRORS = {
  secretInvalid: { error: -14002, error_name: "Invalid secret key", error_reason: "secret_key is invalid", error_description: "" },
  appInvalid: { error: -14001, error_name: "Invalid app", error_reason: "app_id is invalid", error_description: "" },
  refreshInvalid: { error: -14014, error_name: "Invalid refresh token", error_reason: "refresh_token is invalid, expired or already used", error_description: "" },
  grantInvalid: { error: -14003, error_name: "Invalid parameter", error_reason: "grant_type is not supported", error_description: "" },
} as const;

export interface ZaloOaStandinIdentity {
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  /** Refresh tokens never seen but shaped like the stand-in's own are accepted once (dev restarts). */
  acceptDevRefreshTokens: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A local Zalo OA API and OAuth server on one port, speaking Zalo's paths, headers and JSON:
 * `POST /v4/oa/access_token` (form, `secret_key` header, single-use refresh tokens),
 * `POST /v3.0/oa/message/cs`, `POST /v2.0/oa/upload/image`; failures as HTTP 200 with
 * `error != 0`. When it knows our webhook URL it sends signed `oa_send_*` echoes of what it
 * accepted, as Zalo does. Test controls under `/__*`.
 */
export function createZaloOaStandinApp(id: ZaloOaStandinIdentity, state: ZaloOaStandinState): Express {
  const app = express();
  app.disable("x-powered-by");

  const fault = (res: Response, endpoint: StandinFault["endpoint"]): boolean => {
    const f = state.takeFault(endpoint);
    if (!f) return false;
    if (endpoint === "token") res.json({ error: f.error, error_name: f.message ?? "Injected failure", error_reason: f.message ?? "injected", error_description: "" });
    else res.json({ error: f.error, message: f.message ?? "Injected failure" });
    return true;
  };

  const tokenProblem = (req: Request, res: Response): boolean => {
    const check = state.checkAccessToken(req.get("access_token") ?? "");
    if (check === "ok") return false;
    res.json(check === "expired" ? STANDIN_OA_ERRORS.tokenExpired : STANDIN_OA_ERRORS.tokenInvalid);
    return true;
  };

  app.post(OAUTH_TOKEN_PATH, express.urlencoded({ extended: false, limit: "16kb" }), async (req: Request, res: Response) => {
    const form = (req.body ?? {}) as Record<string, string | undefined>;
    if (req.get("secret_key") !== id.appSecret) return res.json(STANDIN_OAUTH_ERRORS.secretInvalid);
    if (form.app_id !== id.appId) return res.json(STANDIN_OAUTH_ERRORS.appInvalid);
    if (fault(res, "token")) return;
    if (form.grant_type !== "refresh_token") return res.json(STANDIN_OAUTH_ERRORS.grantInvalid);
    const token = form.refresh_token ?? "";
    let status = state.refreshTokens.get(token);
    if (status === undefined && id.acceptDevRefreshTokens && token.startsWith(DEV_REFRESH_TOKEN_PREFIX)) status = "valid";
    const ok = status === "valid";
    // Spent on receipt, before the (simulated) work: a concurrent second use fails, as at Zalo.
    if (token !== "") state.refreshTokens.set(token, "spent");
    state.refreshUses.push({ refreshToken: token, ok, at: state.now() });
    if (state.latency.token > 0) await sleep(state.latency.token);
    if (!ok) return res.json(STANDIN_OAUTH_ERRORS.refreshInvalid);
    const pair = state.issuePair();
    res.json({ access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: String(state.accessTtlSeconds), refresh_token_expires_in: "7776000" });
  });

  app.post(OA_PATHS.message, express.text({ type: () => true, limit: "256kb" }), async (req: Request, res: Response) => {
    if (tokenProblem(req, res)) return;
    if (fault(res, "message")) return;
    if (state.overRate()) return res.json(STANDIN_OA_ERRORS.rateLimited);
    let body: { recipient?: { user_id?: unknown }; message?: Record<string, unknown> };
    try {
      body = parseJsonKeepingBigIntegers(String(req.body ?? "")) as typeof body;
    } catch {
      return res.json(STANDIN_OA_ERRORS.paramInvalid);
    }
    const userId = body?.recipient?.user_id;
    const message = body?.message;
    if (typeof userId !== "string" || !/^\d{1,32}$/.test(userId) || typeof message !== "object" || message === null) return res.json(STANDIN_OA_ERRORS.paramInvalid);
    const text = message.text;
    if (text !== undefined && (typeof text !== "string" || text.length > 2000)) return res.json({ ...STANDIN_OA_ERRORS.paramInvalid, message: "text must be at most 2000 characters" });
    if (text === undefined && message.attachment === undefined) return res.json(STANDIN_OA_ERRORS.paramInvalid);
    const undeliverable = state.undeliverable.get(userId);
    if (undeliverable === -230) return res.json(STANDIN_OA_ERRORS.notInteracted);
    if (undeliverable === -213) return res.json(STANDIN_OA_ERRORS.notFollowing);
    if (undeliverable !== undefined) return res.json({ error: undeliverable, message: "User cannot be reached" });
    const messageId = randomBytes(16).toString("hex");
    state.messages.push({ messageId, userId, rawBody: String(req.body), message, at: state.now() });
    const answer = { error: 0, message: "Success", data: { message_id: messageId, user_id: userId } };
    if (state.echo && state.webhookUrl) {
      const echo = deliverEcho(id, state, userId, messageId, message);
      if (state.echoBeforeResponse) await echo;
    }
    // Latency after the work: the message went out, the answer is late (a client timeout then
    // leaves the sender not knowing, which is the case worth testing).
    if (state.latency.message > 0) await sleep(state.latency.message);
    res.json(answer);
  });

  app.post(OA_PATHS.uploadImage, express.raw({ type: () => true, limit: "2mb" }), (req: Request, res: Response) => {
    if (tokenProblem(req, res)) return;
    if (fault(res, "upload")) return;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!(req.get("content-type") ?? "").startsWith("multipart/form-data") || !body.includes('name="file"')) return res.json(STANDIN_OA_ERRORS.paramInvalid);
    const attachmentId = randomBytes(12).toString("hex");
    state.uploads.push({ attachmentId, bytes: body.length });
    res.json({ error: 0, message: "Success", data: { attachment_id: attachmentId } });
  });

  app.get(OA_PATHS.userDetail, (req: Request, res: Response) => {
    if (tokenProblem(req, res)) return;
    let userId: unknown;
    try {
      userId = (parseJsonKeepingBigIntegers(String(req.query.data ?? "")) as { user_id?: unknown }).user_id;
    } catch {
      return res.json(STANDIN_OA_ERRORS.paramInvalid);
    }
    if (typeof userId !== "string" || !/^\d{1,32}$/.test(userId)) return res.json(STANDIN_OA_ERRORS.paramInvalid);
    // A made-up name for users nobody named: the stand-in has no address book.
    const displayName = state.profiles.get(userId)?.displayName ?? `Zalo ${userId.slice(-4)}`;
    res.json({ error: 0, message: "Success", data: { user_id: userId, display_name: displayName, user_is_follower: true, shared_info: {} } });
  });

  // ---- controls for tests and the dev chat simulator ----
  app.post("/__control", express.json({ limit: "64kb" }), (req: Request, res: Response) => {
    const c = (req.body ?? {}) as {
      reset?: boolean;
      faults?: StandinFault[];
      expireAccessTokens?: boolean;
      undeliverable?: Record<string, number>;
      latencyMs?: { token?: number; message?: number };
      ratePerMinute?: number | null;
      webhookUrl?: string | null;
      echo?: boolean;
      echoBeforeResponse?: boolean;
      profiles?: Record<string, { displayName: string }>;
    };
    if (c.reset) state.reset();
    if (c.faults) state.faults.push(...c.faults.map((f) => ({ ...f, times: f.times ?? 1 })));
    if (c.expireAccessTokens) state.expireAccessTokens();
    for (const [user, code] of Object.entries(c.undeliverable ?? {})) state.undeliverable.set(user, code);
    if (c.latencyMs) state.latency = { ...state.latency, ...c.latencyMs };
    if (c.ratePerMinute !== undefined) state.ratePerMinute = c.ratePerMinute ?? undefined;
    if (c.webhookUrl !== undefined) state.webhookUrl = c.webhookUrl ?? undefined;
    if (c.echo !== undefined) state.echo = c.echo;
    if (c.echoBeforeResponse !== undefined) state.echoBeforeResponse = c.echoBeforeResponse;
    for (const [user, profile] of Object.entries(c.profiles ?? {})) state.profiles.set(user, profile);
    res.json({ ok: true });
  });

  app.get("/__messages", (req: Request, res: Response) => {
    const user = typeof req.query.user_id === "string" ? req.query.user_id : undefined;
    res.json({ messages: state.messages.filter((m) => user === undefined || m.userId === user) });
  });

  app.get("/__state", (_req: Request, res: Response) => {
    res.json({ refreshUses: state.refreshUses, uploads: state.uploads.length, messages: state.messages.length });
  });

  /** Delivers a user's event to our webhook, signed as Zalo signs it: `{event_name, user_id?, text?}`. */
  app.post("/__deliver", express.json({ limit: "64kb" }), async (req: Request, res: Response) => {
    const b = (req.body ?? {}) as { event_name?: unknown; user_id?: unknown; text?: unknown; msg_id?: unknown };
    if (!state.webhookUrl) return res.status(409).json({ error: "no webhook URL configured" });
    if (!isKnownZaloEventName(b.event_name)) return res.status(400).json({ error: "unknown event_name" });
    const event = sampleZaloEvent(b.event_name, {
      ids: { appId: id.appId, oaId: id.oaId, ...(typeof b.user_id === "string" ? { userId: b.user_id } : {}) },
      timestamp: String(state.now()),
      ...(typeof b.text === "string" ? { text: b.text } : {}),
      msgId: typeof b.msg_id === "string" ? b.msg_id : randomBytes(10).toString("hex"),
    });
    const status = await postSigned(id, state.webhookUrl, JSON.stringify(event), String(event.timestamp));
    res.json({ status, event });
  });

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 404, message: "Not found" });
  });
  return app;
}

/** POSTs a body to a webhook the way Zalo does; the HTTP status, or 0 if it could not be reached. */
export async function postSigned(id: { appId: string; oaSecretKey: string }, url: string, rawBody: string, timestamp: string): Promise<number> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-ZEvent-Signature": zaloSignatureHeader({ appId: id.appId, rawBody, timestamp, oaSecretKey: id.oaSecretKey }) },
      body: rawBody,
      signal: AbortSignal.timeout(5_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

function echoEventName(message: Record<string, unknown>): string {
  const attachment = message.attachment as { payload?: { template_type?: unknown } } | undefined;
  const template = attachment?.payload?.template_type;
  if (template === "media") return "oa_send_image";
  if (template === "request_user_info") return "oa_send_list";
  return "oa_send_text";
}

async function deliverEcho(id: ZaloOaStandinIdentity, state: ZaloOaStandinState, userId: string, messageId: string, message: Record<string, unknown>): Promise<void> {
  if (!state.webhookUrl) return;
  const name = echoEventName(message);
  const timestamp = String(state.now());
  const body: Record<string, unknown> = {
    app_id: id.appId,
    sender: { id: id.oaId },
    user_id_by_app: userId,
    recipient: { id: userId },
    event_name: name,
    message: { msg_id: messageId, ...(typeof message.text === "string" ? { text: message.text } : {}) },
    timestamp,
  };
  await postSigned(id, state.webhookUrl, JSON.stringify(body), timestamp);
}
