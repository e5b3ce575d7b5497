/**
 * The PostgreSQL deployment shape: two web instances on one database taking the HTTP load at the
 * same time, then two worker instances forwarding the backlog (each its own process, the external
 * systems' stand-ins in theirs), compared with the same bare baselines as the SQLite figures. Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): a
 * PostgreSQL server where a scratch database may be created and dropped.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type autocannon from "autocannon";
import { BACKEND_TOKEN, backendCount, control, FAMILIES, load, waitFor } from "./declarations";
import { assertAllOk } from "./side-by-side";
import { freePort, SERVER_ENTRY, startNode, type Child } from "./processes";
import { round } from "./sizes";
import { loadWebhooks } from "./webhook";

const ENTRY = ["--import", "tsx"];

export interface PostgresBench {
  pgBaselineRps: number;
  pgDeclarationAcceptRps: number;
  pgDeclarationAcceptRatio: number;
  pgOutboxBacklog: number;
  pgOutboxDrainSeconds: number;
  pgOutboxDrainPerSecond: number;
  pgWebhookBaselineRps: number;
  pgWebhookIngestRps: number;
  pgWebhookIngestRatio: number;
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs one load per instance at the same time; the figure is their sum. */
async function together(loads: Array<Promise<autocannon.Result>>): Promise<{ rps: number; results: autocannon.Result[] }> {
  const results = await Promise.all(loads);
  return { rps: results.reduce((sum, r) => sum + r.requests.average, 0), results };
}

