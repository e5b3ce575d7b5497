import { randomUUID } from "node:crypto";
import type { Consent, ConsentScope } from "@khaibao/shared";
import type { Queryable } from "../../storage";

interface Row {
  id: string;
  scope: ConsentScope;
  version: string;
  given_at: string;
  withdrawn_at: string | null;
}

const toConsent = (r: Row): Consent => ({ id: r.id, scope: r.scope, version: r.version, givenAt: r.given_at, withdrawnAt: r.withdrawn_at });

/**
 * The consent a declaration carries ("Cam kết và gửi"): the text version the citizen agreed to
 * and when (the device's time of committing, never later than we received it).
 */
export interface DeclarationConsent {
  version: string;
  givenAt: string;
}

/**
 * What a declaration's consent means given the user's latest declaration consent: one is
 * `active` (nothing to record), none or an older withdrawn one (`record` this one), or the
 * citizen withdrew at or after committing this declaration (`withdrawn`: refuse it; a declaration
 * queued offline must not go out after its author said no).
 */
export function declarationConsentOutcome(latest: Pick<Consent, "withdrawnAt"> | undefined, consent: DeclarationConsent): "active" | "record" | "withdrawn" {
  if (latest && latest.withdrawnAt === null) return "active";
  if (latest?.withdrawnAt && Date.parse(latest.withdrawnAt) >= Date.parse(consent.givenAt)) return "withdrawn";
  return "record";
}

/**
 * The latest declaration consent of each of these users, in one query: a group commit of
 * declarations decides all of theirs inside its own transaction, so a withdrawal cannot slip in
 * between the check and the insert.
 */
export async function latestDeclarationConsents(tx: Queryable, zaloUserIds: readonly string[]): Promise<Map<string, Consent>> {
  const users = [...new Set(zaloUserIds)];
  const latest = new Map<string, Consent>();
  if (users.length === 0) return latest;
  const rows = await tx.all<Row & { zalo_user_id: string }>(
    `SELECT id, zalo_user_id, scope, version, given_at, withdrawn_at FROM privacy_consents
      WHERE scope = 'declaration' AND zalo_user_id IN (${users.map((_, i) => `$${i + 1}`).join(", ")})
      ORDER BY zalo_user_id, given_at DESC, id`,
    users,
  );
  for (const r of rows) if (!latest.has(r.zalo_user_id)) latest.set(r.zalo_user_id, toConsent(r));
  return latest;
}

/** Writes a consent given by a declaration; called inside the declaration's transaction. */
export async function insertDeclarationConsent(tx: Queryable, zaloUserId: string, c: DeclarationConsent): Promise<void> {
  await tx.run(
    "INSERT INTO privacy_consents (id, zalo_user_id, scope, version, source, given_at) VALUES ($1, $2, 'declaration', $3, 'declaration', $4)",
    [randomUUID(), zaloUserId, c.version, c.givenAt],
  );
}

/** Consents per Zalo user and scope. A withdrawal closes the consent; giving it again adds a row. */
export class ConsentRepository {
  constructor(private readonly db: Queryable) {}

  async list(zaloUserId: string): Promise<Consent[]> {
    const rows = await this.db.all<Row>(
      "SELECT id, scope, version, given_at, withdrawn_at FROM privacy_consents WHERE zalo_user_id = $1 ORDER BY given_at DESC, id",
      [zaloUserId],
    );
    return rows.map(toConsent);
  }

  /** The user's latest consent of a scope (active or withdrawn), if any. */
  async latest(zaloUserId: string, scope: ConsentScope): Promise<Consent | undefined> {
    const row = await this.db.get<Row>(
      "SELECT id, scope, version, given_at, withdrawn_at FROM privacy_consents WHERE zalo_user_id = $1 AND scope = $2 ORDER BY given_at DESC, id LIMIT 1",
      [zaloUserId, scope],
    );
    return row ? toConsent(row) : undefined;
  }

  async give(zaloUserId: string, scope: ConsentScope, version: string, source: "app" | "declaration", givenAt: Date): Promise<Consent> {
    const id = randomUUID();
    await this.db.run(
      "INSERT INTO privacy_consents (id, zalo_user_id, scope, version, source, given_at) VALUES ($1, $2, $3, $4, $5, $6)",
      [id, zaloUserId, scope, version, source, givenAt],
    );
    return { id, scope, version, givenAt: givenAt.toISOString(), withdrawnAt: null };
  }

  /** Closes every active consent of the scope; the number closed. */
  async withdraw(zaloUserId: string, scope: ConsentScope, at: Date): Promise<number> {
    const { changes } = await this.db.run(
      "UPDATE privacy_consents SET withdrawn_at = $3 WHERE zalo_user_id = $1 AND scope = $2 AND withdrawn_at IS NULL",
      [zaloUserId, scope, at],
    );
    return changes;
  }
}
