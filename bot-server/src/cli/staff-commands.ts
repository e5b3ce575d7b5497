import { parseArgs } from "node:util";
import { z } from "zod";
import { parseWith, staffDisplayNameSchema, staffPasswordSchema, staffUsernameSchema, translate, messages, type FieldIssue } from "@khaibao/shared";
import { openDatabase, migrate, type Database } from "../storage";
import { AccountManagement, AccountRepository, DEFAULT_SCRYPT, type ScryptParams } from "../staff";
import { DEFAULT_LOCKOUT } from "../staff/throttle";

/**
 * `npm run staff -- <command>`: staff accounts from a shell, for the first admin and for when
 * nobody can sign in any more. Opens the configured database (DATABASE_URL or SQLITE_PATH, as
 * the server does) and runs migrations first.
 */
export const USAGE = `Usage: npm run staff -- <command> [options]

Commands:
  create-admin    --username <u> --name "<display name>" (--password-stdin | --password <p>)
                  Create an admin account. Prefer --password-stdin: --password stays in shell history.
                  e.g. read -rs PW && printf '%s' "$PW" | npm run staff -- create-admin --username an.nguyen --name "Nguyễn An" --password-stdin
  reset-password  --username <u> (--password-stdin | --password <p>) [--must-change]
                  Set a new password, end the account's sessions and clear a lockout.
  list            List accounts (username, role, state, last login).

Reads DATABASE_URL (postgres://...) or SQLITE_PATH (default ./data/khaibao.sqlite).`;

export interface CliIo {
  env: Record<string, string | undefined>;
  /** The whole of standard input (for --password-stdin). */
  readStdin: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Tests lower the scrypt cost. */
  hashing?: ScryptParams;
}

class UsageError extends Error {}

const dbEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  SQLITE_PATH: z.string().default("./data/khaibao.sqlite"),
});

function check<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const parsed = parseWith(schema, value);
  if (parsed.ok) return parsed.data;
  const why = parsed.issues.map((i: FieldIssue) => translate(messages, i.code, "en", i.params)).join("; ");
  throw new UsageError(`${label}: ${why}`);
}

async function readPassword(values: { password?: string | undefined; "password-stdin"?: boolean | undefined }, io: CliIo): Promise<string> {
  if (values.password !== undefined && values["password-stdin"]) throw new UsageError("give either --password or --password-stdin, not both");
  let password: string;
  if (values["password-stdin"]) password = (await io.readStdin()).replace(/\r?\n$/, "");
  else if (values.password !== undefined) {
    io.err("warning: --password is visible in shell history and process lists; prefer --password-stdin");
    password = values.password;
  } else throw new UsageError("a password is required: --password-stdin (recommended) or --password <p>");
  return check(staffPasswordSchema, password, "password");
}

async function withDatabase<T>(io: CliIo, fn: (db: Database) => Promise<T>): Promise<T> {
  const env = dbEnvSchema.parse(Object.fromEntries(Object.entries(io.env).filter(([, v]) => v !== undefined && v !== "")));
  const db = await openDatabase({ ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}), sqlitePath: env.SQLITE_PATH, poolMax: 2 });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const management = (db: Database, io: CliIo) => new AccountManagement({ db, hashing: io.hashing ?? DEFAULT_SCRYPT, lockout: DEFAULT_LOCKOUT, now: () => new Date() });

/** Runs one command; returns the process exit code (0 done, 1 failed, 2 usage). */
export async function runStaffCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        username: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        "password-stdin": { type: "boolean" },
        "must-change": { type: "boolean" },
      },
      strict: true,
    });
    switch (command) {
      case "create-admin": {
        const username = check(staffUsernameSchema, values.username, "--username");
        const displayName = check(staffDisplayNameSchema, values.name, "--name");
        const password = await readPassword(values, io);
        return await withDatabase(io, async (db) => {
          if (await new AccountRepository(db).byUsername(username)) {
            io.err(`An account named ${username} already exists; use reset-password to set its password.`);
            return 1;
          }
          const account = await management(db, io).create({ username, displayName, role: "admin", password }, null, { mustChangePassword: false, via: "cli" });
          io.out(`Created admin ${account.username} (${account.id}). Sign in at /console/.`);
          return 0;
        });
      }
      case "reset-password": {
        const username = check(staffUsernameSchema, values.username, "--username");
        const password = await readPassword(values, io);
        return await withDatabase(io, async (db) => {
          const account = await new AccountRepository(db).byUsername(username);
          if (!account) {
            io.err(`No account named ${username}.`);
            return 1;
          }
          await management(db, io).resetPassword(account.id, password, null, { mustChange: values["must-change"] === true, via: "cli" });
          io.out(`Password of ${username} set; its sessions were ended and any lockout cleared.`);
          return 0;
        });
      }
      case "list":
        return await withDatabase(io, async (db) => {
          const accounts = await management(db, io).list();
          if (accounts.length === 0) io.out("No staff accounts yet: create the first with create-admin.");
          for (const a of accounts) {
            const state = a.disabled ? "disabled" : a.lockedUntil ? `locked until ${a.lockedUntil}` : "active";
            io.out([a.username.padEnd(20), a.role.padEnd(19), state.padEnd(12), `last login ${a.lastLoginAt ?? "never"}`].join(" "));
          }
          return 0;
        });
      case undefined:
      case "help":
      case "--help":
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`error: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
}
