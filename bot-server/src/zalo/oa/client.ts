import axios, { type AxiosInstance } from "axios";
import type { OaButton } from "@khaibao/shared";
import { parseJsonKeepingBigIntegers } from "../safe-json";
import { ZaloOaError, oaErrorKindOf } from "./errors";
import { unlimited, type OaRateLimiter } from "./rate-limit";
import { splitText } from "./split-text";

/** Zalo's production OA API; the composition root points elsewhere only for the local stand-in. */
export const ZALO_OA_API_URL = "https://openapi.zalo.me";

export const OA_PATHS = {
  message: "/v3.0/oa/message/cs",
  uploadImage: "/v2.0/oa/upload/image",
  /** GET with `?data={"user_id":"..."}`: the follower's display name and what they shared. */
  userDetail: "/v3.0/oa/user/detail",
} as const;

/** What the OA may know of a user: their Zalo display name, and what they shared with the OA. */
export interface OaUserProfile {
  displayName: string | null;
  follower: boolean | null;
  sharedName: string | null;
  sharedPhone: string | null;
}

/** What Zalo answered for one sent message. `messageId` comes back in the message's echo as `msg_id`. */
export interface OaSent {
  messageId: string | null;
  userId: string;
}

export interface UserInfoRequest {
  title: string;
  subtitle: string;
  imageUrl: string;
}

/**
 * Customer-service messages through the OA API v3. Every method rejects with `ZaloOaError`
 * (typed by Zalo's code), never with a Zalo answer that merely looked successful.
 */
export interface OaApi {
  /** Texts over 2,000 characters are sent as several messages, in order. */
  sendText(userId: string, text: string, opts?: { quoteMessageId?: string }): Promise<OaSent[]>;
  sendButtons(userId: string, text: string, buttons: readonly OaButton[]): Promise<OaSent>;
  sendImage(userId: string, image: { url: string } | { attachmentId: string }, text?: string): Promise<OaSent>;
  /** Uploads a PNG (a QR code we drew); the returned attachment id is then sent with `sendImage`. */
  uploadImage(png: Buffer, filename?: string): Promise<string>;
  /** Zalo's form asking for name, phone and address; the answer arrives as `user_submit_info`. */
  requestUserInfo(userId: string, request: UserInfoRequest): Promise<OaSent>;
  /** The user's display name (support staff see it) and what they shared with the OA. */
  getUserProfile(userId: string): Promise<OaUserProfile>;
}

/** Where the client gets its access token (the token manager). */
export interface AccessTokenSource {
  accessToken(): Promise<string>;
  /** The API refused `rejected` (-216/-220): a fresh token, refreshing unless someone already did. */
  refreshAfterRejection(rejected: string): Promise<string>;
}

export interface HttpOaApiOptions {
  baseUrl?: string;
  tokens: AccessTokenSource;
  limiter?: OaRateLimiter;
  timeoutMs?: number;
  /** Told when Zalo refuses our setup (bad proof, retired API, refresh token gone): an operator must act. */
  onMisconfigured?: (error: ZaloOaError) => void;
}

type ZaloAnswer = {
  error?: unknown;
  message?: unknown;
  data?: { message_id?: unknown; user_id?: unknown; attachment_id?: unknown; display_name?: unknown; user_is_follower?: unknown; shared_info?: unknown } | null;
};

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : typeof v === "number" && Number.isSafeInteger(v) ? String(v) : null);

function zaloButton(b: OaButton): Record<string, unknown> {
  switch (b.type) {
    case "open_url":
      return { title: b.title, type: "oa.open.url", payload: { url: b.url } };
    case "query":
      return { title: b.title, type: b.hide ? "oa.query.hide" : "oa.query.show", payload: b.payload };
    case "phone":
      return { title: b.title, type: "oa.open.phone", payload: { phone_code: b.phone } };
  }
}

