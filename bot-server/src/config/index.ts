export { loadConfig } from "./load";
export { ConfigError } from "./errors";
export { envSchema, ENV_DOCS, REQUIRED_IN_PRODUCTION, type Env } from "./schema";
