/**
 * `npm run bench`: every figure next to its baseline, measured in this run on this machine.
 * `npm run bench -- --json` prints one JSON object instead of the table.
 * `--quick` shortens the runs (for a smoke check; the README's figures come from a full run).
 */
import os from "node:os";
import { benchDeclarations } from "./declarations";
import { benchWebhookMemory } from "./memory";
import { benchPostgres } from "./postgres";
import { miniAppSizes } from "./sizes";
import { benchWebhook } from "./webhook";

const json = process.argv.includes("--json");
const quick = process.argv.includes("--quick");
// `--only declarations`, `--only webhook`, `--only memory` or `--only postgres`: one group (targets of the others are not judged).
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;

const targets: Record<string, { min?: number; max?: number }> = {
  declarationAcceptRatio: { min: 0.5 },
  webhookIngestRatio: { min: 0.7 },
  webhookP99MsAt1000: { max: 20 },
  declarationP99MsAt500: { max: 50 },
  outboxDrainSeconds: { max: 60 },
  memoryGrowthPct: { max: 10 },
  firstScreenJsGzKb: { max: 160 },
  firstScreenCssGzKb: { max: 20 },
};

async function main(): Promise<void> {
  const sizes = only ? {} : miniAppSizes();
  const decl = only && only !== "declarations" ? {} : await benchDeclarations({ durationSec: quick ? 3 : 10, steadySec: quick ? 3 : 30, backlog: quick ? 2_000 : 20_000, rounds: quick ? 2 : 8 });
  const hook = only && only !== "webhook" ? {} : await benchWebhook({ durationSec: quick ? 3 : 10, steadySec: quick ? 3 : 30, rounds: quick ? 2 : 8 });
  const memory = only && only !== "memory" ? {} : await benchWebhookMemory({ total: quick ? 10_000 : 100_000 });
  // PostgreSQL with two instances, when a server to create a scratch database on is given.
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const postgres =
    (only && only !== "postgres") || !pgUrl ? {} : await benchPostgres({ durationSec: quick ? 3 : 10, backlog: quick ? 2_000 : 20_000, databaseUrl: pgUrl });
  if (!pgUrl && !json) console.log("(PostgreSQL figures skipped: set BENCH_DATABASE_URL to a server where a scratch database may be created)");
  const figures: Record<string, number> = { ...decl, ...hook, ...memory, ...postgres, ...sizes };
  const meta = { date: new Date().toISOString(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, quick };
  const misses = Object.entries(targets).filter(([k, t]) => {
    const v = figures[k];
    if (v === undefined && only) return false;
    return v === undefined || (t.min !== undefined && v < t.min) || (t.max !== undefined && v > t.max);
  });
  if (json) {
    console.log(JSON.stringify({ ...figures, meta, targetsMissed: misses.map(([k]) => k) }));
  } else {
    console.log(`Khaibao benchmarks — ${meta.date}, ${meta.cpus} cores (${meta.cpuModel}), ${meta.memoryGb} GiB, Node ${meta.node}${quick ? " (quick)" : ""}`);
    for (const [k, v] of Object.entries(figures)) {
      const t = targets[k];
      const mark = t ? (misses.some(([m]) => m === k) ? "  MISSED" : "  ok") : "";
      const goal = t ? ` (target ${t.min !== undefined ? `>= ${t.min}` : `<= ${t.max}`})` : "";
      console.log(`  ${k.padEnd(26)} ${String(v).padStart(10)}${goal}${mark}`);
    }
  }
  process.exitCode = misses.length > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 2;
});
