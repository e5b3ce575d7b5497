import { pino, type Logger, type DestinationStream } from "pino";

/**
 * Keys that may hold personal data anywhere in a logged object. pino's redaction removes them
 * before serialisation; on top of that we never log request bodies or query strings at all.
 */
export const REDACTED_KEYS = [
  "idNumber", "cccd", "cmnd", "passport", "phone", "phoneNumber", "fullName", "name", "email",
  "birthDate", "dob", "address", "street", "plate", "health", "symptoms", "token", "accessToken",
  "refreshToken", "password", "authorization", "cookie", "x-zalo-access-token", "secret",
] as const;

const redactPaths = [
  ...REDACTED_KEYS.map((k) => `*["${k}"]`),
  ...REDACTED_KEYS.map((k) => `*.*["${k}"]`),
  ...REDACTED_KEYS.map((k) => `*.*.*["${k}"]`),
  ...REDACTED_KEYS.map((k) => `["${k}"]`),
];

export function createLogger(opts: { level: string; destination?: DestinationStream; base?: Record<string, unknown> }): Logger {
  return pino(
    {
      level: opts.level,
      base: opts.base ?? { service: "khaibao-bot-server" },
      redact: { paths: redactPaths, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination,
  );
}
export type { Logger };
