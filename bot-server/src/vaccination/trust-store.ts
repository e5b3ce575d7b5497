import { createHash } from "node:crypto";
import type { TrustEntry, TrustList } from "@khaibao/shared";

/** Where entries came from: replacing one source leaves the others alone. */
export type TrustSourceName = "files" | "remote" | "development";

/**
 * The signer certificates the server trusts, from several sources, served as one list. The
 * version is a digest of the entries, so it changes exactly when the set changes (and the mini
 * app's cached copy can be compared); `issuedAt` is when that happened.
 */
export class TrustStore {
  private readonly sources = new Map<TrustSourceName, TrustEntry[]>();
  private current: TrustList;

  constructor(private readonly now: () => Date = () => new Date()) {
    this.current = { version: versionOf([]), issuedAt: now().toISOString(), entries: [] };
  }

  /** Replaces one source's entries; true when the served list changed. */
  set(source: TrustSourceName, entries: readonly TrustEntry[]): boolean {
    this.sources.set(source, [...entries]);
    const merged = dedupe([...this.sources.values()].flat());
    const version = versionOf(merged);
    if (version === this.current.version) return false;
    this.current = { version, issuedAt: this.now().toISOString(), entries: merged };
    return true;
  }

  list(): TrustList {
    return this.current;
  }
}

const identity = (e: TrustEntry) => `${e.kid} ${e.spki} ${e.notBefore} ${e.notAfter}`;

/** The same certificate from two sources is one entry; sorted so order in files does not matter. */
function dedupe(entries: TrustEntry[]): TrustEntry[] {
  const byIdentity = new Map<string, TrustEntry>();
  for (const e of entries) if (!byIdentity.has(identity(e))) byIdentity.set(identity(e), e);
  return [...byIdentity.values()].sort((a, b) => (identity(a) < identity(b) ? -1 : identity(a) > identity(b) ? 1 : 0));
}

function versionOf(entries: readonly TrustEntry[]): string {
  const hash = createHash("sha256");
  for (const e of entries) hash.update(`${identity(e)} ${e.alg}\n`);
  return hash.digest("hex").slice(0, 16);
}
