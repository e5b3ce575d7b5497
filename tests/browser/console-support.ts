import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { submitDeclarationResponseSchema, type Receipt } from "@khaibao/shared";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";

/** A checkpoint or support-desk laptop: what the console is laid out for. */
export const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 } as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Testing an old build would test old code: insist on a console build newer than its sources. */
export function assertConsoleBuilt(root: string): void {
  const index = path.join(root, "bot-server/console/dist/index.html");
  const hint = "run `npx vite build bot-server/console` (or `npm run build`) first";
  if (!existsSync(index)) throw new Error(`bot-server/console/dist is missing: ${hint}`);
  const sources = Math.max(newestMtime(path.join(root, "bot-server/console/src")), newestMtime(path.join(root, "shared/src")));
  if (sources > statSync(index).mtimeMs) throw new Error(`bot-server/console/dist is older than its sources: ${hint}`);
}

/** Uncaught exceptions and console errors from our own origin: a working screen has none. */
export function collectErrors(page: Page, origin: string): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location().url;
    // Chrome logs every 4xx/5xx answer; the API's are handled on screen (wrong password, 404
    // for an unknown receipt, 401 after signing out).
    if (message.text().startsWith("Failed to load resource") && url.startsWith(`${origin}/api/`)) return;
    errors.push(`console: ${message.text()} (${url})`);
  });
  return errors;
}

/** A real receipt, as a citizen gets it from the mini app (POST /api/declarations, dev Zalo token `dev:<id>:<name>`). */
export async function issueReceipt(baseUrl: string, zaloToken = "dev:4242:Nguyen Van An"): Promise<Receipt> {
  const now = Date.now();
  const declaration = sampleDeclaration();
  declaration.trip = { ...declaration.trip, travelAt: new Date(now + 3_600_000).toISOString() };
  declaration.test = { kind: "pcr", result: "negative", sampledAt: new Date(now - 3_600_000).toISOString() };
  const res = await fetch(`${baseUrl}/api/declarations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-zalo-access-token": zaloToken },
    body: JSON.stringify({ idempotencyKey: randomUUID(), declaration }),
  });
  if (res.status !== 201) throw new Error(`POST /api/declarations: ${res.status} ${await res.text()}`);
  return submitDeclarationResponseSchema.parse(await res.json()).receipt;
}

/**
 * What of the main navigation the window does not show whole: links (and the user's menu and
 * language switch) outside the viewport or cut short, and a sidebar that needs scrolling.
 */
export async function navHiddenParts(page: Page, navLabel: string): Promise<string[]> {
  return page.evaluate((label) => {
    const nav = document.querySelector(`nav[aria-label="${label}"]`);
    if (!nav) return ["no navigation"];
    const bar = nav.parentElement as HTMLElement;
    const items = [...Array.from(nav.querySelectorAll("a")), ...Array.from(bar.querySelectorAll("button"))];
    const hidden = items
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth || el.scrollWidth > el.clientWidth;
      })
      .map((el) => el.textContent ?? "");
    for (const box of [bar, nav]) if (box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth) hidden.push("the navigation scrolls");
    return hidden;
  }, navLabel);
}

/** Menu items a click at their far end would miss: covered, or cut off by a clipping parent. */
export async function menuItemsCut(page: Page, menuLabel: string): Promise<string[]> {
  return page.evaluate((label) => {
    const menu = document.querySelector(`[role="menu"][aria-label="${label}"]`);
    if (!menu) return ["no menu"];
    return Array.from(menu.querySelectorAll('[role="menuitem"]'))
      .filter((item) => {
        const r = item.getBoundingClientRect();
        const hit = document.elementFromPoint(r.right - 4, r.top + r.height / 2);
        return !hit || !item.contains(hit) || item.scrollWidth > item.clientWidth;
      })
      .map((item) => item.textContent ?? "");
  }, menuLabel);
}
