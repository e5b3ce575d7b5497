/**
 * Webhook benchmarks: how fast the real server acknowledges signed Zalo events (signature over
 * the raw bytes, lossless JSON, zod union, durable inbox row with group commit; the bot answers
 * behind it through the OA stand-in) compared with a bare Express handler that only hashes and
 * parses; and the real server's p99 latency at a steady 1,000 events/s (open loop, fixed-rate.ts).
 * Both servers run as their own processes; the load runs here, every request a distinct
 * `user_send_text` (its own msg_id).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../../bot-server/src/storage";
import { DEV_ZALO_APP_ID, DEV_ZALO_OA_SECRET_KEY } from "../../bot-server/src/standins/zalo-oa/dev";
import { checkedSteady, type FixedRateResult } from "./fixed-rate";
import { fixedRateInProcess } from "./fixed-rate-process";
import { freePort, SERVER_ENTRY, startNode, type Child } from "./processes";
import { signedUserText } from "./signed-events";
import { alternate, assertAllOk, checked } from "./side-by-side";
import { round } from "./sizes";

const ENTRY = ["--import", "tsx"];
const USERS = 2_000;

interface LoadOptions {
  url: string;
  durationSec?: number;
  amount?: number;
  connections: number;
  overallRate?: number;
}

function load(opts: LoadOptions): Promise<autocannon.Result> {
  let n = 0;
  // A fresh prefix per run: a msg_id seen before would be a (cheaper) duplicate.
  const prefix = randomBytes(6).toString("hex");
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${opts.url}/webhooks/zalo`,
        method: "POST",
        connections: opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.durationSec ?? 10 }),
        ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
        requests: [
          {
            setupRequest: (req) => {
              const { body, signature } = signedUserText(n, prefix, n % USERS);
              n++;
              return { ...req, headers: { "content-type": "application/json", "x-zevent-signature": signature }, body };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** Distinct signed events at a steady `rate` (open loop, see fixed-rate.ts), sent by a process of their own (fixed-rate-process.ts). */
function steady(url: string, rate: number, durationSec: number): Promise<FixedRateResult> {
  const prefix = randomBytes(6).toString("hex");
  return fixedRateInProcess({
    url: `${url}/webhooks/zalo`,
    rate,
    durationSec,
    request: (n) => {
      const { body, signature } = signedUserText(n, prefix, n % USERS);
      return { headers: { "content-type": "application/json", "x-zevent-signature": signature }, body };
    },
  });
}

export interface WebhookBench {
  webhookBaselineRps: number;
  webhookIngestRps: number;
  webhookIngestRatio: number;
  webhookIngestRoundRatios: number[];
  /** Latency at a steady 1,000 events/s (open loop: from when each was due). */
  webhookP50MsAt1000: number;
  webhookP99MsAt1000: number;
  webhookMaxMsAt1000: number;
  /** The bare baseline at the same steady rate. */
  webhookBaselineP50MsAt1000: number;
  webhookBaselineP99MsAt1000: number;
  /** Events of a stored backlog the bot answered per second on a worker instance. */
  webhookBotAnsweredPerSecond: number;
  webhookIngestAllInOneRps: number;
  webhookIngestAllInOneRatio: number;
}

/**
 * Ingest is measured on a web instance (INSTANCE_ROLE=web: HTTP only), the way a deployment that
 * separates roles takes Zalo's traffic; the bot's work on those events is then measured on a
 * worker instance on the same database (events answered per second, replies through the OA
 * stand-in). For comparison, the same ingest load on one all-in-one instance, whose bot and
 * replies compete for the same cores. `steadySec` is the fixed-rate windows' length (see
 * benchDeclarations).
 */
