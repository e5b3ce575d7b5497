import type { Router } from "express";
import type { Logger } from "pino";
import type { ZaloEvent, ZaloEventFacts, OutgoingMessage } from "@khaibao/shared";
import type { FaqFile } from "../bot/faq";
import type { ConversationRepository } from "../conversations/repository";
import type { FieldCipher } from "../privacy";
import { AuditLog } from "../staff/audit";
import { SessionRepository } from "../staff/sessions";
import type { Database } from "../storage";
import type { Middleware } from "../webhook/pipeline/context";
import type { OutboundRepository } from "../zalo/oa/outbox/repository";
import type { OaUserProfile } from "../zalo/oa/client";
import type { OutboundTransition } from "../zalo/oa/outbox/worker";
import { nameIndexOf, sealContact } from "./contact";
import { CannedAnswerRepository } from "./canned";
import { DeskRepository, type DeskHours } from "./desks";
import { createInProcessConsoleEvents, type ConsoleEvents } from "./events";
import { announceEvent, inboxMiddleware } from "./pipeline";
import { InboxRepository } from "./repository";
import { conversationRoutes } from "./routes/conversations";
import { eventStreamRoutes, type EventStreams } from "./routes/events";
import { libraryRoutes } from "./routes/library";
import { InboxService } from "./service";

export { createInProcessConsoleEvents, type ConsoleEvent, type ConsoleEvents, type ConsoleEventListener } from "./events";
export { InboxRepository, type InboxViewer } from "./repository";
export { CannedAnswerRepository } from "./canned";
export { DeskRepository } from "./desks";
export { InboxService } from "./service";
export type { EventStreams } from "./routes/events";

export interface InboxFeatureDeps {
  db: Database;
  cipher: FieldCipher;
  faq: FaqFile;
  logger: Pick<Logger, "warn">;
  now: () => Date;
  /** Default: in-process (one instance). */
  events?: ConsoleEvents;
  heartbeatMs?: number;
}

/** What the inbox needs of the Zalo side, once it exists. */
export interface InboxZaloSide {
  conversations: ConversationRepository;
  outbound: OutboundRepository;
  send(userId: string, messages: readonly OutgoingMessage[], author: "staff"): Promise<number[]>;
  wakeSender?: () => void;
  /** The OA API's user detail: the Zalo display name staff see (fetched once per citizen). */
  profile?: (userId: string) => Promise<OaUserProfile>;
}

/** A failed profile lookup is not retried for this long (each message would otherwise ask again). */
const PROFILE_RETRY_MS = 10 * 60_000;
/** Display-name lookups in flight at once; each is one OA API call. */
const MAX_PROFILE_LOOKUPS = 4;

export interface InboxFeature {
  events: ConsoleEvents;
  /** Webhook pipeline: before the conversation handlers. */
  middleware: Middleware;
  /** For the chat-bot: the desk hours of a conversation (undefined: the default desk, SUPPORT_HOURS). */
  deskHours(userId: string): Promise<DeskHours | undefined>;
  /** For the Zalo module: after an event committed / a message settled. */
  onEventCommitted(event: ZaloEvent, facts: ZaloEventFacts): void;
  onOutboundSettled(change: OutboundTransition): void;
  /** The staff routes (mounted behind the staff module's session and CSRF checks). */
  routes(zalo: InboxZaloSide): { routers: Router[]; streams: EventStreams };
}

/**
 * The support inbox: staff answer citizens' chats. Built in two steps because the Zalo module
 * needs the inbox's pipeline hooks and the inbox's routes need the Zalo module's queue.
 */
export function createInboxFeature(deps: InboxFeatureDeps): InboxFeature {
  const onError = (error: unknown) => deps.logger.warn({ err: { name: (error as Error)?.name, message: (error as Error)?.message } }, "support inbox: an event could not be announced");
  const events = deps.events ?? createInProcessConsoleEvents(onError);
  const inbox = new InboxRepository(deps.db);
  const desks = new DeskRepository(deps.db);
  const sessions = new SessionRepository(deps.db);
  const announce = announceEvent({ inbox, events, onError });
  let profile: InboxZaloSide["profile"];
  const asked = new Map<string, number>();
  let lookups = 0;

  /** Learns the citizen's Zalo display name once (sealed), then tells the consoles. */
  const learnName = async (userId: string) => {
    const last = asked.get(userId);
    if (!profile || (last !== undefined && deps.now().getTime() - last < PROFILE_RETRY_MS)) return;
    // A burst of new citizens must not pile up lookups in memory, each waiting for the OA rate
    // limit the bot's replies need too (they starved them): a citizen not looked up now is
    // looked up the next time they write.
    if (lookups >= MAX_PROFILE_LOOKUPS) return;
    // Bounded: forgetting only means a citizen's name may be asked for once more.
    if (asked.size >= 50_000) asked.clear();
    asked.set(userId, deps.now().getTime());
    lookups++;
    try {
      if (await inbox.hasZaloName(userId)) return;
      const found = await profile(userId);
      const now = deps.now();
      if (found.displayName) await inbox.setZaloName(deps.db, userId, deps.cipher.seal(found.displayName), nameIndexOf(deps.cipher, found.displayName) ?? null, now);
      if (found.sharedName || found.sharedPhone) await inbox.setContact(deps.db, userId, sealContact(deps.cipher, { name: found.sharedName ?? undefined, phone: found.sharedPhone ?? undefined }), now);
      const state = await inbox.state(userId);
      if (state?.owner === "human") events.publish({ type: "conversation", userId, assigneeId: state.assigneeId });
    } finally {
      lookups--;
    }
  };

  return {
    events,
    middleware: inboxMiddleware({ inbox, cipher: deps.cipher, db: deps.db }),
    deskHours: (userId) => desks.hoursFor(userId),
    onEventCommitted(event, facts) {
      announce(event, facts);
      if (facts.userId !== "" && (event.event_name.startsWith("user_send_") || event.event_name === "follow")) void learnName(facts.userId).catch(onError);
    },
    onOutboundSettled(change) {
      void inbox
        .state(change.userId)
        .then((state) => events.publish({ type: "delivery", userId: change.userId, state: change.state === "sent" ? "sent" : "failed", assigneeId: state?.assigneeId ?? null }))
        .catch(onError);
    },
    routes(zalo) {
      profile = zalo.profile;
      const service = new InboxService({
        db: deps.db,
        conversations: zalo.conversations,
        outbound: zalo.outbound,
        send: (userId, messages, author) => zalo.send(userId, messages, author),
        ...(zalo.wakeSender ? { wakeSender: zalo.wakeSender } : {}),
        cipher: deps.cipher,
        audit: new AuditLog(deps.db),
        events,
        now: deps.now,
      });
      const stream = eventStreamRoutes({
        events,
        ...(deps.heartbeatMs ? { heartbeatMs: deps.heartbeatMs } : {}),
        async sessionAlive(session) {
          const current = await sessions.get(session.id);
          const t = deps.now().getTime();
          return current !== undefined && !current.disabled && t < Date.parse(current.expiresAt) && t < Date.parse(current.idleExpiresAt);
        },
      });
      return {
        routers: [
          conversationRoutes({ service, desks, now: deps.now }),
          libraryRoutes({ canned: new CannedAnswerRepository(deps.db), desks, faq: deps.faq, db: deps.db, now: deps.now }),
          stream.router,
        ],
        streams: stream.streams,
      };
    },
  };
}
