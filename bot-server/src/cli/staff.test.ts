import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../storage";
import { staffTestApp, TEST_SCRYPT } from "../staff/testing";
import { runStaffCli, type CliIo } from "./staff-commands";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("staff CLI", () => {
  let dir: string;
  let sqlite: string;
  let out: string[];
  let err: string[];

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "khaibao-cli-"));
    sqlite = path.join(dir, "khaibao.sqlite");
    out = [];
    err = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const io = (stdin = ""): CliIo => ({
    env: { SQLITE_PATH: sqlite },
    readStdin: async () => stdin,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    hashing: TEST_SCRYPT,
  });

  async function canLogin(username: string, password: string): Promise<number> {
    const db = await openDatabase({ sqlitePath: sqlite });
    try {
      return (await request(staffTestApp(db).app).post("/api/staff/login").send({ username, password })).status;
    } finally {
      await db.close();
    }
  }

  it("when create-admin runs as documented (npm run staff, password on stdin) against a new SQLite file, then that admin can sign in", () => {
    const run = spawnSync("npm", ["run", "--silent", "staff", "--", "create-admin", "--username", "An.Nguyen", "--name", "Nguyễn Văn An", "--password-stdin"], {
      cwd: root,
      input: "mật khẩu quản trị\n",
      env: { ...process.env, SQLITE_PATH: sqlite, NODE_ENV: "development" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Created admin an\.nguyen \([0-9a-f-]{36}\)/);
    return expect(canLogin("an.nguyen", "mật khẩu quản trị")).resolves.toBe(200);
  }, 60_000);

  it("when the account exists already, then create-admin refuses and changes nothing", async () => {
    expect(await runStaffCli(["create-admin", "--username", "boss", "--name", "Boss", "--password-stdin"], io("first password"))).toBe(0);
    expect(await runStaffCli(["create-admin", "--username", "boss", "--name", "Boss", "--password-stdin"], io("second password"))).toBe(1);
    expect(err.join("\n")).toContain("already exists");
    expect(await canLogin("boss", "first password")).toBe(200);
  });

  it("when reset-password runs, then the new password works, the old does not, and a lockout is cleared", async () => {
    await runStaffCli(["create-admin", "--username", "boss", "--name", "Boss", "--password", "first password"], io());
    expect(err.join("\n")).toContain("prefer --password-stdin");
    const db = await openDatabase({ sqlitePath: sqlite });
    const t = staffTestApp(db);
    for (let i = 0; i < 10; i++) await request(t.app).post("/api/staff/login").send({ username: "boss", password: "wrong wrong" });
    expect((await request(t.app).post("/api/staff/login").send({ username: "boss", password: "first password" })).status).toBe(429);
    await db.close();

    expect(await runStaffCli(["reset-password", "--username", "boss", "--password-stdin"], io("brand new password\n"))).toBe(0);
    expect(await canLogin("boss", "first password")).toBe(401);
    expect(await canLogin("boss", "brand new password")).toBe(200);
    expect(await runStaffCli(["list"], io())).toBe(0);
    expect(out.at(-1)).toMatch(/^boss\s+admin\s+active\s+last login 20/);
  });

  it.each([
    [["create-admin", "--username", "x", "--name", "X", "--password", "long enough pw"], "--username"],
    [["create-admin", "--username", "boss", "--name", "Boss", "--password", "short"], "at least 10"],
    [["create-admin", "--username", "boss", "--name", "Boss"], "a password is required"],
    [["create-admin", "--username", "boss", "--name", "Boss", "--pasword", "typo"], "Unknown option"],
    [["make-admin"], 'unknown command "make-admin"'],
  ])("when the arguments are %j, then it exits 2 explaining %j", async (argv, why) => {
    expect(await runStaffCli(argv, io())).toBe(2);
    expect(err.join("\n")).toContain(why);
    expect(err.join("\n")).toContain("Usage: npm run staff");
  });
});
