import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/**
 * Chromium for the browser tests. We drive the system's Chromium with playwright-core (no
 * browser download): `CHROMIUM_PATH` if set, else the usual names. Without one, CI fails (a
 * silently skipped suite proves nothing) and a developer's run skips with a loud warning.
 */

const CANDIDATE_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First match of `CHROMIUM_PATH`, /usr/bin/chromium, then the candidate names on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env["CHROMIUM_PATH"];
  if (explicit) return isExecutable(explicit) ? explicit : null;
  if (isExecutable("/usr/bin/chromium")) return "/usr/bin/chromium";
  const dirs = (env["PATH"] ?? "").split(path.delimiter).filter(Boolean);
  for (const name of CANDIDATE_NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

export const chromiumPath = findChromium();

/**
 * Whether the browser suites run here. Call it at module level and pass the result to
 * `describe.skipIf(!browserTestsEnabled())`.
 */
export function browserTestsEnabled(): boolean {
  if (chromiumPath) return true;
  const hint = process.env["CHROMIUM_PATH"]
    ? `CHROMIUM_PATH=${process.env["CHROMIUM_PATH"]} is not an executable file`
    : "no Chromium found (set CHROMIUM_PATH, or install chromium / google-chrome)";
  if (process.env["CI"] === "true") {
    throw new Error(`Browser tests cannot run in CI: ${hint}`);
  }
  const bar = "!".repeat(78);
  console.warn(`\n${bar}\n!! SKIPPING BROWSER TESTS: ${hint}\n${bar}\n`);
  return false;
}

/** Quiet, deterministic Chromium: no network chatter of its own, no GPU, no first-run UI. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A mid-range phone: what a citizen at a checkpoint holds. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;

export interface PhoneBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile, emulating {@link PHONE}, in Vietnamese by default. */
export async function launchPhoneBrowser(options: { locale?: string } = {}): Promise<PhoneBrowser> {
  if (!chromiumPath) throw new Error("launchPhoneBrowser() without Chromium: guard the suite with browserTestsEnabled()");
  const userDataDir = mkdtempSync(path.join(tmpdir(), "khaibao-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: options.locale ?? "vi-VN",
    ...PHONE,
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
