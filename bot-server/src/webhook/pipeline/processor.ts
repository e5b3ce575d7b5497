import { zaloEventFacts, type OutgoingMessage, type ZaloEvent, type ZaloEventFacts } from "@khaibao/shared";
import type { Conversation } from "../../conversations/types";
import type { Queryable } from "../../storage";
import { compose, DeferEvent, type EventContext, type Middleware, type PipelineLogger } from "./context";

/** The inbox row being processed, held by `owner` (its completion is part of the commit). */
export interface InboxClaim {
  id: number;
  owner: string;
  attempt: number;
  receivedAt: Date;
  complete(tx: Queryable, now: Date): Promise<boolean>;
}

export type ProcessOutcome = { kind: "done"; replies: number } | { kind: "deferred"; ms: number; reason: string } | { kind: "lost" };

export interface EventProcessorOptions {
  db: Queryable;
  middleware: readonly Middleware[];
  loadConversation(userId: string): Promise<Conversation | undefined>;
  /** Stores the bot's replies (queue + conversation) inside the commit transaction. */
  queueReplies(tx: Queryable, userId: string, messages: readonly OutgoingMessage[], now: Date): Promise<void>;
  /** After a commit that queued replies: wake the sender. */
  onRepliesQueued?: () => void;
  /** After an event's effects committed (the support inbox tells open consoles). */
  onCommitted?: (event: ZaloEvent, facts: ZaloEventFacts) => void;
  /** Our OA id, to attribute delivery receipts whichever way round they name the parties. */
  oaId?: string;
  now?: () => Date;
  logger: PipelineLogger;
}

export interface EventProcessor {
  /**
   * Runs one event through the middleware chain and commits its effects. Throws when a
   * middleware fails (the inbox worker retries the event later). This is also the seam tests
   * and the dev chat simulator use to feed events without HTTP.
   */
  process(event: ZaloEvent, claim?: InboxClaim): Promise<ProcessOutcome>;
}

class LeaseLost extends Error {}

export function createEventProcessor(opts: EventProcessorOptions): EventProcessor {
  const run = compose(opts.middleware);
  const clock = opts.now ?? (() => new Date());
  return {
    async process(event, claim) {
      const facts = zaloEventFacts(event, opts.oaId);
      const now = clock();
      const conversation = facts.userId === "" ? undefined : await opts.loadConversation(facts.userId);
      const replies: OutgoingMessage[] = [];
      const writes: Array<(tx: Queryable) => Promise<void>> = [];
      const ctx: EventContext = {
        event,
        facts,
        now,
        attempt: claim?.attempt ?? 1,
        receivedAt: claim?.receivedAt ?? now,
        inboxId: claim?.id ?? null,
        conversation,
        logger: opts.logger,
        state: {},
        reply(...messages) {
          if (facts.userId === "") throw new Error(`${event.event_name} has no user to reply to`);
          replies.push(...messages);
        },
        write(fn) {
          writes.push(fn);
        },
        defer(ms, reason) {
          throw new DeferEvent(ms, reason);
        },
      };
      try {
        await run(ctx);
      } catch (error) {
        if (error instanceof DeferEvent) return { kind: "deferred", ms: error.ms, reason: error.reason };
        throw error;
      }
      try {
        await opts.db.transaction(async (tx) => {
          for (const write of writes) await write(tx);
          if (replies.length > 0) await opts.queueReplies(tx, facts.userId, replies, now);
          if (claim && !(await claim.complete(tx, clock()))) throw new LeaseLost();
        });
      } catch (error) {
        if (error instanceof LeaseLost) return { kind: "lost" };
        // A write found the world changed since the chain read it (e.g. staff took the chat over
        // while the bot was answering): nothing was committed; run the event again.
        if (error instanceof DeferEvent) return { kind: "deferred", ms: error.ms, reason: error.reason };
        throw error;
      }
      if (replies.length > 0) opts.onRepliesQueued?.();
      opts.onCommitted?.(event, facts);
      return { kind: "done", replies: replies.length };
    },
  };
}
