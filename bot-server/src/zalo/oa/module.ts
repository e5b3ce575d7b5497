import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { RequestHandler, Router } from "express";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { miniAppButton, type OutgoingMessage, type ZaloEvent, type ZaloEventFacts } from "@khaibao/shared";
import { createChatBot, DECLARE_BUTTON_TITLE, DEFAULT_SUPPORT_HOURS, loadFaq, parseSupportHours } from "../../bot";
import type { Env } from "../../config";
import {
  ConversationRepository,
  conversationMiddleware,
  mirrorOutboundTransition,
  queueMessages,
  type Bot,
} from "../../conversations";
import { DEV_ZALO_APP_SECRET } from "../../standins";
import {
  DEV_ZALO_APP_ID,
  DEV_ZALO_MINI_APP_ID,
  DEV_ZALO_OA_ID,
  DEV_ZALO_OA_REFRESH_TOKEN,
  DEV_ZALO_OA_SECRET_KEY,
  startZaloOaStandin,
  type ZaloOaStandin,
} from "../../standins/zalo-oa";
import type { Database } from "../../storage";
import { createInboxWorker, type InboxWorker } from "../../webhook/inbox/worker";
import { createBatchedInboxWriter } from "../../webhook/inbox/batch-writer";
import { InboxRepository, type FailedEvent } from "../../webhook/inbox/repository";
import { createWebhookIngest, type WebhookIngest } from "../../webhook/ingest";
import { createWebhookMetrics } from "../../webhook/metrics";
import type { Middleware } from "../../webhook/pipeline/context";
import { createEventProcessor, type EventProcessor } from "../../webhook/pipeline/processor";
import { zaloWebhookDirect, zaloWebhookHandlers, zaloWebhookRouter } from "../../webhook/router";
import type { DirectRoute } from "../../http/direct-routes";
import { createHttpZaloOAuth, ZALO_OAUTH_URL } from "../oauth/client";
import { createTokenManager, type TokenManager } from "../oauth/token-manager";
import { TokenStore } from "../oauth/token-store";
import type { BackoffPolicy } from "../queue/backoff";
import { createHttpOaApi, ZALO_OA_API_URL, type OaApi } from "./client";
import { createOaMetrics } from "./metrics";
import { OutboundRepository, type OutboundProblem } from "./outbox/repository";
import { createOutboundWorker, type OutboundProblemReport, type OutboundTransition, type OutboundWorker } from "./outbox/worker";
import { createTokenBucket } from "./rate-limit";

export type ZaloModuleEnv = Pick<
  Env,
  | "NODE_ENV"
  | "ZALO_APP_ID"
  | "ZALO_APP_SECRET"
  | "ZALO_OA_ID"
  | "ZALO_OA_SECRET_KEY"
  | "ZALO_MINI_APP_ID"
  | "ZALO_OA_API_URL"
  | "ZALO_OAUTH_URL"
  | "ZALO_OA_REFRESH_TOKEN"
  | "ZALO_OA_RATE_PER_MINUTE"
>;

/** Knobs with production defaults; tests shorten them. */
export interface ZaloTuning {
  inboxConcurrency: number;
  outboundConcurrency: number;
  pollMs: number;
  inboxLeaseMs: number;
  outboundLeaseMs: number;
  maxInboxAttempts: number;
  maxOutboundAttempts: number;
  inboxRetry: BackoffPolicy;
  outboundRetry: BackoffPolicy;
  apiTimeoutMs: number;
  maxEventAgeMs: number;
  echoWaitMs: number;
  refreshBeforeMs: number;
  tokenLockMs: number;
}

export const DEFAULT_ZALO_TUNING: ZaloTuning = {
  inboxConcurrency: 8,
  outboundConcurrency: 8,
  pollMs: 1_000,
  inboxLeaseMs: 60_000,
  // A send may wait for a token refresh (10 s) and retry once (10 s) behind the rate limiter.
  outboundLeaseMs: 120_000,
  maxInboxAttempts: 8,
  maxOutboundAttempts: 10,
  inboxRetry: { baseMs: 1_000, maxMs: 5 * 60_000 },
  outboundRetry: { baseMs: 2_000, maxMs: 10 * 60_000 },
  apiTimeoutMs: 10_000,
  maxEventAgeMs: 7 * 24 * 3_600_000,
  echoWaitMs: 90_000,
  refreshBeforeMs: 12 * 3_600_000,
  tokenLockMs: 30_000,
};

export interface ZaloModuleDeps {
  db: Database;
  env: ZaloModuleEnv;
  logger: Logger;
  registry: Registry;
  now?: () => Date;
  /** The chat-bot; default the citizens' bot with the built-in FAQ and default support hours. */
  bot?: Bot;
  /** Middlewares run before the default conversation handling (e.g. the support inbox's live feed). */
  middleware?: readonly Middleware[];
  /** This instance's name in leases (default host:pid:random). */
  owner?: string;
  /** A message that will not arrive (undeliverable, failed for good): tell staff. */
  onOutboundProblem?: (problem: OutboundProblemReport) => void;
  /** A message's final outcome committed (the support inbox's delivery status). */
  onOutboundSettled?: (change: OutboundTransition) => void;
  /** An event's effects committed (the support inbox's live list). */
  onEventCommitted?: (event: ZaloEvent, facts: ZaloEventFacts) => void;
  tuning?: Partial<ZaloTuning>;
}

