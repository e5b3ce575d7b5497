import { z } from "zod";
import { parseSupportHours } from "../bot/hours";

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
  INSTANCE_ROLE: z.enum(["all", "web", "worker"]).default("all"),
  PUBLIC_BASE_URL: optionalUrl,
  TRUST_PROXY: z.string().optional(),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(200).max(300_000).default(20_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(200).max(600_000).default(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(65_000),
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
  DECLARATION_BACKEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // 16 with the default backoff: a 10-minute backend outage never exhausts it (12 did, now and then: full jitter can pack 11 retries into 10 minutes).
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(16),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2_000),
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(2_000),
  OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(1_800_000),
  ZALO_GRAPH_URL: optionalUrl,
  ZALO_OA_API_URL: optionalUrl,
  ZALO_OAUTH_URL: optionalUrl,
  ZALO_OA_REFRESH_TOKEN: z.string().min(1).max(2_000).optional(),
  ZALO_OA_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(4_000).default(3_000),
  VACCINATION_REGISTRY_URL: optionalUrl,
  VACCINATION_REGISTRY_TOKEN: z.string().min(1).optional(),
  VACCINATION_TRUST_FILES: z.string().min(1).optional(),
  VACCINATION_TRUST_URL: optionalUrl,
  VACCINATION_TRUST_REFRESH_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(360),
  DATA_ENCRYPTION_KEY: z.string().optional(),
  RECEIPT_SIGNING_KEY: z.string().optional(),
  MINI_APP_DIR: z.string().optional(),
  SEED_CHECKPOINTS: z.enum(["true", "false"]).optional(),
  RECEIPT_VALIDITY_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(72),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  CONSOLE_DIR: z.string().optional(),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  STAFF_BOOTSTRAP_ADMIN: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}:\S.{8,198}\S$/, "must be username:password (username 3-32 of a-z 0-9 . _ -, password at least 10 characters)")
    .optional(),
  BOT_FAQ_FILE: z.string().min(1).optional(),
  SUPPORT_HOURS: z.string().max(500).optional(),
}).superRefine((env, ctx) => {
  // Rules between variables; loadConfig reports them like any other problem, by name.
  const problem = (name: string, message: string) => ctx.addIssue({ code: "custom", path: [name], message });
  if (env.DECLARATION_BACKEND_TIMEOUT_MS >= env.OUTBOX_LEASE_MS) {
    problem("OUTBOX_LEASE_MS", "must be longer than DECLARATION_BACKEND_TIMEOUT_MS, or a slow send is taken over and sent twice");
  }
  if (env.NODE_ENV === "production" && env.STAFF_BOOTSTRAP_ADMIN) {
    problem("STAFF_BOOTSTRAP_ADMIN", "is refused in production: create the first admin with `npm run staff -- create-admin`");
  }
  if (env.STAFF_SESSION_IDLE_MINUTES > env.STAFF_SESSION_MAX_HOURS * 60) problem("STAFF_SESSION_IDLE_MINUTES", "must not exceed STAFF_SESSION_MAX_HOURS");
  if (env.SUPPORT_HOURS !== undefined) {
    try {
      parseSupportHours(env.SUPPORT_HOURS);
    } catch (error) {
      problem("SUPPORT_HOURS", (error as Error).message);
    }
  }
  // Node refuses a headers timeout longer than the whole-request timeout.
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) problem("HTTP_HEADERS_TIMEOUT_MS", "must not exceed HTTP_REQUEST_TIMEOUT_MS");
  if (env.OUTBOX_RETRY_BASE_MS > env.OUTBOX_RETRY_MAX_MS) problem("OUTBOX_RETRY_BASE_MS", "must not exceed OUTBOX_RETRY_MAX_MS");
  if (env.NODE_ENV === "production" && env.ZALO_GRAPH_URL && !env.ZALO_GRAPH_URL.startsWith("https://")) {
    problem("ZALO_GRAPH_URL", "must be https:// in production (the local stand-in is refused)");
  }
  for (const name of ["ZALO_OA_API_URL", "ZALO_OAUTH_URL", "VACCINATION_REGISTRY_URL", "VACCINATION_TRUST_URL"] as const) {
    const value = env[name];
    if (env.NODE_ENV === "production" && value && !value.startsWith("https://")) problem(name, "must be https:// in production (the local stand-in is refused)");
  }
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
  INSTANCE_ROLE: "all (default): HTTP and background workers; web: HTTP only (webhook ingest, APIs, console); worker: forwarding, bot and outgoing-message workers with only /healthz, /readyz and /metrics on HTTP",
  PUBLIC_BASE_URL: "https:// address the server is reached at (links in bot messages, posters). Required in production",
  CORS_ORIGINS: "Comma-separated origins allowed to call /api/ from a browser (default: Zalo's mini app hosts https://h5.zdn.vn,https://h5.zadn.vn)",
  TRUST_PROXY: "Express trust proxy setting when behind a TLS-terminating proxy (e.g. 1 or loopback)",
  HTTP_HEADERS_TIMEOUT_MS: "How long a client may take to send a request's headers before the connection is closed with 408 (default 20000; slow-client defence)",
  HTTP_REQUEST_TIMEOUT_MS: "How long a client may take to send a whole request, headers and body, before 408 (default 30000); answers and event streams are not limited by it",
  HTTP_KEEP_ALIVE_TIMEOUT_MS: "How long an idle keep-alive connection stays open (default 65000: longer than a load balancer's usual 60 s idle timeout, so the proxy closes first)",
  DATABASE_URL: "postgres:// URL; when unset the embedded SQLite file is used. Required in production (several instances)",
  SQLITE_PATH: "SQLite file when DATABASE_URL is unset (default ./data/khaibao.sqlite)",
  DATABASE_POOL_MAX: "PostgreSQL pool size per instance (default 10)",
  ZALO_APP_ID: "Zalo app id (developers.zalo.me), used for the webhook signature and OAuth",
  ZALO_APP_SECRET: "Zalo app secret key (server side only; Graph API proof, token refresh)",
  ZALO_OA_ID: "Our Official Account id; webhook events for any other OA are acknowledged and dropped",
  ZALO_OA_SECRET_KEY: "The OA secret key shown on the app's webhook page (webhook signature)",
  ZALO_MINI_APP_ID: "The Mini App id (deep links https://zalo.me/s/<id>/, bot buttons, posters)",
  DECLARATION_BACKEND_URL: "Base URL of the declaration backend. Unset in development: the local stand-in is started",
  DECLARATION_BACKEND_TOKEN: "Bearer token for the declaration backend, if it requires one",
  DECLARATION_BACKEND_TIMEOUT_MS: "Timeout of one request to the declaration backend (default 10000); must be shorter than OUTBOX_LEASE_MS",
  OUTBOX_MAX_ATTEMPTS: "Attempts to forward a declaration before it goes to the dead-letter list for staff (default 16: about 1.5 hours of retries on average with the default backoff)",
  OUTBOX_CONCURRENCY: "Declarations forwarded at once per instance (default 4)",
  OUTBOX_POLL_MS: "How often the outbox worker looks for due declarations when nothing wakes it (default 2000)",
  OUTBOX_LEASE_MS: "How long an instance holds a declaration it is sending; after a crash another takes it over then (default 60000)",
  OUTBOX_RETRY_BASE_MS: "First retry delay cap of the outbox's exponential backoff with full jitter (default 2000)",
  OUTBOX_RETRY_MAX_MS: "Longest delay between two forwarding attempts (default 1800000, 30 minutes)",
  ZALO_GRAPH_URL: "Zalo Graph API base URL (default https://graph.zalo.me). Unset outside production: the local stand-in is started",
  ZALO_OA_API_URL: "Zalo OA API base URL (default https://openapi.zalo.me). Unset outside production: the local OA stand-in is started",
  ZALO_OAUTH_URL: "Zalo OAuth base URL for the OA's tokens (default https://oauth.zaloapp.com). Unset outside production: the local OA stand-in is started",
  ZALO_OA_REFRESH_TOKEN: "The OA's first refresh token (from the OA admin's consent). Seeds the token table once; later pairs live in the database. A different value replaces the stored pair (re-authorisation)",
  ZALO_OA_RATE_PER_MINUTE: "OA API calls per minute this instance allows itself (default 3000; Zalo allows 4000 per app, shared by all instances)",
  VACCINATION_REGISTRY_URL: "Base URL of the vaccination registry (protocol in bot-server/src/vaccination/registry-protocol.ts). Unset in development: the local stand-in is started, signing with the development key",
  VACCINATION_REGISTRY_TOKEN: "Bearer token for the vaccination registry, if it requires one",
  VACCINATION_TRUST_FILES: "Comma-separated files or folders of signer certificates (PEM, PEM bundles or DER: .pem .crt .cer .der) trusted for vaccination certificates. Production needs this or VACCINATION_TRUST_URL; the development signer is refused there",
  VACCINATION_TRUST_URL: "URL of a trust list to fetch periodically: JSON in the /api/vaccination/trust-list shape, or a PEM bundle. Added to VACCINATION_TRUST_FILES; a failed fetch keeps the last list",
  VACCINATION_TRUST_REFRESH_MINUTES: "How often VACCINATION_TRUST_URL is fetched (default 360)",
  DATA_ENCRYPTION_KEY: "Key(s) for personal fields at rest: base64 32-byte AES-256 key, or id:key,id:key (first encrypts). Dev: generated file under ./data/",
  RECEIPT_SIGNING_KEY: "Ed25519 private key(s) for receipts: PKCS#8 PEM or base64 DER, optionally id:key,... Dev: generated file under ./data/",
  MINI_APP_DIR: "Folder of the built mini app served at /app/ (default mini-app/www)",
  SEED_CHECKPOINTS: "Seed the Hanoi gateway checkpoints into an empty database (default true outside production)",
  RECEIPT_VALIDITY_HOURS: "How long a declaration receipt is valid (default 72)",
  RETENTION_DAYS: "Personal data of declarations, webhook bodies and chat texts older than this many days is purged, keeping anonymous counts (default 30)",
  RETENTION_INTERVAL_MINUTES: "How often the retention job runs, also finishing deletion requests that waited for delivery (default 60; 0: only by `npm run retention`)",
  CONSOLE_DIR: "Folder of the built staff console served at /console/ (default bot-server/console/dist)",
  STAFF_SESSION_IDLE_MINUTES: "A staff console session ends after this many minutes without a request (default 60)",
  STAFF_SESSION_MAX_HOURS: "A staff console session ends this many hours after login whatever happens (default 12)",
  BOT_FAQ_FILE: "JSON file of the chat-bot's frequently asked questions (answers, keywords, buttons), validated at start; default the built-in bot-server/src/bot/faq.vi.json",
  SUPPORT_HOURS: "When support staff answer the chat, Vietnam time (default mon-fri 07:30-17:00; sat 07:30-11:30); the handoff message says when someone will answer",
  STAFF_BOOTSTRAP_ADMIN: "Development only: username:password of an admin created at start if missing (refused in production; there use npm run staff -- create-admin)",
};
