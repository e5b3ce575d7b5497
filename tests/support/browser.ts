import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

const root = fileURLToPath(new URL("../..", import.meta.url));
/** Where browser tests write their screenshots (look at them). */
export const resultsDir = path.join(root, "test-results");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Testing an old build would test old code: insist on a build newer than the app's sources. */
export function assertMiniAppBuilt(): void {
  const wwwIndex = path.join(root, "mini-app/www/index.html");
  const hint = "run `npm run build -w @khaibao/mini-app` first";
  if (!existsSync(wwwIndex)) throw new Error(`mini-app/www is missing: ${hint}`);
  const sources = Math.max(newestMtime(path.join(root, "mini-app/src")), statSync(path.join(root, "app-config.json")).mtimeMs);
  if (sources > statSync(wwwIndex).mtimeMs) throw new Error(`mini-app/www is older than mini-app/src: ${hint}`);
}

/** Uncaught exceptions and console errors from our own origin: a working screen has none. */
export function collectErrors(page: Page, origin: string): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // zaui.css pulls its icon font from Zalo's CDN, which a test machine may not reach.
    const url = message.location().url;
    if (url && !url.startsWith(origin)) return;
    // Chrome logs every failed API answer (a 404, or no network at all in the offline tests);
    // the app handles those on screen.
    if (message.text().startsWith("Failed to load resource") && url.startsWith(`${origin}/api/`)) return;
    errors.push(`console: ${message.text()} (${url})`);
  });
  return errors;
}

/** zmp-ui slides screens in for 400 ms; screenshots and back-navigation wait for it to finish. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll(".zaui-routes-item").length === 1);
}
