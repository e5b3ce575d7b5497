import { CONSENT_SCOPES, currentConsentText, isKnownConsentVersion, type ConsentScope, type MyConsentsResponse } from "@khaibao/shared";
import { AppError } from "../../http/errors";
import type { Queryable } from "../../storage";
import { randomUUID } from "node:crypto";
import { ConsentRepository, type PendingConsent } from "./repository";

/**
 * What the rest of the server asks about consent. The declaration consent travels inside every
 * declaration (`commitment.consentVersion`, given by "Cam kết và gửi"), so a declaration queued
 * offline carries its own consent: the server records it when the declaration arrives, unless the
 * citizen withdrew consent after committing it. Phone and profile consents are given in the app
 * (POST /api/me/consents) before Zalo is asked for them, and checked before we read them.
 */
export interface Consents {
  list(zaloUserId: string): Promise<MyConsentsResponse>;
  give(zaloUserId: string, scope: ConsentScope, version: string, now: Date): Promise<void>;
  withdraw(zaloUserId: string, scope: ConsentScope, now: Date): Promise<number>;
  /** 403 `consent.required` unless the user has an active consent of the scope. */
  require(zaloUserId: string, scope: Exclude<ConsentScope, "declaration">): Promise<void>;
  /**
   * Before a new declaration is stored: the consent it carries (version from the declaration, time
   * the device committed it) to record with it when none is active (undefined when one is); 403
   * `consent.withdrawn` when the citizen withdrew after committing it. The declaration's insert
   * writes it in the same transaction, so a consent is recorded exactly when its declaration is.
   */
  acceptDeclaration(zaloUserId: string, version: string, committedAt: Date | undefined, now: Date): Promise<PendingConsent | undefined>;
}

export function createConsents(db: Queryable): Consents {
  const repo = new ConsentRepository(db);
  return {
    async list(zaloUserId) {
      const consents = await repo.list(zaloUserId);
      const active = Object.fromEntries(CONSENT_SCOPES.map((s) => [s, consents.some((c) => c.scope === s && c.withdrawnAt === null)]));
      return { consents, active: active as MyConsentsResponse["active"] };
    },
    async give(zaloUserId, scope, version, now) {
      if (!isKnownConsentVersion(scope, version)) throw new AppError("consent.version_unknown", 400);
      const latest = await repo.latest(zaloUserId, scope);
      if (latest && latest.withdrawnAt === null && latest.version === version) return;
      // A newer text replaces the older consent: one active consent per scope.
      if (latest && latest.withdrawnAt === null) await repo.withdraw(zaloUserId, scope, now);
      await repo.give(zaloUserId, scope, version, "app", now);
    },
    withdraw: (zaloUserId, scope, now) => repo.withdraw(zaloUserId, scope, now),
    async require(zaloUserId, scope) {
      const latest = await repo.latest(zaloUserId, scope);
      if (!latest || latest.withdrawnAt !== null) {
        throw new AppError("consent.required", 403, { params: { scope, version: currentConsentText(scope).version } });
      }
    },
    async acceptDeclaration(zaloUserId, version, committedAt, now) {
      if (!isKnownConsentVersion("declaration", version)) {
        throw new AppError("http.validation_failed", 400, { fields: [{ path: "declaration.commitment.consentVersion", code: "consent.version_unknown" }] });
      }
      // The device's clock can be ahead; a consent is never dated after we received it.
      const given = committedAt && committedAt.getTime() <= now.getTime() ? committedAt : now;
      const latest = await repo.latest(zaloUserId, "declaration");
      if (latest?.withdrawnAt === null) return undefined;
      if (latest?.withdrawnAt && Date.parse(latest.withdrawnAt) >= given.getTime()) throw new AppError("consent.withdrawn", 403);
      return { id: randomUUID(), zaloUserId, version, givenAt: given.toISOString() };
    },
  };
}
