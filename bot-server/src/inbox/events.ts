import type { ConsoleEventPayload } from "@khaibao/shared";

/**
 * What happened in the inbox, for the consoles that are open. `assigneeId` (who holds the
 * conversation, after the change) and `previousAssigneeId` let the stream hide from an agent
 * what they may not see; the console itself only receives the payload and refetches.
 */
export type ConsoleEvent = ConsoleEventPayload & { assigneeId: string | null; previousAssigneeId?: string | null };

export type ConsoleEventListener = (event: ConsoleEvent) => void;

/**
 * Publish/subscribe between whoever changes the inbox (webhook pipeline, queue worker, staff
 * routes) and the event streams. Kept this small on purpose: a PostgreSQL LISTEN/NOTIFY
 * implementation (several instances) only has to carry a JSON event both ways. Events are
 * hints to refetch, never the data itself, so a lost one costs freshness, not correctness
 * (and the console refetches after every reconnect).
 */
export interface ConsoleEvents {
  publish(event: ConsoleEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: ConsoleEventListener): () => void;
}

/** One process: listeners called synchronously; one failing listener does not stop the others. */
export function createInProcessConsoleEvents(onListenerError?: (error: unknown) => void): ConsoleEvents {
  const listeners = new Set<ConsoleEventListener>();
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