export function createHttpOaApi(opts: HttpOaApiOptions): OaApi {
  const limiter = opts.limiter ?? unlimited;
  const http: AxiosInstance = axios.create({
    baseURL: opts.baseUrl ?? ZALO_OA_API_URL,
    timeout: opts.timeoutMs ?? 10_000,
    responseType: "text",
    // Parsed by us: axios' JSON.parse would round a 64-bit id.
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
  });

  async function call(path: string, body: unknown, token: string, method: "post" | "get" = "post"): Promise<ZaloAnswer> {
    await limiter.take();
    let status: number;
    let text: unknown;
    let remain: unknown;
    try {
      const isForm = body instanceof FormData;
      const res =
        method === "get"
          ? await http.get<string>(path, { params: { data: JSON.stringify(body) }, headers: { access_token: token } })
          : await http.post<string>(path, isForm ? body : JSON.stringify(body), {
              headers: { access_token: token, ...(isForm ? {} : { "Content-Type": "application/json" }) },
            });
      ({ status, data: text } = res);
      remain = res.headers["x-ratelimit-remain"];
    } catch (cause) {
      const code = (cause as { code?: unknown }).code;
      throw new ZaloOaError("unavailable", `request failed: ${typeof code === "string" ? code : "network error"}`, undefined, { cause });
    }
    if (status === 429) {
      limiter.rateLimited();
      throw new ZaloOaError("rate_limited", "HTTP 429");
    }
    if (status >= 500 || status === 408) throw new ZaloOaError("unavailable", `HTTP ${status}`);
    let answer: ZaloAnswer;
    try {
      answer = parseJsonKeepingBigIntegers(String(text)) as ZaloAnswer;
    } catch (cause) {
      throw new ZaloOaError("unavailable", `HTTP ${status}: not JSON`, undefined, { cause });
    }
    if (typeof answer !== "object" || answer === null) throw new ZaloOaError("unavailable", `HTTP ${status}: not an object`);
    const code = Number(answer.error);
    if (!Number.isInteger(code)) throw new ZaloOaError("unavailable", `HTTP ${status}: no error field`);
    if (code !== 0) {
      const kind = oaErrorKindOf(code);
      const message = typeof answer.message === "string" ? answer.message.slice(0, 200) : `Zalo error ${code}`;
      const error = new ZaloOaError(kind, message, code);
      if (kind === "rate_limited") limiter.rateLimited();
      if (kind === "misconfigured") opts.onMisconfigured?.(error);
      throw error;
    }
    if (status >= 400) throw new ZaloOaError("unavailable", `HTTP ${status}`);
    limiter.succeeded();
    // Zalo says this was the last call of the window: wait before the next one rather than earn a -32.
    if (remain !== undefined && Number(remain) <= 0) limiter.rateLimited();
    return answer;
  }

  /** Runs `fn` with the current token; on -216/-220 refreshes once and retries once. */
  async function withToken<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const token = await tokenOrThrow(() => opts.tokens.accessToken());
    try {
      return await fn(token);
    } catch (error) {
      if (!(error instanceof ZaloOaError) || error.kind !== "token_invalid") throw error;
      const fresh = await tokenOrThrow(() => opts.tokens.refreshAfterRejection(token));
      return fn(fresh);
    }
  }

  async function tokenOrThrow(get: () => Promise<string>): Promise<string> {
    try {
      return await get();
    } catch (cause) {
      if (cause instanceof ZaloOaError) throw cause;
      const permanent = (cause as { permanent?: unknown }).permanent === true;
      const error = new ZaloOaError(permanent ? "misconfigured" : "unavailable", `no access token: ${(cause as Error).message}`, undefined, { cause });
      if (permanent) opts.onMisconfigured?.(error);
      throw error;
    }
  }

  async function send(userId: string, message: Record<string, unknown>): Promise<OaSent> {
    const answer = await withToken((token) => call(OA_PATHS.message, { recipient: { user_id: userId }, message }, token));
    return { messageId: str(answer.data?.message_id), userId: str(answer.data?.user_id) ?? userId };
  }

  return {
    async sendText(userId, text, sendOpts = {}) {
      const sent: OaSent[] = [];
      for (const [i, piece] of splitText(text).entries()) {
        const quote = i === 0 && sendOpts.quoteMessageId ? { quote_message_id: sendOpts.quoteMessageId } : {};
        sent.push(await send(userId, { text: piece, ...quote }));
      }
      return sent;
    },
    sendButtons(userId, text, buttons) {
      return send(userId, { text, attachment: { type: "template", payload: { buttons: buttons.map(zaloButton) } } });
    },
    sendImage(userId, image, text) {
      const element = "url" in image ? { media_type: "image", url: image.url } : { media_type: "image", attachment_id: image.attachmentId };
      return send(userId, { ...(text ? { text } : {}), attachment: { type: "template", payload: { template_type: "media", elements: [element] } } });
    },
    async uploadImage(png, filename = "image.png") {
      const answer = await withToken((token) => {
        // A fresh form per attempt: a retried request must carry the whole file again.
        const form = new FormData();
        form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), filename);
        return call(OA_PATHS.uploadImage, form, token);
      });
      const id = str(answer.data?.attachment_id);
      if (!id) throw new ZaloOaError("unavailable", "upload answered without attachment_id");
      return id;
    },
    async getUserProfile(userId) {
      const answer = await withToken((token) => call(OA_PATHS.userDetail, { user_id: userId }, token, "get"));
      const data = answer.data ?? {};
      const shared = typeof data.shared_info === "object" && data.shared_info !== null ? (data.shared_info as { name?: unknown; phone?: unknown }) : {};
      const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, 100) : null);
      return {
        displayName: text(data.display_name),
        follower: typeof data.user_is_follower === "boolean" ? data.user_is_follower : null,
        sharedName: text(shared.name),
        sharedPhone: str(shared.phone),
      };
    },
    requestUserInfo(userId, request) {
      return send(userId, {
        attachment: {
          type: "template",
          payload: { template_type: "request_user_info", elements: [{ title: request.title, subtitle: request.subtitle, image_url: request.imageUrl }] },
        },
      });
    },
  };
}