export interface ZaloModule {
  /** Mount at `/webhooks/zalo` among the app's `other` routers (no JSON parser before it). */
  webhookRouter: Router;
  /** The same route as handlers, for mounting straight on the app (`app.post`). */
  webhookHandlers: RequestHandler[];
  /** The same route answered before Express (http/direct-routes.ts), for the server's listener. */
  webhookDirect: DirectRoute;
  /** The receiver without HTTP: verify + parse + store one delivery. */
  ingest: WebhookIngest;
  /** Feed events straight into the pipeline (tests, the dev chat simulator). */
  pipeline: EventProcessor;
  inboxWorker: InboxWorker;
  outboundWorker: OutboundWorker;
  tokens: TokenManager;
  api: OaApi;
  conversations: ConversationRepository;
  outbound: OutboundRepository;
  /** Queues messages to a user outside an event (staff replies later): sent or reported, never lost. */
  send(userId: string, messages: readonly OutgoingMessage[], author?: "bot" | "staff"): Promise<number[]>;
  /** What staff must look at: messages that could not be delivered, events that could not be handled. */
  problems(limit?: number): Promise<{ outbound: OutboundProblem[]; events: FailedEvent[] }>;
  /** The local OA stand-in, when this module started one (development, tests). */
  standin: ZaloOaStandin | undefined;
  /**
   * Starts the workers; `webhookUrl` (our own) lets the stand-in deliver echoes and simulated
   * users. `workers: false` runs this instance as webhook-only (events are still stored, and
   * processed by instances that run the workers).
   */
  start(opts?: { webhookUrl?: string; workers?: boolean }): void;
  /** Stops the workers (finishing what is in hand) and the stand-in. */
  stop(): Promise<void>;
}

/**
 * Zalo OA messaging, wired: the webhook (verify, parse, durable inbox), the pipeline with the
 * conversation handlers and the bot, the outbound queue with the OA API client, the token
 * manager and, outside production when no Zalo URL is configured, the local OA stand-in.
 */
