// Test helper: the inbox's staff routes on a test database, with the real conversation record
// and the real durable queue (nothing sends it: tests read the queue's rows).
import type { Router } from "express";
import { loadFaq } from "../bot/faq";
import { ConversationRepository } from "../conversations/repository";
import { queueMessages } from "../conversations/outgoing";
import type { FieldCipher } from "../privacy";
import type { Database } from "../storage";
import { OutboundRepository } from "../zalo/oa/outbox/repository";
import { createInboxFeature, type InboxFeature } from "./index";
import type { EventStreams } from "./routes/events";

export function inboxTestRoutes(db: Database, cipher: FieldCipher, now: () => Date): { feature: InboxFeature; routers: Router[]; streams: EventStreams } {
  const feature = createInboxFeature({ db, cipher, faq: loadFaq(), logger: { warn: () => {} }, now });
  const conversations = new ConversationRepository(db);
  const outbound = new OutboundRepository(db);
  const { routers, streams } = feature.routes({
    conversations,
    outbound,
    send: (userId, messages, author) => db.transaction((tx) => queueMessages(tx, { outbound, conversations }, { userId, messages, author, now: now() })),
  });
  return { feature, routers, streams };
}
