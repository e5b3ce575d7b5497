import axios from "axios";
import { trustListSchema, type TrustEntry } from "@khaibao/shared";
import type { TrustStore } from "./trust-store";
import { trustEntriesFromBytes } from "./x509";

/** Somewhere a newer list of signer certificates can be fetched from. */
export interface TrustListSource {
  fetch(): Promise<TrustEntry[]>;
}

/** A list bigger than this is not a trust list (the EU's whole gateway is under 1 MB). */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * A trust list over HTTP(S): either JSON in our own `TrustList` shape (e.g. another Khaibao
 * server's /api/vaccination/trust-list), or a PEM bundle of signer certificates. Anything else,
 * an HTTP error or an empty list is an error: the current list is then kept.
 */
export function createHttpTrustListSource(opts: { url: string; timeoutMs?: number }): TrustListSource {
  return {
    async fetch() {
      const res = await axios.get<ArrayBuffer>(opts.url, {
        responseType: "arraybuffer",
        timeout: opts.timeoutMs ?? 15_000,
        maxContentLength: MAX_BYTES,
        maxRedirects: 3,
        validateStatus: () => true,
      });
      if (res.status !== 200) throw new Error(`trust list answered HTTP ${res.status}`);
      const bytes = Buffer.from(res.data);
      const text = bytes.toString("utf8").trimStart();
      const entries = text.startsWith("{") ? trustListSchema.parse(JSON.parse(text)).entries : trustEntriesFromBytes(bytes, opts.url);
      if (entries.length === 0) throw new Error("trust list is empty");
      return entries;
    },
  };
}

export interface TrustUpdaterLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface TrustUpdater {
  /** One fetch now; resolves whether or not it worked (a failure keeps the current list). */
  refresh(): Promise<{ ok: true; changed: boolean } | { ok: false; error: string }>;
  start(): void;
  stop(): void;
}

/** Fetches `source` every `intervalMinutes` into the store's "remote" entries. */
export function createTrustUpdater(opts: { source: TrustListSource; store: TrustStore; intervalMinutes: number; logger: TrustUpdaterLogger }): TrustUpdater {
  let timer: NodeJS.Timeout | undefined;
  const refresh: TrustUpdater["refresh"] = async () => {
    try {
      const entries = await opts.source.fetch();
      const changed = opts.store.set("remote", entries);
      if (changed) opts.logger.info({ entries: entries.length, version: opts.store.list().version }, "vaccination trust list updated");
      return { ok: true, changed };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      opts.logger.warn({ err: message }, "vaccination trust list refresh failed; keeping the current list");
      return { ok: false, error: message };
    }
  };
  return {
    refresh,
    start() {
      if (timer) return;
      void refresh();
      timer = setInterval(() => void refresh(), opts.intervalMinutes * 60_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
