import type { Logger } from "pino";
import { staffPasswordSchema, staffUsernameSchema } from "@khaibao/shared";
import type { AccountRepository } from "./accounts";
import type { AccountManagement } from "./manage";

/** `username:password`, split at the first colon (a password may contain colons). */
export function parseBootstrapAdmin(value: string): { username: string; password: string } | undefined {
  const colon = value.indexOf(":");
  if (colon < 1) return undefined;
  const username = staffUsernameSchema.safeParse(value.slice(0, colon));
  const password = staffPasswordSchema.safeParse(value.slice(colon + 1));
  return username.success && password.success ? { username: username.data, password: password.data } : undefined;
}

/**
 * Development only (config refuses `STAFF_BOOTSTRAP_ADMIN` in production): creates the named
 * admin when that username does not exist yet. An existing account is left alone, so a changed
 * password is never silently reset by a restart.
 */
export async function bootstrapAdmin(value: string, deps: { accounts: AccountRepository; manage: AccountManagement; logger: Pick<Logger, "info"> }): Promise<void> {
  const parsed = parseBootstrapAdmin(value);
  if (!parsed) throw new Error("STAFF_BOOTSTRAP_ADMIN must be username:password (username 3-32 of a-z 0-9 . _ -, password at least 10 characters)");
  if (await deps.accounts.byUsername(parsed.username)) return;
  await deps.manage.create(
    { username: parsed.username, displayName: parsed.username, role: "admin", password: parsed.password },
    null,
    { mustChangePassword: false, via: "STAFF_BOOTSTRAP_ADMIN" },
  );
  deps.logger.info({ username: parsed.username }, "created the development admin from STAFF_BOOTSTRAP_ADMIN");
}
