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

/** A declaration consent to be written in the same transaction as the declaration that carries it. */
export interface PendingConsent {
  id: string;
  zaloUserId: string;
  version: string;
  givenAt: string;
}

/** Writes a consent given by a declaration ("Cam kết và gửi"); called inside the declaration's transaction. */
export async function insertDeclarationConsent(tx: Queryable, c: PendingConsent): Promise<void> {
  await tx.run(
    "INSERT INTO privacy_consents (id, zalo_user_id, scope, version, source, given_at) VALUES ($1, $2, 'declaration', $3, 'declaration', $4)",
    [c.id, c.zaloUserId, c.version, c.givenAt],
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
