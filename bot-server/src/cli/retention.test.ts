import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../storage";
import { runRetentionCli } from "./retention-command";

const dir = mkdtempSync(path.join(tmpdir(), "khaibao-retention-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run retention", () => {
  it("when run against a database, then it migrates, runs the job once, prints its counts and records the run", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const sqlitePath = path.join(dir, "k.sqlite");
    const code = await runRetentionCli({ env: { SQLITE_PATH: sqlitePath, RETENTION_DAYS: "7" }, out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date("2026-11-28T00:00:00.000Z") });
    expect([code, err]).toEqual([0, []]);
    expect(out).toEqual(["run 1: cutoff 2026-11-21T00:00:00.000Z; declarations purged 0, webhook bodies 0, messages 0, deletion requests completed 0"]);
    const db = await openDatabase({ sqlitePath });
    try {
      expect(await db.all("SELECT run_trigger, cutoff, error FROM privacy_retention_runs")).toEqual([{ run_trigger: "cli", cutoff: "2026-11-21T00:00:00.000Z", error: null }]);
    } finally {
      await db.close();
    }
  });

  it("when RETENTION_DAYS is not a number of days, then exit code 2 names it", async () => {
    const err: string[] = [];
    expect(await runRetentionCli({ env: { SQLITE_PATH: path.join(dir, "x.sqlite"), RETENTION_DAYS: "0" }, out: () => {}, err: (l) => err.push(l) })).toBe(2);
    expect(err.join()).toMatch(/RETENTION_DAYS/);
  });
});
