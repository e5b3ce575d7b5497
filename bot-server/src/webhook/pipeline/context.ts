import type { OutgoingMessage, ZaloEvent, ZaloEventFacts } from "@khaibao/shared";
import type { Conversation } from "../../conversations/types";
import type { Queryable } from "../../storage";

/** Structural subset of pino's Logger. */
export interface PipelineLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/**
 * What a middleware sees of one event. Reads happen at once; writes and replies are collected
 * and committed together with the event's completion in one short transaction after the whole
 * chain ran, so an event processed twice (a crash, a lease taken over) has its effects once.
 */
export interface EventContext {
  readonly event: ZaloEvent;
  readonly facts: ZaloEventFacts;
  /** When processing started (the injectable clock). */
  readonly now: Date;
  /** 1 for the first try of this event; deferrals do not count. */
  readonly attempt: number;
  /** When the webhook stored the event (equal to `now` for events fed straight in). */
  readonly receivedAt: Date;
  /** The inbox row, or null when the event was fed straight to the pipeline (tests, tools). */
  readonly inboxId: number | null;
  /** The user's conversation as stored before this event; undefined for a new user (or no user). */
  readonly conversation: Conversation | undefined;
  readonly logger: PipelineLogger;
  /** Middlewares' scratch space (e.g. "this echo was ours"). */
  readonly state: Record<string, unknown>;
  /** Messages to the event's user from the bot, queued with the event's completion. */
  reply(...messages: OutgoingMessage[]): void;
  /** A write applied in the transaction that marks the event handled. */
  write(fn: (tx: Queryable) => Promise<void>): void;
  /** The event cannot be handled yet: stop here and try again in `ms` (nothing is written). */
  defer(ms: number, reason: string): never;
}

export type Next = () => Promise<void>;
export type Middleware = (ctx: EventContext, next: Next) => Promise<void>;

/** Thrown by `ctx.defer`; the processor reschedules the event without counting a failure. */
export class DeferEvent extends Error {
  constructor(
    readonly ms: number,
    readonly reason: string,
  ) {
    super(`deferred: ${reason}`);
    this.name = "DeferEvent";
  }
}

/**
 * Runs middlewares in order, each deciding whether to call `next`. Calling `next` twice is a
 * bug (it would run the rest of the chain twice) and fails loudly.
 */
export function compose(middlewares: readonly Middleware[]): (ctx: EventContext) => Promise<void> {
  return (ctx) => {
    let index = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= index) throw new Error("next() called more than once");
      index = i;
      const mw = middlewares[i];
      if (mw) await mw(ctx, () => dispatch(i + 1));
    };
    return dispatch(0);
  };
}
