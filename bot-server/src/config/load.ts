import { envSchema, REQUIRED_IN_PRODUCTION, DEV_SECRET_PREFIX, type Env } from "./schema";
import { ConfigError } from "./errors";

/**
 * Reads and validates the environment once, at start. Every problem is collected so that the
 * operator sees all missing or bad variables in one message, each named.
 */
export function loadConfig(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset: `FOO= npm start` must not smuggle an empty secret in.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production") {
    for (const name of REQUIRED_IN_PRODUCTION) {
      const value = env[name];
      if (value === undefined) problems.push(`${name}: required in production`);
      else if (String(value).startsWith(DEV_SECRET_PREFIX)) problems.push(`${name}: a development default cannot be used in production`);
    }
    if (env.PUBLIC_BASE_URL && !env.PUBLIC_BASE_URL.startsWith("https://")) problems.push("PUBLIC_BASE_URL: must be https:// in production");
    if (env.SEED_CHECKPOINTS === "true") problems.push("SEED_CHECKPOINTS: demo checkpoints cannot be seeded in production");
    // Without signer certificates no citizen's vaccination certificate can be checked, offline or not.
    if (!env.VACCINATION_TRUST_FILES && !env.VACCINATION_TRUST_URL) problems.push("VACCINATION_TRUST_FILES: required in production (or VACCINATION_TRUST_URL): the signer certificates vaccination certificates are checked against");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return env;
}
