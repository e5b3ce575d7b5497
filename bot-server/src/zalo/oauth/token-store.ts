import { createHash } from "node:crypto";
import type { Queryable } from "../../storage";
import type { OaTokenPair } from "./client";

export interface StoredTokens {
  oaId: string;
  accessToken: string | null;
  refreshToken: string;
  /** Epoch milliseconds; 0 when there is no access token yet. */
  accessExpiresAt: number;
  version: number;
  lockOwner: string | null;
  /** Epoch milliseconds. */
  lockUntil: number | null;
  /** `refused: ...` when Zalo refused this row's refresh token (an operator must re-authorise). */
  lastError: string | null;
}

interface Row {
  oa_id: string;
  access_token: string | null;
  refresh_token: string;
  access_expires_at: string;
  version: number | string;
  lock_owner: string | null;
  lock_until: string | null;
  last_error: string | null;
}

const EPOCH = new Date(0);
export const REFUSED_PREFIX = "refused: ";

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * The OA's token pair in the database, shared by every instance. The refresh token works once,
 * so spending it is guarded by a lease on the row (`lock_owner`, `lock_until`) and the new pair
 * replaces the old one only if the row is still the version that was refreshed.
 * (Tokens are stored as issued; encrypting them at rest is a follow-up.)
 */
export class TokenStore {
  constructor(private readonly db: Queryable) {}

  async read(oaId: string): Promise<StoredTokens | undefined> {
    const row = await this.db.get<Row>(
      "SELECT oa_id, access_token, refresh_token, access_expires_at, version, lock_owner, lock_until, last_error FROM zalo_oa_tokens WHERE oa_id = $1",
      [oaId],
    );
    if (!row) return undefined;
    return {
      oaId: row.oa_id,
      accessToken: row.access_token,
      refreshToken: row.refresh_token,
      accessExpiresAt: Date.parse(row.access_expires_at) || 0,
      version: Number(row.version),
      lockOwner: row.lock_owner,
      lockUntil: row.lock_until === null ? null : Date.parse(row.lock_until),
      lastError: row.last_error,
    };
  }

  /**
   * Installs the operator's refresh token (ZALO_OA_REFRESH_TOKEN). Ignored when the row was
   * already seeded from this same token (it has been spent and replaced since); a different
   * token means the OA was re-authorised and replaces the stored pair.
   */
  async seed(oaId: string, refreshToken: string, now: Date): Promise<"created" | "replaced" | "unchanged"> {
    const hash = hashOf(refreshToken);
    const created = await this.db.run(
      `INSERT INTO zalo_oa_tokens (oa_id, access_token, refresh_token, access_expires_at, version, seed_hash, updated_at)
       VALUES ($1, NULL, $2, $3, 0, $4, $5) ON CONFLICT (oa_id) DO NOTHING`,
      [oaId, refreshToken, EPOCH, hash, now],
    );
    if (created.changes > 0) return "created";
    const replaced = await this.db.run(
      `UPDATE zalo_oa_tokens SET access_token = NULL, refresh_token = $2, access_expires_at = $3, version = version + 1, seed_hash = $4,
              last_error = NULL, updated_at = $5
        WHERE oa_id = $1 AND (seed_hash IS NULL OR seed_hash <> $4)`,
      [oaId, refreshToken, EPOCH, hash, now],
    );
    return replaced.changes > 0 ? "replaced" : "unchanged";
  }

  /** Takes (or extends) the refresh lease; false while another owner holds a live one. */
  async tryLock(oaId: string, owner: string, until: Date, now: Date): Promise<boolean> {
    const { changes } = await this.db.run(
      "UPDATE zalo_oa_tokens SET lock_owner = $2, lock_until = $3 WHERE oa_id = $1 AND (lock_until IS NULL OR lock_until <= $4 OR lock_owner = $2)",
      [oaId, owner, until, now],
    );
    return changes > 0;
  }

  /**
   * Stores the new pair (and frees the lease) if the row is still at `version`: the pair is
   * durable before anyone uses it. False if the row changed meanwhile (re-seeded by an operator).
   */
  async save(oaId: string, version: number, pair: OaTokenPair, now: Date): Promise<boolean> {
    const accessExpiresAt = new Date(now.getTime() + pair.expiresInSeconds * 1000);
    const refreshExpiresAt = pair.refreshExpiresInSeconds === undefined ? null : new Date(now.getTime() + pair.refreshExpiresInSeconds * 1000);
    const { changes } = await this.db.run(
      `UPDATE zalo_oa_tokens SET access_token = $3, refresh_token = $4, access_expires_at = $5, refresh_expires_at = $6, version = version + 1,
              refreshed_at = $7, updated_at = $7, lock_owner = NULL, lock_until = NULL, last_error = NULL
        WHERE oa_id = $1 AND version = $2`,
      [oaId, version, pair.accessToken, pair.refreshToken, accessExpiresAt, refreshExpiresAt, now],
    );
    return changes > 0;
  }

  /** Frees the lease after a failed refresh, keeping why it failed. */
  async releaseLock(oaId: string, owner: string, error: string | null, now: Date): Promise<void> {
    await this.db.run(
      "UPDATE zalo_oa_tokens SET lock_owner = NULL, lock_until = NULL, last_error = COALESCE($3, last_error), updated_at = $4 WHERE oa_id = $1 AND lock_owner = $2",
      [oaId, owner, error, now],
    );
  }
}
