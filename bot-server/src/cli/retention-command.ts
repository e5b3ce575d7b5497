import { z } from "zod";
import { createRetentionJob } from "../privacy/retention/job";
import { AuditLog } from "../staff/audit";
import { migrate, openDatabase } from "../storage";

/**
 * `npm run retention`: one run of the personal-data retention job now, against the configured
 * database (DATABASE_URL or SQLITE_PATH, as the server), with RETENTION_DAYS. Safe beside running
 * servers: on PostgreSQL only one run holds the lock, the others skip. Exit code 0 done or
 * skipped, 1 failed (the error is also in the run's row, shown in the console).
 */
const cliEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  SQLITE_PATH: z.string().default("./data/khaibao.sqlite"),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export interface RetentionCliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => Date;
}

export async function runRetentionCli(io: RetentionCliIo): Promise<number> {
  const parsed = cliEnvSchema.safeParse(Object.fromEntries(Object.entries(io.env).filter(([, v]) => v !== undefined && v !== "")));
  if (!parsed.success) {
    io.err(`configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return 2;
  }
  const env = parsed.data;
  const db = await openDatabase({ ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}), sqlitePath: env.SQLITE_PATH, poolMax: 2 });
  try {
    await migrate(db);
    const job = createRetentionJob({ db, audit: new AuditLog(db), retentionDays: env.RETENTION_DAYS, now: io.now ?? (() => new Date()) });
    const outcome = await job.run("cli");
    if (outcome.skipped) {
      io.out("skipped: another instance is running the retention job");
      return 0;
    }
    const { run } = outcome;
    io.out(
      `run ${run.id}: cutoff ${run.cutoff}; declarations purged ${run.declarationsPurged}, webhook bodies ${run.inboxPurged}, ` +
        `messages ${run.messagesPurged}, deletion requests completed ${run.deletionRequestsDone}`,
    );
    if (run.error) {
      io.err(`failed: ${run.error}`);
      return 1;
    }
    return 0;
  } finally {
    await db.close();
  }
}
