import { randomBytes } from "node:crypto";
import { DEV_ACCESS_TOKEN_PREFIX, DEV_REFRESH_TOKEN_PREFIX } from "./dev";

/** A message the stand-in accepted, as the OA API received it. */
export interface StandinSentMessage {
  messageId: string;
  userId: string;
  /** The exact request body (so tests can see how ids were written). */
  rawBody: string;
  message: Record<string, unknown>;
  at: number;
}

export interface StandinFault {
  endpoint: "message" | "upload" | "token";
  error: number;
  message?: string;
  /** How many calls still get this answer. */
  times: number;
}

export interface RefreshUse {
  refreshToken: string;
  ok: boolean;
  at: number;
}

/** The stand-in's memory: tokens, what was sent to whom, and the failures asked for. */
export class ZaloOaStandinState {
  readonly refreshTokens = new Map<string, "valid" | "spent">();
  readonly accessTokens = new Map<string, number>();
  readonly refreshUses: RefreshUse[] = [];
  readonly messages: StandinSentMessage[] = [];
  readonly uploads: Array<{ attachmentId: string; bytes: number }> = [];
  faults: StandinFault[] = [];
  readonly undeliverable = new Map<string, number>();
  /** Display names the user-detail endpoint answers (others get a generated one). */
  readonly profiles = new Map<string, { displayName: string }>();
  latency = { token: 0, message: 0 };
  /** Simulated per-minute limit across all callers (undefined: none). */
  ratePerMinute: number | undefined;
  private rateWindow = { start: 0, count: 0 };
  webhookUrl: string | undefined;
  echo = true;
  /** Deliver the echo before answering the send (Zalo's echo overtaking its own answer). */
  echoBeforeResponse = false;

  constructor(
    readonly now: () => number,
    readonly accessTtlSeconds: number,
  ) {}

  issuePair(): { accessToken: string; refreshToken: string } {
    const accessToken = `${DEV_ACCESS_TOKEN_PREFIX}${randomBytes(16).toString("hex")}`;
    const refreshToken = `${DEV_REFRESH_TOKEN_PREFIX}${randomBytes(16).toString("hex")}`;
    this.accessTokens.set(accessToken, this.now() + this.accessTtlSeconds * 1000);
    this.refreshTokens.set(refreshToken, "valid");
    return { accessToken, refreshToken };
  }

  /** "ok", "unknown" or "expired" for an access token header. */
  checkAccessToken(token: string): "ok" | "unknown" | "expired" {
    const expiresAt = this.accessTokens.get(token);
    if (expiresAt === undefined) return "unknown";
    return expiresAt > this.now() ? "ok" : "expired";
  }

  expireAccessTokens(): void {
    for (const token of this.accessTokens.keys()) this.accessTokens.set(token, this.now() - 1);
  }

  takeFault(endpoint: StandinFault["endpoint"]): StandinFault | undefined {
    const fault = this.faults.find((f) => f.endpoint === endpoint && f.times > 0);
    if (!fault) return undefined;
    fault.times--;
    this.faults = this.faults.filter((f) => f.times > 0);
    return fault;
  }

  /** True when this call is over the simulated rate limit. */
  overRate(): boolean {
    if (this.ratePerMinute === undefined) return false;
    const t = this.now();
    if (t - this.rateWindow.start >= 60_000) this.rateWindow = { start: t, count: 0 };
    this.rateWindow.count++;
    return this.rateWindow.count > this.ratePerMinute;
  }

  reset(): void {
    this.refreshUses.length = 0;
    this.messages.length = 0;
    this.uploads.length = 0;
    this.faults = [];
    this.undeliverable.clear();
    this.profiles.clear();
    this.latency = { token: 0, message: 0 };
    this.ratePerMinute = undefined;
    this.rateWindow = { start: 0, count: 0 };
    this.echoBeforeResponse = false;
  }
}