export async function benchWebhook(opts: { durationSec: number; steadySec: number; rounds: number }): Promise<WebhookBench> {
  const dir = mkdtempSync(path.join(tmpdir(), "khaibao-bench-webhook-"));
  const children: Child[] = [];
  const server = async (role: "web" | "worker" | "all", file: string, ready = "/readyz") => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Development defaults: the Zalo ids above, the OA stand-in answering the bot's replies.
    const child = await startNode(SERVER_ENTRY, { NODE_ENV: "development", INSTANCE_ROLE: role, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", SQLITE_PATH: path.join(dir, file) }, `${url}${ready}`, 120_000);
    children.push(child);
    return { url, child };
  };
  try {
    const basePort = await freePort();
    const baseUrl = `http://127.0.0.1:${basePort}`;
    children.push(
      await startNode([...ENTRY, "tests/bench/webhook-baseline-server.ts"], { PORT: String(basePort), BENCH_APP_ID: DEV_ZALO_APP_ID, BENCH_OA_SECRET_KEY: DEV_ZALO_OA_SECRET_KEY }, `${baseUrl}/`, 30_000, true),
    );
    const web = await server("web", "khaibao.sqlite");

    // Warm up both (JIT, prepared statements). With 2,000 events each, the server's first
    // rounds still ran ~0.1 below its later ones: compare steady states.
    assertAllOk("baseline warm-up", await load({ url: baseUrl, amount: 10_000, connections: 32 }));
    assertAllOk("server warm-up", await load({ url: web.url, amount: 10_000, connections: 32 }));

    const roundSec = Math.max(2, opts.durationSec / 2);
    const ingest = await alternate(
      opts.rounds,
      async () => checked("baseline", await load({ url: baseUrl, durationSec: roundSec, connections: 32 })),
      async () => checked("ingest", await load({ url: web.url, durationSec: roundSec, connections: 32 })),
    );
    const fixed = checkedSteady("fixed rate", await steady(web.url, 1_000, opts.steadySec));
    await web.child.stop();
    const baselineFixed = checkedSteady("baseline fixed rate", await steady(baseUrl, 1_000, opts.steadySec));

    // The bot's side: a worker instance answers the backlog the web instance stored, for a
    // while (the answers are queued at once; sending them is paced by Zalo's rate limit and not
    // measured here). Counted in the database file, which the worker shares.
    const file = await openDatabase({ sqlitePath: path.join(dir, "khaibao.sqlite") });
    const pending = async () => Number((await file.get<{ n: number }>("SELECT COUNT(*) AS n FROM zalo_inbox WHERE state = 'pending'"))?.n);
    const worker = await server("worker", "khaibao.sqlite", "/healthz");
    const before = await pending();
    const started = Date.now();
    await new Promise((r) => setTimeout(r, opts.durationSec * 1000));
    const processedPerSecond = (before - (await pending())) / ((Date.now() - started) / 1000);
    await file.close();
    await worker.child.stop();

    const all = await server("all", "all-in-one.sqlite");
    assertAllOk("all-in-one warm-up", await load({ url: all.url, amount: 2_000, connections: 32 }));
    const allInOne = await load({ url: all.url, durationSec: opts.durationSec, connections: 32 });
    assertAllOk("all-in-one ingest", allInOne);

    return {
      webhookBaselineRps: round(ingest.baselineRps),
      webhookIngestRps: round(ingest.subjectRps),
      webhookIngestRatio: round(ingest.ratio, 2),
      webhookIngestRoundRatios: ingest.roundRatios,
      webhookP50MsAt1000: fixed.p50,
      webhookP99MsAt1000: fixed.p99,
      webhookMaxMsAt1000: fixed.max,
      webhookBaselineP50MsAt1000: baselineFixed.p50,
      webhookBaselineP99MsAt1000: baselineFixed.p99,
      webhookBotAnsweredPerSecond: round(processedPerSecond),
      webhookIngestAllInOneRps: round(allInOne.requests.total / allInOne.duration),
      webhookIngestAllInOneRatio: round(allInOne.requests.total / allInOne.duration / ingest.baselineRps, 2),
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The webhook load generator, for the PostgreSQL figures (tests/bench/postgres.ts). */
export { load as loadWebhooks };
