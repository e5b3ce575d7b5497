import { randomBytes } from "node:crypto";
import express, { Router, type Request, type Response } from "express";
import { z } from "zod";
import { sampleZaloEvent, type ZaloEventName } from "@khaibao/shared";
import type { ConversationRepository } from "../conversations/repository";
import { zaloSignatureHeader } from "../webhook/signature";
import { SIMULATOR_CSS, SIMULATOR_HTML, SIMULATOR_JS } from "./page";
import { toSimMessage } from "./wire";

/** Who the simulator signs as: the app and OA the webhook is configured with. */
export interface SimulatorIdentity {
  appId: string;
  oaId: string;
  oaSecretKey: string;
  miniAppId: string;
}

export interface DevChatDeps {
  identity: SimulatorIdentity;
  /** The OA stand-in, whose `/__messages` holds what the OA sent. */
  standinUrl: string;
  conversations: ConversationRepository;
  /** Ends a handoff (what staff will do from the inbox). */
  handBackToBot?: (userId: string) => Promise<boolean>;
}

const userId = z.string().regex(/^\d{1,20}$/, "a Zalo user id is digits only");
const sendSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("follow"), userId }),
  z.object({ kind: z.literal("unfollow"), userId }),
  z.object({ kind: z.literal("text"), userId, text: z.string().min(1).max(2_000) }),
]);

const EVENT: Record<z.infer<typeof sendSchema>["kind"], ZaloEventName> = { follow: "follow", unfollow: "unfollow", text: "user_send_text" };

/** Our own webhook, on the address and port this request came in on. */
function ownWebhookUrl(req: Request): string {
  const address = req.socket.localAddress ?? "127.0.0.1";
  const host = address.includes(":") ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}/webhooks/zalo`;
}

/**
 * The dev chat simulator at `/dev/chat`: play a citizen. Events are built as Zalo builds them,
 * signed with the configured app id and OA secret key, and POSTed over HTTP to our own
 * `/webhooks/zalo`, so they take the real path (signature, inbox, pipeline, bot, outgoing queue);
 * the OA's replies are read back from the OA stand-in. Development and tests only.
 */
export function devChatRouter(deps: DevChatDeps): Router {
  const router = Router();
  const page = (type: string, body: string) => (_req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-cache");
    res.type(type).send(body);
  };
  router.get("/", page("html", SIMULATOR_HTML));
  router.get("/chat.js", page("application/javascript; charset=utf-8", SIMULATOR_JS));
  router.get("/chat.css", page("text/css; charset=utf-8", SIMULATOR_CSS));

  router.post("/api/events", express.json({ limit: "16kb" }), async (req: Request, res: Response) => {
    const parsed = sendSchema.safeParse(req.body);
    if (!parsed.success) return res.status(400).json({ error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    const input = parsed.data;
    const timestamp = String(Date.now());
    const event = sampleZaloEvent(EVENT[input.kind], {
      ids: { appId: deps.identity.appId, oaId: deps.identity.oaId, userId: input.userId, userIdByApp: input.userId },
      timestamp,
      msgId: randomBytes(16).toString("hex"),
      ...(input.kind === "text" ? { text: input.text } : {}),
    });
    const rawBody = JSON.stringify(event);
    const signature = zaloSignatureHeader({ appId: deps.identity.appId, rawBody, timestamp, oaSecretKey: deps.identity.oaSecretKey });
    try {
      const answer = await fetch(ownWebhookUrl(req), {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-ZEvent-Signature": signature },
        body: rawBody,
        signal: AbortSignal.timeout(5_000),
      });
      await answer.arrayBuffer();
      res.json({ webhookStatus: answer.status });
    } catch (error) {
      res.status(502).json({ error: `webhook unreachable: ${(error as Error).message}` });
    }
  });

  router.get("/api/messages", async (req: Request, res: Response) => {
    const user = userId.safeParse(req.query.user_id);
    if (!user.success) return res.status(400).json({ error: "user_id: a Zalo user id is digits only" });
    try {
      const answer = await fetch(`${deps.standinUrl}/__messages?user_id=${user.data}`, { signal: AbortSignal.timeout(5_000) });
      const body = (await answer.json()) as { messages: Parameters<typeof toSimMessage>[0][] };
      const conversation = await deps.conversations.get(user.data);
      res.json({ owner: conversation?.owner ?? null, messages: body.messages.map((m) => toSimMessage(m, deps.identity.miniAppId)) });
    } catch (error) {
      res.status(502).json({ error: `OA stand-in unreachable: ${(error as Error).message}` });
    }
  });

  router.post("/api/hand-back", express.json({ limit: "4kb" }), async (req: Request, res: Response) => {
    const user = userId.safeParse((req.body as { userId?: unknown } | undefined)?.userId);
    if (!user.success || !deps.handBackToBot) return res.status(400).json({ error: "userId required" });
    res.json({ changed: await deps.handBackToBot(user.data) });
  });
  return router;
}
