import type { ExportQuery } from "@khaibao/shared";
import { AuditLog } from "../staff/audit";
import type { Database } from "../storage";
import type { DailyExport } from "./daily";
import { exportFile, type ExportFile } from "./format";

/**
 * One export, audit-logged: who (a staff account, or the CLI), when, which day, which kind and
 * format, and how many declarations it held. The entry is written before the file is handed
 * over, so a detailed export of personal data is never left unrecorded.
 */
export async function runExport(
  deps: { db: Database; daily: DailyExport; now: () => Date },
  query: ExportQuery,
  who: { actor: { id: string; username: string } | null; via: "console" | "cli"; requestId?: string | undefined; osUser?: string },
): Promise<ExportFile> {
  const file =
    query.kind === "summary" ? exportFile(query, { summary: await deps.daily.summary(query.date) }) : exportFile(query, { detail: await deps.daily.detail(query.date) });
  await new AuditLog(deps.db).record(
    {
      actor: who.actor,
      action: "export.downloaded",
      target: { type: "declarations_day", id: query.date },
      requestId: who.requestId,
      details: { date: query.date, kind: query.kind, format: query.format, rows: file.rows, via: who.via, ...(who.osUser ? { osUser: who.osUser } : {}), personalData: query.kind === "detail" },
    },
    deps.now(),
  );
  return file;
}
