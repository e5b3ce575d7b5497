import { randomUUID } from "node:crypto";
import { connect, type Socket } from "node:net";
import { sampleZaloEvent, type DeclarationInput } from "@khaibao/shared";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import { zaloSignatureHeader } from "../../bot-server/src/webhook/signature";
import { DEV_ZALO_APP_ID, DEV_ZALO_OA_ID, DEV_ZALO_OA_SECRET_KEY } from "../../bot-server/src/standins/zalo-oa/dev";

/** A declaration valid right now (travel within the hour, a test from an hour ago). */
export function freshDeclaration(overrides: Partial<DeclarationInput> = {}): DeclarationInput {
  const now = Date.now();
  const d = sampleDeclaration(overrides);
  d.trip = { ...d.trip, travelAt: new Date(now + 3_600_000).toISOString() };
  d.test = { kind: "pcr", result: "negative", sampledAt: new Date(now - 3_600_000).toISOString() };
  return d;
}

export const declarationBody = (overrides: Partial<DeclarationInput> = {}, key: string = randomUUID()) => ({ idempotencyKey: key, declaration: freshDeclaration(overrides) });

/** A webhook delivery signed as Zalo signs it, for the development app and OA. */
export function signedWebhook(opts: { userId?: string; text?: string; msgId?: string; raw?: (json: string) => Buffer } = {}): { body: Buffer; headers: Record<string, string> } {
  const timestamp = String(Date.now());
  const event = sampleZaloEvent("user_send_text", {
    ids: { appId: DEV_ZALO_APP_ID, oaId: DEV_ZALO_OA_ID, userId: opts.userId ?? "7000000000000000001" },
    timestamp,
    msgId: opts.msgId ?? randomUUID().replace(/-/g, ""),
    text: opts.text ?? "xin chào",
  });
  const json = JSON.stringify(event);
  const body = opts.raw ? opts.raw(json) : Buffer.from(json, "utf8");
  return { body, headers: { "content-type": "application/json", "x-zevent-signature": zaloSignatureHeader({ appId: DEV_ZALO_APP_ID, rawBody: body, timestamp, oaSecretKey: DEV_ZALO_OA_SECRET_KEY }) } };
}

export interface RawAnswer {
  /** The status of the first answer, or undefined when the server closed without one. */
  status: number | undefined;
  text: string;
  /** The server ended the connection (as opposed to the test giving up). */
  closedByServer: boolean;
}

/**
 * Talks HTTP over a bare socket, for what fetch refuses to send: bytes dribbled out one at a
 * time, a body shorter than its Content-Length, control characters in headers. Resolves when the
 * server closes the connection, or with `closedByServer: false` after `giveUpMs` (a bound for the
 * test, never the assertion itself).
 */
export function rawExchange(baseUrl: string, write: (socket: Socket) => void | Promise<void>, giveUpMs = 20_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      socket.destroy();
      resolve({ status: status === undefined ? undefined : Number(status), text, closedByServer });
    };
    const timer = setTimeout(() => finish(false), giveUpMs);
    socket.on("data", (c) => chunks.push(c));
    socket.on("end", () => finish(true));
    socket.on("close", () => finish(true));
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" || error.code === "EPIPE" ? finish(true) : reject(error)));
    socket.on("connect", () => {
      Promise.resolve(write(socket)).catch(() => finish(true));
    });
  });
}

/** The JSON error body's code, or undefined when the answer has none. */
export function errorCodeOf(text: string): string | undefined {
  const body = text.slice(text.indexOf("\r\n\r\n") + 4);
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}