export async function createZaloModule(deps: ZaloModuleDeps): Promise<ZaloModule> {
  const { db, env, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const tuning: ZaloTuning = { ...DEFAULT_ZALO_TUNING, ...deps.tuning };
  const production = env.NODE_ENV === "production";
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const orDev = <T extends string>(value: T | undefined, dev: T, name: string): T => {
    if (value !== undefined) return value;
    if (production) throw new Error(`${name} is required in production`);
    return dev;
  };
  const appId = orDev(env.ZALO_APP_ID, DEV_ZALO_APP_ID, "ZALO_APP_ID");
  const appSecret = orDev(env.ZALO_APP_SECRET, DEV_ZALO_APP_SECRET, "ZALO_APP_SECRET");
  const oaId = orDev(env.ZALO_OA_ID, DEV_ZALO_OA_ID, "ZALO_OA_ID");
  const oaSecretKey = orDev(env.ZALO_OA_SECRET_KEY, DEV_ZALO_OA_SECRET_KEY, "ZALO_OA_SECRET_KEY");
  const miniAppId = orDev(env.ZALO_MINI_APP_ID, DEV_ZALO_MINI_APP_ID, "ZALO_MINI_APP_ID");

  let standin: ZaloOaStandin | undefined;
  if (!production && (!env.ZALO_OA_API_URL || !env.ZALO_OAUTH_URL)) {
    standin = await startZaloOaStandin({ appId, appSecret, oaId, oaSecretKey, acceptDevRefreshTokens: true });
    logger.warn({ url: standin.url }, "Zalo OA API + OAuth stand-in started: messages to Zalo users stay on this machine");
  }
  const apiUrl = env.ZALO_OA_API_URL ?? standin?.url ?? ZALO_OA_API_URL;
  const oauthUrl = env.ZALO_OAUTH_URL ?? standin?.url ?? ZALO_OAUTH_URL;

  try {
    const inbox = new InboxRepository(db);
    const outbound = new OutboundRepository(db);
    const conversations = new ConversationRepository(db);
    const tokenStore = new TokenStore(db);
    const oaMetrics = createOaMetrics(deps.registry, outbound);
    const webhookMetrics = createWebhookMetrics(deps.registry, inbox);

    const seedToken = env.ZALO_OA_REFRESH_TOKEN ?? (standin ? DEV_ZALO_OA_REFRESH_TOKEN : undefined);
    if (seedToken) {
      const seeded = await tokenStore.seed(oaId, seedToken, now());
      if (seeded !== "unchanged") logger.info({ oaId, seeded }, "OA refresh token installed from configuration");
    } else if (!(await tokenStore.read(oaId))) {
      logger.error({ oaId }, "no OA token pair stored and ZALO_OA_REFRESH_TOKEN is unset: replies cannot be sent until the OA is authorised");
    }

    const tokens = createTokenManager({
      store: tokenStore,
      oauth: createHttpZaloOAuth({ baseUrl: oauthUrl, appId, appSecret, timeoutMs: tuning.apiTimeoutMs }),
      oaId,
      owner,
      now,
      refreshBeforeMs: tuning.refreshBeforeMs,
      lockMs: Math.max(tuning.tokenLockMs, tuning.apiTimeoutMs * 3),
      logger,
      onRefresh: (outcome) => oaMetrics.tokenRefresh(outcome),
    });
    const api = createHttpOaApi({
      baseUrl: apiUrl,
      tokens,
      limiter: createTokenBucket({ perMinute: env.ZALO_OA_RATE_PER_MINUTE }),
      timeoutMs: tuning.apiTimeoutMs,
      onMisconfigured: (error) => logger.error({ zaloCode: error.zaloCode, kind: error.kind, error: error.message }, "Zalo refused our OA setup: an operator must act"),
    });
    const outboundWorker = createOutboundWorker({
      db,
      repo: outbound,
      api,
      owner,
      concurrency: tuning.outboundConcurrency,
      pollMs: tuning.pollMs,
      leaseMs: tuning.outboundLeaseMs,
      maxAttempts: tuning.maxOutboundAttempts,
      retry: tuning.outboundRetry,
      onTransition: mirrorOutboundTransition(conversations, now),
      ...(deps.onOutboundProblem ? { onProblem: deps.onOutboundProblem } : {}),
      ...(deps.onOutboundSettled ? { onSettled: deps.onOutboundSettled } : {}),
      now,
      metrics: oaMetrics,
      logger,
    });
    const defaultBot = () =>
      createChatBot({
        faq: loadFaq(),
        hours: parseSupportHours(DEFAULT_SUPPORT_HOURS),
        declareButton: miniAppButton(DECLARE_BUTTON_TITLE, miniAppId),
        conversations,
        db,
        now,
      });
    const pipeline = createEventProcessor({
      db,
      middleware: [
        ...(deps.middleware ?? []),
        ...conversationMiddleware({ conversations, outbound, bot: deps.bot ?? defaultBot(), echoWaitMs: tuning.echoWaitMs }),
      ],
      loadConversation: (userId) => conversations.get(userId),
      queueReplies: async (tx, userId, messages, at) => {
        await queueMessages(tx, { outbound, conversations }, { userId, messages, author: "bot", now: at });
      },
      onRepliesQueued: () => outboundWorker.wake(),
      ...(deps.onEventCommitted ? { onCommitted: deps.onEventCommitted } : {}),
      oaId,
      now,
      logger,
    });
    const inboxWorker = createInboxWorker({
      repo: inbox,
      processor: pipeline,
      owner,
      concurrency: tuning.inboxConcurrency,
      pollMs: tuning.pollMs,
      leaseMs: tuning.inboxLeaseMs,
      maxAttempts: tuning.maxInboxAttempts,
      retry: tuning.inboxRetry,
      now,
      metrics: webhookMetrics,
      logger,
    });
    const ingest = createWebhookIngest({
      appId,
      oaId,
      oaSecretKey,
      // Events arriving together share one INSERT and one commit (group commit).
      inbox: createBatchedInboxWriter(inbox, { maxInFlight: db.dialect === "sqlite" ? 1 : 2 }),
      now,
      maxEventAgeMs: tuning.maxEventAgeMs,
      onStored: () => inboxWorker.wake(),
      metrics: webhookMetrics,
      logger,
    });

    let stopping: Promise<void> | undefined;
    return {
      webhookRouter: zaloWebhookRouter(ingest),
      webhookHandlers: zaloWebhookHandlers(ingest),
      webhookDirect: zaloWebhookDirect(ingest),
      ingest,
      pipeline,
      inboxWorker,
      outboundWorker,
      tokens,
      api,
      conversations,
      outbound,
      standin,
      async send(userId, messages, author = "staff") {
        const ids = await db.transaction((tx) => queueMessages(tx, { outbound, conversations }, { userId, messages, author, now: now() }));
        outboundWorker.wake();
        return ids;
      },
      async problems(limit = 100) {
        return { outbound: await outbound.listProblems(limit), events: await inbox.listFailed(limit) };
      },
      start(opts = {}) {
        if (standin && opts.webhookUrl) standin.state.webhookUrl = opts.webhookUrl;
        if (opts.workers === false) return;
        inboxWorker.start();
        outboundWorker.start();
        tokens.start();
      },
      stop() {
        stopping ??= (async () => {
          tokens.stop();
          await Promise.all([inboxWorker.stop(), outboundWorker.stop()]);
          await standin?.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await standin?.stop();
    throw error;
  }
}
