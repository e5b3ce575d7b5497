import { z } from "zod";

/**
 * Every setting the server reads, from environment variables only. Each entry documents itself
 * (the README's configuration table is written from these descriptions). Values that are
 * secrets have no default in production: `loadConfig` refuses to start without them.
 */
export const DEV_SECRET_PREFIX = "dev-only-";

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: port.default(3000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PUBLIC_BASE_URL: optionalUrl,
  TRUST_PROXY: z.string().optional(),
  CORS_ORIGINS: z.string().default("https://h5.zdn.vn,https://h5.zadn.vn"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
  SQLITE_PATH: z.string().default("./data/khaibao.sqlite"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  ZALO_APP_ID: z.string().min(1).optional(),
  ZALO_APP_SECRET: z.string().min(1).optional(),
  ZALO_OA_ID: z.string().regex(/^\d+$/, "must be the numeric OA id").optional(),
  ZALO_OA_SECRET_KEY: z.string().min(1).optional(),
  ZALO_MINI_APP_ID: z.string().regex(/^\d+$/, "must be the numeric Mini App id").optional(),
  DECLARATION_BACKEND_URL: optionalUrl,
  DECLARATION_BACKEND_TOKEN: z.string().optional(),
  VACCINATION_REGISTRY_URL: optionalUrl,
  DATA_ENCRYPTION_KEY: z.string().optional(),
  RECEIPT_SIGNING_KEY: z.string().optional(),
  MINI_APP_DIR: z.string().optional(),
  SEED_CHECKPOINTS: z.enum(["true", "false"]).optional(),
  RECEIPT_VALIDITY_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(72),
});
export type Env = z.infer<typeof envSchema>;

/** Variables production refuses to run without (a real deployment must name its peers and keys). */
export const REQUIRED_IN_PRODUCTION = [
  "PUBLIC_BASE_URL",
  "DATABASE_URL",
  "ZALO_APP_ID",
  "ZALO_APP_SECRET",
  "ZALO_OA_ID",
  "ZALO_OA_SECRET_KEY",
  "ZALO_MINI_APP_ID",
  "DECLARATION_BACKEND_URL",
  "VACCINATION_REGISTRY_URL",
  "DATA_ENCRYPTION_KEY",
  "RECEIPT_SIGNING_KEY",
] as const satisfies readonly (keyof Env)[];

/** One line per variable for the README table and `--help`. */
export const ENV_DOCS: Record<keyof Env, string> = {
  NODE_ENV: "development (default: stand-ins and dev keys), test, or production (real peers only; refuses dev defaults)",
  PORT: "HTTP port (default 3000; 0 picks a free one)",
  HOST: "Interface to listen on (default 0.0.0.0)",
  LOG_LEVEL: "pino log level (default info)",
  PUBLIC_BASE_URL: "https:// address the server is reached at (links in bot messages, posters). Required in production",
  CORS_ORIGINS: "Comma-separated origins allowed to call /api/ from a browser (default: Zalo's mini app hosts https://h5.zdn.vn,https://h5.zadn.vn)",
  TRUST_PROXY: "Express trust proxy setting when behind a TLS-terminating proxy (e.g. 1 or loopback)",
  DATABASE_URL: "postgres:// URL; when unset the embedded SQLite file is used. Required in production (several instances)",
  SQLITE_PATH: "SQLite file when DATABASE_URL is unset (default ./data/khaibao.sqlite)",
  DATABASE_POOL_MAX: "PostgreSQL pool size per instance (default 10)",
  ZALO_APP_ID: "Zalo app id (developers.zalo.me), used for the webhook signature and OAuth",
  ZALO_APP_SECRET: "Zalo app secret key (server side only; Graph API proof, token refresh)",
  ZALO_OA_ID: "Our Official Account id; webhooks for any other OA are rejected",
  ZALO_OA_SECRET_KEY: "The OA secret key shown on the app's webhook page (webhook signature)",
  ZALO_MINI_APP_ID: "The Mini App id (deep links https://zalo.me/s/<id>/, bot buttons, posters)",
  DECLARATION_BACKEND_URL: "Base URL of the declaration backend. Unset in development: the local stand-in is started",
  DECLARATION_BACKEND_TOKEN: "Bearer token for the declaration backend, if it requires one",
  VACCINATION_REGISTRY_URL: "Base URL of the vaccination registry. Unset in development: the local stand-in is started",
  DATA_ENCRYPTION_KEY: "Key(s) for personal fields at rest: base64 32-byte AES-256 key, or id:key,id:key (first encrypts). Dev: generated file under ./data/",
  RECEIPT_SIGNING_KEY: "Ed25519 private key(s) for receipts: PKCS#8 PEM or base64 DER, optionally id:key,... Dev: generated file under ./data/",
  MINI_APP_DIR: "Folder of the built mini app served at /app/ (default mini-app/www)",
  SEED_CHECKPOINTS: "Seed the Hanoi gateway checkpoints into an empty database (default true outside production)",
  RECEIPT_VALIDITY_HOURS: "How long a declaration receipt is valid (default 72)",
};
