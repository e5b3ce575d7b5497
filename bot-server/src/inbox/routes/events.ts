import { Router, type Response } from "express";
import { staffCan, type ConsoleEventPayload } from "@khaibao/shared";
import { AppError } from "../../http/errors";
import type { SessionRecord } from "../../staff/sessions";
import { requirePermission, staffLocals } from "../../staff/middleware";
import type { ConsoleEvent, ConsoleEvents } from "../events";

export interface EventStreams {
  /** Open streams right now. */
  count(): number;
  /** Ends every open stream (shutdown; tests prove the console reconnects). */
  dropAll(): void;
}

export interface EventStreamDeps {
  events: ConsoleEvents;
  /** Whether the session still stands, checked without counting as activity (an open tab is not a person at the desk). */
  sessionAlive(session: SessionRecord): Promise<boolean>;
  heartbeatMs?: number;
}

/**
 * An agent hears about their own and unassigned conversations, and about one that just left
 * their view (taken from the unassigned queue or from them, so their list drops it);
 * supervisors about all.
 */
function audible(event: ConsoleEvent, session: SessionRecord): boolean {
  if (staffCan(session.role, "seeAllConversations")) return true;
  const mineOrOpen = (id: string | null | undefined) => id === null || id === session.accountId;
  return mineOrOpen(event.assigneeId) || (event.previousAssigneeId !== undefined && mineOrOpen(event.previousAssigneeId));
}

/**
 * `GET /events`: Server-Sent Events for the console (new messages, status and assignment
 * changes, delivery outcomes). Each event is a hint to refetch; the console refetches
 * everything after a reconnect, so nothing is replayed. A comment line every heartbeat keeps
 * proxies from closing an idle stream, and the session is checked again each time.
 */
export function eventStreamRoutes(deps: EventStreamDeps): { router: Router; streams: EventStreams } {
  const router = Router();
  const open = new Set<Response>();
  const heartbeatMs = deps.heartbeatMs ?? 20_000;

  router.get("/events", requirePermission("useInbox"), (req, res) => {
    const { session } = staffLocals(res);
    // Only an event-stream client gets the endless answer (EventSource always asks for it).
    if (!req.accepts("text/event-stream") || !(req.get("accept") ?? "").includes("text/event-stream")) throw new AppError("inbox.events_stream_only", 406);
    res.status(200);
    res.setHeader("Content-Type", "text/event-stream; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Connection", "keep-alive");
    // Reverse proxies (nginx) buffer responses by default; an event must leave at once.
    res.setHeader("X-Accel-Buffering", "no");
    res.flushHeaders();
    res.write("retry: 2000\n: connected\n\n");
    open.add(res);

    const send = (event: ConsoleEvent) => {
      if (!audible(event, session)) return;
      const payload: ConsoleEventPayload =
        event.type === "message"
          ? { type: "message", userId: event.userId, direction: event.direction }
          : event.type === "delivery"
            ? { type: "delivery", userId: event.userId, state: event.state }
            : { type: "conversation", userId: event.userId };
      res.write(`data: ${JSON.stringify(payload)}\n\n`);
    };
    const unsubscribe = deps.events.subscribe(send);
    const heartbeat = setInterval(() => {
      void deps.sessionAlive(session).then(
        (alive) => (alive ? res.write(": ping\n\n") : res.end()),
        () => res.end(),
      );
    }, heartbeatMs);
    heartbeat.unref();
    req.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
  });

  return {
    router,
    streams: {
      count: () => open.size,
      dropAll() {
        for (const res of [...open]) {
          open.delete(res);
          res.socket?.destroy();
        }
      },
    },
  };
}
