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
 * When each of these users last withdrew their declaration consent (users who never did are
 * absent). A declaration committed at or before that moment, with no consent given since, is
 * refused: the declarations' insert checks this in SQL; this names the reason afterwards.
 */
export async function lastDeclarationWithdrawals(db: Queryable, zaloUserIds: readonly string[]): Promise<Map<string, string>> {
  const users = [...new Set(zaloUserIds)];
  if (users.length === 0) return new Map();
  const rows = await db.all<{ zalo_user_id: string; at: string }>(
    `SELECT zalo_user_id, MAX(withdrawn_at) AS at FROM privacy_consents
      WHERE scope = 'declaration' AND withdrawn_at IS NOT NULL AND zalo_user_id IN (${users.map((_, i) => `$${i + 1}`).join(", ")})
      GROUP BY zalo_user_id`,
    users,
  );
  return new Map(rows.map((r) => [r.zalo_user_id, r.at]));
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
