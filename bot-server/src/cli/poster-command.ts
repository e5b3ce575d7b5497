import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkpointIdSchema, posterSizeSchema, POSTER_FORMATS } from "@khaibao/shared";
import { loadAdminUnits } from "../admin-units";
import { renderPoster } from "../checkpoints/posters";
import { posterContent } from "../checkpoints/posters/content";
import { CheckpointRepository, isActive } from "../checkpoints/repository";
import { cliEnv, miniAppIdOf, publicBaseUrlOf, UsageError, withDatabase } from "./operator-env";

export const POSTER_USAGE = `Usage: npm run poster -- <checkpoint id> --out <dir> [--size A4|A3]
       npm run poster -- --all --out <dir> [--size A4|A3]     (every checkpoint active now)

Writes <id>.pdf, <id>.png (150 dpi) and <id>.svg into <dir>: the checkpoint's poster with the
QR code of its Zalo deep link https://zalo.me/s/<ZALO_MINI_APP_ID>/?checkpoint=<id>&utm_source=zalo-qr
and the fallback address PUBLIC_BASE_URL/app/?checkpoint=<id>.

Reads DATABASE_URL (postgres://...) or SQLITE_PATH (default ./data/khaibao.sqlite),
ZALO_MINI_APP_ID and PUBLIC_BASE_URL (both required when NODE_ENV=production).`;

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => Date;
}

/** Runs `npm run poster`; returns the exit code (0 done, 1 failed, 2 usage). */
export async function runPosterCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { out: { type: "string" }, size: { type: "string" }, all: { type: "boolean" }, help: { type: "boolean" } }, allowPositionals: true, strict: true });
    if (values.help) {
      io.out(POSTER_USAGE);
      return 0;
    }
    if (values.all ? positionals.length !== 0 : positionals.length !== 1) throw new UsageError("give exactly one checkpoint id, or --all");
    const id = values.all ? undefined : checkpointIdSchema.safeParse(positionals[0]);
    if (id && !id.success) throw new UsageError(`"${positionals[0]}" is not a checkpoint id (e.g. HN-PHAPVAN)`);
    if (!values.out) throw new UsageError("--out <dir> is required");
    const size = posterSizeSchema.safeParse(values.size?.toUpperCase() ?? "A4");
    if (!size.success) throw new UsageError("--size must be A4 or A3");
    const env = cliEnv(io.env);
    const miniAppId = miniAppIdOf(env);
    const publicBaseUrl = publicBaseUrlOf(env);
    const now = (io.now ?? (() => new Date()))();
    const checkpoints = await withDatabase(env, async (db) => {
      const repo = new CheckpointRepository(db);
      if (!id) return (await repo.list()).filter((c) => isActive(c, now));
      const one = await repo.get(id.data);
      return one ? [one] : [];
    });
    if (checkpoints.length === 0) {
      io.err(id ? `No checkpoint ${id.data} in the registry.` : "No active checkpoint in the registry.");
      return 1;
    }
    const units = loadAdminUnits();
    const places = { provinceName: (c: string) => units.province(c)?.name, wardName: (c: string) => units.ward(c)?.name };
    await mkdir(values.out, { recursive: true });
    for (const checkpoint of checkpoints) {
      const content = posterContent(checkpoint, { places, miniAppId, publicBaseUrl });
      for (const format of POSTER_FORMATS) {
        const file = path.join(values.out, `${checkpoint.id}.${format}`);
        await writeFile(file, await renderPoster(content, format, size.data, now));
        io.out(`wrote ${file}`);
      }
      io.out(`QR: ${content.deepLink}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`error: ${(error as Error).message}\n\n${POSTER_USAGE}`);
      return 2;
    }
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
}
