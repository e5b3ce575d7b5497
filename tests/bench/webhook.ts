/**
 * Webhook benchmarks: how fast the real server acknowledges signed Zalo events (signature over
 * the raw bytes, lossless JSON, zod union, durable inbox row with group commit; the bot answers
 * behind it through the OA stand-in) compared with a bare Express handler that only hashes and
 * parses; and the real server's p99 latency at a fixed 1,000 events/s. Both servers run as their
 * own processes; autocannon runs here, every request a distinct `user_send_text` (its own msg_id).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { DEV_ZALO_APP_ID, DEV_ZALO_OA_SECRET_KEY } from "../../bot-server/src/standins/zalo-oa/dev";
import { freePort, startNode, type Child } from "./processes";
import { signedUserText } from "./signed-events";
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

export interface WebhookBench {
  webhookBaselineRps: number;
  webhookIngestRps: number;
  webhookIngestRatio: number;
  webhookP99MsAt1000: number;
}

function assertAllOk(name: string, r: autocannon.Result): void {
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx answers and ${r.errors} errors out of ${r.requests.total}`);
}

export async function benchWebhook(opts: { durationSec: number }): Promise<WebhookBench> {
  const dir = mkdtempSync(path.join(tmpdir(), "khaibao-bench-webhook-"));
  const children: Child[] = [];
  try {
    const basePort = await freePort();
    const baseUrl = `http://127.0.0.1:${basePort}`;
    children.push(
      await startNode([...ENTRY, "tests/bench/webhook-baseline-server.ts"], { PORT: String(basePort), BENCH_APP_ID: DEV_ZALO_APP_ID, BENCH_OA_SECRET_KEY: DEV_ZALO_OA_SECRET_KEY }, `${baseUrl}/`, 30_000, true),
    );
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Development defaults: the Zalo ids above, the OA stand-in answering the bot's replies.
    children.push(await startNode([...ENTRY, "bot-server/src/main.ts"], { NODE_ENV: "development", INSTANCE_ROLE: process.env.BENCH_ROLE ?? "all", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", SQLITE_PATH: path.join(dir, "khaibao.sqlite") }, `${url}/readyz`));

    // Warm up both (JIT, prepared statements).
    assertAllOk("baseline warm-up", await load({ url: baseUrl, amount: 2_000, connections: 32 }));
    assertAllOk("server warm-up", await load({ url, amount: 2_000, connections: 32 }));

    const baseline = await load({ url: baseUrl, durationSec: opts.durationSec, connections: 32 });
    assertAllOk("baseline", baseline);
    const ingest = await load({ url, durationSec: opts.durationSec, connections: 32 });
    assertAllOk("ingest", ingest);
    const fixed = await load({ url, durationSec: opts.durationSec, connections: 32, overallRate: 1_000 });
    assertAllOk("fixed rate", fixed);

    return {
      webhookBaselineRps: round(baseline.requests.average),
      webhookIngestRps: round(ingest.requests.average),
      webhookIngestRatio: round(ingest.requests.average / baseline.requests.average, 2),
      webhookP99MsAt1000: fixed.latency.p99,
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The webhook load generator, for the PostgreSQL figures (tests/bench/postgres.ts). */
export { load as loadWebhooks };
