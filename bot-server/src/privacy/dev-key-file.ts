import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * A development secret kept in a file under ./data/ so that data and receipts made in
 * development survive restarts. Reads `file`, or writes `create()` there with mode 0600 and
 * returns it. Publishing is atomic (write aside, then hard-link, which fails if the file exists),
 * so two processes starting together both end up with the one that got there first.
 */
export async function readOrCreateDevKeyFile(file: string, create: () => string): Promise<{ text: string; created: boolean }> {
  const existing = await readIfExists(file);
  if (existing !== undefined) return { text: existing, created: false };
  await mkdir(dirname(file), { recursive: true });
  const text = create();
  const aside = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(aside, text, { mode: 0o600, flag: "wx" });
  try {
    await link(aside, file);
    return { text, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const winner = await readIfExists(file);
    if (winner === undefined) throw err;
    return { text: winner, created: false };
  } finally {
    await unlink(aside).catch(() => {});
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}
