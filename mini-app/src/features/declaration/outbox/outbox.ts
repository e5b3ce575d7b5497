import { z } from "zod";
import type { FieldError, SubmitDeclarationRequest, SubmitDeclarationResponse } from "@khaibao/shared";
import { isApiError } from "../../../lib/api-client";
import { formSchema, type DeclarationForm } from "../model/form";
import type { StoredValue } from "../storage/stored-value";
import { classifyFailure, retryDelay, RETRY_POLICY, type FailureKind } from "./policy";

/**
 * Declarations committed on this phone and not yet answered with a receipt. Each keeps its
 * idempotency key and the exact request, so every retry sends the same thing and the server
 * answers it with the same receipt however many tries got through. Stored on the phone: an app
 * closed while waiting picks up where it left off when it opens again.
 */
export const outboxItemSchema = z.object({
  idempotencyKey: z.string().min(1),
  /** The request exactly as committed (`submitDeclarationRequestSchema` output). */
  request: z.object({ idempotencyKey: z.string(), declaration: z.record(z.string(), z.unknown()), clientSubmittedAt: z.string().optional() }),
  /** The form it came from: handed back if the server finds a mistake; remembered for "Khai báo lại" on success. */
  form: formSchema,
  /** The saved person this declaration is for. */
  personId: z.string(),
  createdAt: z.string(),
  attempts: z.number().int().min(0).catch(0),
  nextAttemptAt: z.number().catch(0),
  /** Code of the last failure (`network.unreachable`, `http.unavailable`...). */
  lastError: z.string().nullable().catch(null),
  /** The server's text for it, when it sent one (e.g. an expired Zalo session), in both languages. */
  lastMessage: z.object({ vi: z.string(), en: z.string() }).nullable().catch(null),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxListSchema = z
  .array(outboxItemSchema.nullable().catch(null))
  .transform((list) => list.filter((i): i is OutboxItem => i !== null));

export type Outcome =
  | { kind: "delivered"; response: SubmitDeclarationResponse }
  | { kind: Exclude<FailureKind, "retry">; code: string; message: { vi: string; en: string } | null; fields: FieldError[]; form: DeclarationForm };

export interface OutboxState {
  items: readonly OutboxItem[];
  /** Key being sent right now. */
  sending: string | null;
  /** What happened to keys that left the queue during this session. */
  outcomes: ReadonlyMap<string, Outcome>;
}

export interface OutboxDeps {
  store: StoredValue<OutboxItem[]>;
  send(request: SubmitDeclarationRequest): Promise<SubmitDeclarationResponse>;
  isOnline(): boolean;
  onNetworkChange(listener: (online: boolean) => void): () => void;
  onResume(listener: () => void): () => void;
  now(): number;
  random(): number;
  /** Runs `fn` after `ms`; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
  /** A receipt arrived: keep it, remember the declaration (without health) for next time. */
  onDelivered(item: OutboxItem, response: SubmitDeclarationResponse): void;
  /** The server refused it: hand the form back. */
  onReturned(item: OutboxItem, outcome: Exclude<Outcome, { kind: "delivered" }>): void;
}

export interface Outbox {
  /** Listens to the network and the app's lifecycle, and sends whatever is waiting. Idempotent. */
  start(): void;
  stop(): void;
  /** Stores the declaration first, then tries to send it. */
  enqueue(item: Omit<OutboxItem, "attempts" | "nextAttemptAt" | "lastError" | "lastMessage">): void;
  /** Tries now. `force` ignores the backoff timer (network back, app resumed, "Thử lại ngay"). */
  flush(options?: { force?: boolean }): Promise<void>;
  /** Takes a waiting declaration back out (to edit it), unless it is being sent right now. */
  withdraw(key: string): OutboxItem | null;
  getState(): OutboxState;
  subscribe(listener: () => void): () => void;
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const listeners = new Set<() => void>();
  const outcomes = new Map<string, Outcome>();
  let sending: string | null = null;
  let state: OutboxState = { items: deps.store.get(), sending, outcomes };
  let running: Promise<void> | null = null;
  let again = false;
  let againForced = false;
  let cancelTimer: (() => void) | null = null;
  let unsubscribe: (() => void)[] = [];

  const publish = () => {
    state = { items: deps.store.get(), sending, outcomes: new Map(outcomes) };
    for (const listener of listeners) listener();
  };
  deps.store.subscribe(publish);

  const updateItem = (key: string, change: (item: OutboxItem) => OutboxItem) =>
    deps.store.update((items) => items.map((i) => (i.idempotencyKey === key ? change(i) : i)));
  const removeItem = (key: string) => deps.store.update((items) => items.filter((i) => i.idempotencyKey !== key));

  const schedule = () => {
    cancelTimer?.();
    cancelTimer = null;
    const items = deps.store.get();
    if (items.length === 0) return;
    const next = Math.min(...items.map((i) => i.nextAttemptAt));
    // Offline: the network's return forces a try; the timer is only a safety net then.
    const delay = deps.isOnline() ? Math.max(0, next - deps.now()) : RETRY_POLICY.maxDelayMs;
    cancelTimer = deps.setTimer(() => {
      cancelTimer = null;
      void flush();
    }, delay);
  };

  async function attempt(item: OutboxItem): Promise<void> {
    sending = item.idempotencyKey;
    publish();
    try {
      const response = await deps.send(item.request as SubmitDeclarationRequest);
      removeItem(item.idempotencyKey);
      outcomes.set(item.idempotencyKey, { kind: "delivered", response });
      deps.onDelivered(item, response);
    } catch (error) {
      const kind = classifyFailure(error);
      const code = isApiError(error) ? error.code : "network.unreachable";
      const message = isApiError(error) ? (error.details.messages ?? null) : null;
      if (kind === "retry") {
        const attempts = item.attempts + 1;
        updateItem(item.idempotencyKey, (i) => ({
          ...i,
          attempts,
          nextAttemptAt: deps.now() + retryDelay(attempts, deps.random),
          lastError: code,
          lastMessage: message,
        }));
      } else {
        removeItem(item.idempotencyKey);
        const fields = isApiError(error) ? (error.details.fields ?? []) : [];
        const outcome = { kind, code, message, fields, form: item.form } as const;
        outcomes.set(item.idempotencyKey, outcome);
        deps.onReturned(item, outcome);
      }
    } finally {
      sending = null;
      publish();
    }
  }

  async function run(force: boolean): Promise<void> {
    // Offline for sure: wait for the network to come back (its event forces a flush).
    if (!deps.isOnline()) return;
    const due = deps.store.get().filter((i) => force || i.nextAttemptAt <= deps.now());
    for (const item of due) {
      // Withdrawn meanwhile?
      const current = deps.store.get().find((i) => i.idempotencyKey === item.idempotencyKey);
      if (current) await attempt(current);
      if (!deps.isOnline()) break;
    }
  }

  function flush({ force = false }: { force?: boolean } = {}): Promise<void> {
    if (running) {
      again = true;
      againForced ||= force;
      return running;
    }
    running = (async () => {
      try {
        let forceNow = force;
        do {
          again = false;
          await run(forceNow);
          forceNow = againForced;
          againForced = false;
        } while (again);
      } finally {
        running = null;
        schedule();
      }
    })();
    return running;
  }

  return {
    start() {
      if (unsubscribe.length > 0) return;
      unsubscribe = [
        deps.onNetworkChange((online) => {
          if (online) void flush({ force: true });
        }),
        deps.onResume(() => void flush({ force: true })),
      ];
      void flush({ force: true });
    },
    stop() {
      for (const u of unsubscribe) u();
      unsubscribe = [];
      cancelTimer?.();
      cancelTimer = null;
    },
    enqueue(entry) {
      const item: OutboxItem = { ...entry, attempts: 0, nextAttemptAt: 0, lastError: null, lastMessage: null };
      deps.store.update((items) => [...items.filter((i) => i.idempotencyKey !== item.idempotencyKey), item]);
      void flush({ force: true });
    },
    flush,
    withdraw(key) {
      if (sending === key) return null;
      const item = deps.store.get().find((i) => i.idempotencyKey === key) ?? null;
      if (item) removeItem(key);
      return item;
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
