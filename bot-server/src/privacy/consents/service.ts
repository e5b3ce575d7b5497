import { CONSENT_SCOPES, currentConsentText, isKnownConsentVersion, type ConsentScope, type MyConsentsResponse } from "@khaibao/shared";
import { AppError } from "../../http/errors";
import type { Queryable } from "../../storage";
import { ConsentRepository } from "./repository";

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
  };
}