export async function benchPostgres(opts: { durationSec: number; backlog: number; databaseUrl: string }): Promise<PostgresBench> {
  const dir = mkdtempSync(path.join(tmpdir(), "khaibao-bench-pg-"));
  const database = `khaibao_bench_${randomBytes(4).toString("hex")}`;
  await admin(opts.databaseUrl, `CREATE DATABASE ${database}`);
  const children: Child[] = [];
  try {
    const dbUrl = new URL(opts.databaseUrl);
    dbUrl.pathname = `/${database}`;
    const backendPort = await freePort();
    const backendUrl = `http://127.0.0.1:${backendPort}`;
    children.push(await startNode([...ENTRY, "bot-server/src/standins/declaration-backend/main.ts", "--port", String(backendPort), "--db", path.join(dir, "backend.sqlite"), "--token", BACKEND_TOKEN], {}, `${backendUrl}/v1/declarations?count`, 30_000, true));
    const graphPort = await freePort();
    const graphUrl = `http://127.0.0.1:${graphPort}`;
    children.push(await startNode([...ENTRY, "bot-server/src/standins/zalo-graph/main.ts", "--port", String(graphPort)], {}, `${graphUrl}/v2.0/me`, 30_000, true));
    const oaPort = await freePort();
    const oaUrl = `http://127.0.0.1:${oaPort}`;
    children.push(await startNode([...ENTRY, "bot-server/src/standins/zalo-oa/main.ts", "--port", String(oaPort)], {}, `${oaUrl}/__state`, 30_000, true));
    const basePort = await freePort();
    const baseUrl = `http://127.0.0.1:${basePort}`;
    children.push(await startNode([...ENTRY, "tests/bench/baseline-server.ts"], { PORT: String(basePort) }, `${baseUrl}/`, 30_000, true));
    const hookBasePort = await freePort();
    const hookBaseUrl = `http://127.0.0.1:${hookBasePort}`;
    const { DEV_ZALO_APP_ID, DEV_ZALO_OA_SECRET_KEY, DEV_ZALO_OA_REFRESH_TOKEN } = await import("../../bot-server/src/standins/zalo-oa/dev");
    children.push(await startNode([...ENTRY, "tests/bench/webhook-baseline-server.ts"], { PORT: String(hookBasePort), BENCH_APP_ID: DEV_ZALO_APP_ID, BENCH_OA_SECRET_KEY: DEV_ZALO_OA_SECRET_KEY }, `${hookBaseUrl}/`, 30_000, true));

    const shared = {
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATABASE_URL: dbUrl.toString(),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      RECEIPT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "der" }).toString("base64"),
      DECLARATION_BACKEND_URL: backendUrl,
      DECLARATION_BACKEND_TOKEN: BACKEND_TOKEN,
      ZALO_GRAPH_URL: graphUrl,
      ZALO_OA_API_URL: oaUrl,
      ZALO_OAUTH_URL: oaUrl,
      ZALO_OA_REFRESH_TOKEN: DEV_ZALO_OA_REFRESH_TOKEN,
      OUTBOX_RETRY_BASE_MS: "1000",
      OUTBOX_RETRY_MAX_MS: "5000",
      OUTBOX_MAX_ATTEMPTS: "1000",
    };
    // Two instances of each role, the layout docs/DEPLOY.md describes for a province: web
    // instances take the HTTP load (as the SQLite figures measure a web instance), worker
    // instances forward and run the bot. Each phase runs two instances on one database.
    const instances = async (role: "web" | "worker"): Promise<Array<{ url: string; child: Child }>> => {
      const out: Array<{ url: string; child: Child }> = [];
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        // One after the other: the second finds the migrations done (they are advisory-locked anyway).
        const child = await startNode(SERVER_ENTRY, { ...shared, INSTANCE_ROLE: role, PORT: String(port) }, `${url}/readyz`, 60_000);
        children.push(child);
        out.push({ url, child });
      }
      return out;
    };
    const web = await instances("web");
    const urls = web.map((w) => w.url);

    // Declarations: each instance's families warmed on that instance (tokens cached per instance).
    assertAllOk("baseline warm-up", await load({ url: baseUrl, amount: 2_000, connections: 32, citizens: "fresh" }));
    for (const [i, url] of urls.entries()) assertAllOk(`instance ${i} warm-up`, await load({ url, amount: FAMILIES, connections: 32, citizens: "families", familyPrefix: `pg${i}-` }));
    const baseline = await load({ url: baseUrl, durationSec: opts.durationSec, connections: 32, citizens: "fresh" });
    assertAllOk("baseline", baseline);
    const accept = await together(urls.map((url, i) => load({ url, durationSec: opts.durationSec, connections: 16, citizens: "families", familyPrefix: `pg${i}-` })));
    accept.results.forEach((r, i) => assertAllOk(`accept on instance ${i}`, r));

    // Drain: a backlog queued through both web instances while the backend is down, then two
    // worker instances forward it (with everything accepted above), nothing else to do.
    // Nothing has been forwarded yet (web instances do not forward); the count is asked while the
    // backend is up, since a backend that is down refuses every connection.
    const before = await backendCount(backendUrl);
    await control(backendUrl, { down: true });
    const queued = await together(urls.map((url) => load({ url, amount: Math.ceil(opts.backlog / 2), connections: 16, citizens: "fresh" })));
    queued.results.forEach((r, i) => assertAllOk(`backlog through instance ${i}`, r));
    await Promise.all(web.map((w) => w.child.stop()));
    const client = new pg.Client({ connectionString: dbUrl.toString() });
    await client.connect();
    const waiting = Number((await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM declaration_outbox WHERE state <> 'done'")).rows[0]?.n);
    await client.end();
    await control(backendUrl, { down: false });
    // Timed from the backend's return, the workers' start included.
    const started = Date.now();
    const workers = await instances("worker");
    const drained = await waitFor(async () => (await backendCount(backendUrl)) >= before + waiting, 240_000);
    const drainSeconds = (Date.now() - started) / 1000;

    // Webhooks: two web instances again (the workers stopped: their bot would answer the
    // events as they come) take Zalo's deliveries at once.
    await Promise.all(workers.map((w) => w.child.stop()));
    const urls2 = (await instances("web")).map((w) => w.url);
    // Warmed up like the SQLite figures (JIT, pools), the baseline too.
    assertAllOk("webhook baseline warm-up", await loadWebhooks({ url: hookBaseUrl, amount: 10_000, connections: 32 }));
    for (const [i, url] of urls2.entries()) assertAllOk(`webhook warm-up on instance ${i}`, await loadWebhooks({ url, amount: 5_000, connections: 16 }));
    const hookBaseline = await loadWebhooks({ url: hookBaseUrl, durationSec: opts.durationSec, connections: 32 });
    assertAllOk("webhook baseline", hookBaseline);
    const ingest = await together(urls2.map((url) => loadWebhooks({ url, durationSec: opts.durationSec, connections: 16 })));
    ingest.results.forEach((r, i) => assertAllOk(`webhook ingest on instance ${i}`, r));

    return {
      pgBaselineRps: round(baseline.requests.average),
      pgDeclarationAcceptRps: round(accept.rps),
      pgDeclarationAcceptRatio: round(accept.rps / baseline.requests.average, 2),
      pgOutboxBacklog: waiting,
      pgOutboxDrainSeconds: drained ? round(drainSeconds) : Number.POSITIVE_INFINITY,
      pgOutboxDrainPerSecond: drained ? round(waiting / drainSeconds) : 0,
      pgWebhookBaselineRps: round(hookBaseline.requests.average),
      pgWebhookIngestRps: round(ingest.rps),
      pgWebhookIngestRatio: round(ingest.rps / hookBaseline.requests.average, 2),
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await admin(opts.databaseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
