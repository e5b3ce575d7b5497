/**
 * Memory benchmark: a server process (INSTANCE_ROLE=all: webhook, bot, replies through its own
 * OA stand-in) takes `total` signed `user_send_text` events in two equal halves. After each half
 * the whole backlog is processed (inbox and outgoing queue empty), the process is left to settle,
 * and its memory is read from its own /metrics. A leak shows as heap that keeps growing from the
 * first half to the second; a bounded process levels off.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { DEV_ZALO_OA_REFRESH_TOKEN } from "../../bot-server/src/standins/zalo-oa/dev";
import { freePort, SERVER_ENTRY, startNode, type Child } from "./processes";
import { signedUserText } from "./signed-events";
import { round } from "./sizes";

/**
 * Each citizen writes a short conversation (this many messages, spread over the run), so the
 * second half brings new users too: per-user state that is never let go shows up as growth.
 */
const MESSAGES_PER_USER = 4;
const SETTLE_MS = 3_000;
// Replies keep going out while sampling, so the heap keeps cycling; over 10 s a full collection
// comes round, and the least reading is then close to what is really live.
const SAMPLES = 20;
const SAMPLE_GAP_MS = 500;
const DRAIN_TIMEOUT_MS = 15 * 60_000;

export interface MemoryBench {
  memoryAfter50kMb: number;
  memoryAfter100kMb: number;
  heapUsedAfter50kMb: number;
  heapUsedAfter100kMb: number;
  /** Heap used after the second half over the first, in percent (the leak signal). */
  memoryGrowthPct: number;
  /** The same for the resident set (informative: V8 keeps pages it may reuse). */
  rssGrowthPct: number;
  /** Bot replies still waiting for the OA rate limit when each sample was taken (they live in the database). */
  memoryRepliesQueuedAt50k: number;
  memoryRepliesQueuedAt100k: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => round(bytes / 2 ** 20);

/** A sample's value from Prometheus text, with or without the server's metric prefix. */
function metric(text: string, name: string, labels = ""): number | undefined {
  const escaped = labels.replace(/[{}]/g, "\\$&");
  const m = new RegExp(`^(?:\\w+_)?${name}${escaped} (\\S+)$`, "m").exec(text);
  return m ? Number(m[1]) : undefined;
}

async function scrape(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`);
  if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
  return res.text();
}

/** Sends `count` events, event numbers from `first` on; every one must be acknowledged with 200. */
function send(url: string, first: number, count: number, prefix: string): Promise<void> {
  let n = first;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/webhooks/zalo`,
        method: "POST",
        connections: 16,
        amount: count,
        requests: [
          {
            setupRequest: (req) => {
              const { body, signature } = signedUserText(n, prefix, Math.floor(n / MESSAGES_PER_USER));
              n++;
              return { ...req, headers: { "content-type": "application/json", "x-zevent-signature": signature }, body };
            },
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        if (r.non2xx > 0 || r.errors > 0) return reject(new Error(`memory bench: ${r.non2xx} non-2xx answers and ${r.errors} errors out of ${r.requests.total}`));
        resolve();
      },
    );
  });
}

/**
 * Waits until every event sent is handled: stored, the bot asked, its replies queued. The replies
 * themselves leave at the OA rate limit (ZALO_OA_RATE_PER_MINUTE, 50 a second by default), far
 * slower than citizens write here; they wait in the database, so the samples are taken while
 * they go out, as on a busy day. Returns the replies still queued.
 */
async function drained(url: string, sent: number): Promise<number> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const text = await scrape(url);
    const pending = metric(text, "zalo_inbox_events", '{state="pending"}') ?? 0;
    const failed = metric(text, "zalo_inbox_events", '{state="failed"}') ?? 0;
    const done = metric(text, "zalo_inbox_events", '{state="done"}') ?? 0;
    const queued = (metric(text, "zalo_outbox_messages", '{state="queued"}') ?? 0) + (metric(text, "zalo_outbox_messages", '{state="sending"}') ?? 0);
    if (failed > 0) throw new Error(`memory bench: ${failed} events failed`);
    // `done` also counts the echoes of our replies, which keep arriving as replies go out.
    if (pending === 0 && done >= sent) return queued;
    if (Date.now() > deadline) throw new Error(`memory bench: events not processed (${pending} pending, ${done} done of ${sent} sent)`);
    await sleep(500);
  }
}

/** The least of the readings after the process settled: heap readings jump with every collection. */
async function sample(url: string): Promise<{ rss: number; heapUsed: number }> {
  await sleep(SETTLE_MS);
  let rss = Infinity;
  let heapUsed = Infinity;
  for (let i = 0; i < SAMPLES; i++) {
    const text = await scrape(url);
    rss = Math.min(rss, metric(text, "process_resident_memory_bytes") ?? Infinity);
    heapUsed = Math.min(heapUsed, metric(text, "nodejs_heap_size_used_bytes") ?? Infinity);
    await sleep(SAMPLE_GAP_MS);
  }
  if (!Number.isFinite(rss) || !Number.isFinite(heapUsed)) throw new Error("memory bench: /metrics has no process memory figures");
  return { rss, heapUsed };
}

export async function benchWebhookMemory(opts: { total: number }): Promise<MemoryBench> {
  const half = Math.floor(opts.total / 2);
  const dir = mkdtempSync(path.join(tmpdir(), "khaibao-bench-memory-"));
  const children: Child[] = [];
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Zalo's OA API is another machine in production: its stand-in (which keeps every message it
    // was sent, in memory) runs as its own process, so only the server's own memory is measured.
    const oaPort = await freePort();
    const oaUrl = `http://127.0.0.1:${oaPort}`;
    children.push(await startNode(["--import", "tsx", "bot-server/src/standins/zalo-oa/main.ts", "--port", String(oaPort), "--webhook-url", `${url}/webhooks/zalo`], {}, `${oaUrl}/__state`, 30_000, true));
    const server = await startNode(
      SERVER_ENTRY,
      {
        NODE_ENV: "development",
        INSTANCE_ROLE: "all",
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        SQLITE_PATH: path.join(dir, "khaibao.sqlite"),
        ZALO_OA_API_URL: oaUrl,
        ZALO_OAUTH_URL: oaUrl,
        ZALO_OA_REFRESH_TOKEN: DEV_ZALO_OA_REFRESH_TOKEN,
      },
      `${url}/readyz`,
    );
    children.push(server);
    const prefix = randomBytes(6).toString("hex");
    await send(url, 0, half, prefix);
    const backlog1 = await drained(url, half);
    const first = await sample(url);
    await send(url, half, half, prefix);
    const backlog2 = await drained(url, 2 * half);
    const second = await sample(url);
    return {
      memoryAfter50kMb: mb(first.rss),
      memoryAfter100kMb: mb(second.rss),
      heapUsedAfter50kMb: mb(first.heapUsed),
      heapUsedAfter100kMb: mb(second.heapUsed),
      memoryGrowthPct: round(((second.heapUsed - first.heapUsed) / first.heapUsed) * 100),
      rssGrowthPct: round(((second.rss - first.rss) / first.rss) * 100),
      memoryRepliesQueuedAt50k: backlog1,
      memoryRepliesQueuedAt100k: backlog2,
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
