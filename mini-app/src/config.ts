import { z } from "zod";
import type { PlatformKind } from "./platform";

/**
 * Build-time configuration (Vite inlines `import.meta.env.VITE_*`). One variable:
 *
 * - `VITE_API_BASE`: origin of our API, e.g. `https://khaibao.example.vn`. Unset: same origin,
 *   which is right for the bot server's `/app/` preview and `vite dev` (it proxies `/api`).
 *   Required for builds uploaded to Zalo, where the page lives on h5.zdn.vn; Zalo only calls
 *   https APIs, and the domain must be whitelisted in the Zalo console.
 */
const envSchema = z.object({
  VITE_API_BASE: z
    .url({ protocol: /^https?$/, error: "VITE_API_BASE must be an absolute http(s) URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export interface AppConfig {
  /** Absolute base URL the API paths (`/api/...`) are resolved against. */
  apiBaseUrl: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function resolveConfig(env: Record<string, unknown>, platform: PlatformKind, pageOrigin: string): AppConfig {
  const parsed = envSchema.safeParse({ VITE_API_BASE: env["VITE_API_BASE"] });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  const base = parsed.data.VITE_API_BASE;
  if (base === undefined) {
    if (platform === "zalo") {
      throw new ConfigError("VITE_API_BASE is not set: a build for Zalo must name the API's https URL");
    }
    return { apiBaseUrl: pageOrigin };
  }
  if (platform === "zalo" && !base.startsWith("https://")) {
    throw new ConfigError(`VITE_API_BASE must be https inside Zalo, got ${base}`);
  }
  return { apiBaseUrl: base.replace(/\/+$/, "") };
}
