import { mkdir, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportQuerySchema, messages, parseWith, translate } from "@khaibao/shared";
import { loadAdminUnits } from "../admin-units";
import { DailyExport, runExport } from "../exports";
import { createFieldCipher } from "../privacy";
import { cliEnv, devKeyFileOf, UsageError, withDatabase } from "./operator-env";
import type { CliIo } from "./poster-command";

export const EXPORT_USAGE = `Usage: npm run export -- --date YYYY-MM-DD [--format csv|json] [--kind summary|detail] --out <file>

The department's daily export: declarations of one day (Asia/Ho_Chi_Minh) by destination ward
and by checkpoint (summary, default), or every declaration with its personal fields (detail).
CSV is UTF-8 with a byte order mark (Excel shows Vietnamese). Every run is written to the audit
log as actor "cli".

Reads DATABASE_URL (postgres://...) or SQLITE_PATH (default ./data/khaibao.sqlite), and
DATA_ENCRYPTION_KEY for the detail (required when NODE_ENV=production).`;

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

/** Runs `npm run export`; returns the exit code (0 done, 1 failed, 2 usage). */
export async function runExportCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { date: { type: "string" }, format: { type: "string" }, kind: { type: "string" }, out: { type: "string" }, help: { type: "boolean" } },
      strict: true,
    });
    if (values.help) {
      io.out(EXPORT_USAGE);
      return 0;
    }
    const query = parseWith(exportQuerySchema, { date: values.date, format: values.format, kind: values.kind });
    if (!query.ok) throw new UsageError(query.issues.map((i) => `--${i.path}: ${translate(messages, i.code, "en", i.params)}`).join("; "));
    if (!values.out) throw new UsageError("--out <file> is required");
    const out = values.out;
    const env = cliEnv(io.env);
    const now = io.now ?? (() => new Date());
    const cipher = await createFieldCipher({ keys: env.DATA_ENCRYPTION_KEY, allowDevKey: !env.production, devKeyFile: devKeyFileOf(env) });
    const units = loadAdminUnits();
    const places = { provinceName: (c: string) => units.province(c)?.name, wardName: (c: string) => units.ward(c)?.name };
    const file = await withDatabase(env, (db) =>
      runExport({ db, daily: new DailyExport({ db, cipher, places, now }), now }, query.data, { actor: { id: "cli", username: "cli" }, via: "cli", osUser: osUser() }),
    );
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, file.body);
    io.out(`wrote ${out}: ${file.rows} declaration(s) of ${query.data.date} (${query.data.kind}, ${query.data.format})`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`error: ${(error as Error).message}\n\n${EXPORT_USAGE}`);
      return 2;
    }
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
}
