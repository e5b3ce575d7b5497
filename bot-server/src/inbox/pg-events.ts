import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Queryable } from "../storage";
import { createInProcessConsoleEvents, type ConsoleEvent, type ConsoleEvents } from "./events";

export interface PostgresConsoleEventsOptions {
  /** The same database the instances share; a dedicated connection LISTENs on it. */
  url: string;
  /** Publishes with pg_notify through the shared pool. */
  db: Queryable;
  /** NOTIFY channel (default khaibao_console); one per deployment sharing a database. */
  channel?: string;
  logger?: { warn(obj: Record<string, unknown>, msg: string): void; info(obj: Record<string, unknown>, msg: string): void };
  onListenerError?: (error: unknown) => void;
  /** First and longest wait before reconnecting the listening connection (default 500 ms, 30 s). */
  reconnect?: { minMs: number; maxMs: number };
}

export interface PostgresConsoleEvents extends ConsoleEvents {
  /** Resolves once the listening connection is established (tests, startup). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

interface Wire {
  origin: string;
  event: ConsoleEvent;
}

/**
 * Console events across instances: each instance delivers its own events to its own streams at
 * once and sends them to the others with NOTIFY; a dedicated connection LISTENs for the others'.
 * NOTIFY payloads are limited to 8,000 bytes, which is far above an event's size: events carry ids,
 * never messages. If the listening connection drops it reconnects with backoff; events sent
 * meanwhile are lost to this instance, which is harmless because they are only hints to refetch
 * and every console refetches when its own stream reconnects.
 */
export function createPostgresConsoleEvents(opts: PostgresConsoleEventsOptions): PostgresConsoleEvents {
  const local = createInProcessConsoleEvents(opts.onListenerError);
  const channel = opts.channel ?? "khaibao_console";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid NOTIFY channel name ${JSON.stringify(channel)}`);
  const origin = randomUUID();
  const { minMs, maxMs } = opts.reconnect ?? { minMs: 500, maxMs: 30_000 };
  let client: pg.Client | undefined;
  let closed = false;
  let delay = minMs;
  let timer: NodeJS.Timeout | undefined;
  let readyResolve!: () => void;
  const firstReady = new Promise<void>((resolve) => (readyResolve = resolve));

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== channel || !msg.payload) return;
    let wire: Wire;
    try {
      wire = JSON.parse(msg.payload) as Wire;
    } catch {
      return;
    }
    if (wire.origin === origin || typeof wire.event !== "object" || wire.event === null) return;
    local.publish(wire.event);
  };

  const scheduleReconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(maxMs, delay * 2);
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: opts.url, connectionTimeoutMillis: 10_000, application_name: "khaibao-events" });
    // Errors and ends of this connection are expected (database restarts): reconnect, never crash.
    c.on("error", (error) => {
      opts.logger?.warn({ err: error.message }, "console events: listening connection lost");
      if (client === c) client = undefined;
      c.end().catch(() => undefined);
      scheduleReconnect();
    });
    c.on("end", () => {
      if (client === c) {
        client = undefined;
        scheduleReconnect();
      }
    });
    c.on("notification", onNotification);
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (error) {
      opts.logger?.warn({ err: (error as Error).message }, "console events: cannot listen yet");
      c.end().catch(() => undefined);
      scheduleReconnect();
      return;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    delay = minMs;
    readyResolve();
  }

  void connect();

  return {
    publish(event) {
      local.publish(event);
      const payload = JSON.stringify({ origin, event } satisfies Wire);
      opts.db.get("SELECT pg_notify($1, $2)", [channel, payload]).catch((error: unknown) => {
        opts.logger?.warn({ err: (error as Error).message }, "console events: could not notify the other instances");
      });
    },
    subscribe: (listener) => local.subscribe(listener),
    ready: () => firstReady,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
