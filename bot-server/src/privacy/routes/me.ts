import { Router, type RequestHandler } from "express";
import { consentScopeSchema, giveConsentRequestSchema, type DeletionRequestResponse, type MyConsentsResponse } from "@khaibao/shared";
import { createTokenBucketLimiter, enforceRateLimit, type RateLimiter } from "../../declarations/rate-limit";
import { AppError } from "../../http/errors";
import { validate } from "../../http/validate";
import type { AuditLog } from "../../staff/audit";
import type { Database } from "../../storage";
import { zaloUserOf } from "../../zalo";
import type { Consents } from "../consents/service";
import { processDeletionRequest } from "../deletion/process";
import { DeletionRequestRepository, type StoredDeletionRequest } from "../deletion/requests";

export interface MyPrivacyDeps {
  auth: RequestHandler;
  db: Database;
  consents: Consents;
  audit: AuditLog;
  now: () => Date;
  /** Per Zalo user, for consent changes and deletion requests (each of which is stored or audited). */
  limiter?: RateLimiter;
}

/** A citizen changes a consent or asks for deletion a few times, not hundreds: the audit log is append-only. */
export const PRIVACY_CHANGES_PER_USER = { capacity: 10, perMinute: 2 } as const;

const publicView = ({ zaloUserId: _id, ...request }: StoredDeletionRequest) => request;

/**
 * The citizen's own privacy controls, mounted under /api/me, all behind the Zalo access token:
 * - `GET /consents`, `POST /consents {scope, version}`, `POST /consents/:scope/withdraw`;
 * - `POST /deletion-requests`: delete my data (processed at once as far as it can go, see
 *   processDeletionRequest), `GET /deletion-requests`: the latest request and its status.
 */
export function myPrivacyRouter(deps: MyPrivacyDeps): Router {
  const router = Router();
  const requests = new DeletionRequestRepository(deps.db);
  const limiter = deps.limiter ?? createTokenBucketLimiter(PRIVACY_CHANGES_PER_USER);
  const budget = (userId: string) => enforceRateLimit(limiter, `privacy:${userId}`);
  const noStore: RequestHandler = (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  };

  router.get("/consents", deps.auth, noStore, async (_req, res) => {
    res.json((await deps.consents.list(zaloUserOf(res).id)) satisfies MyConsentsResponse);
  });

  router.post("/consents", deps.auth, noStore, async (req, res) => {
    const { scope, version } = validate(giveConsentRequestSchema, req.body);
    const user = zaloUserOf(res);
    await budget(user.id);
    await deps.consents.give(user.id, scope, version, deps.now());
    res.status(201).json(await deps.consents.list(user.id));
  });

  router.post("/consents/:scope/withdraw", deps.auth, noStore, async (req, res) => {
    const scope = validate(consentScopeSchema, req.params.scope);
    const user = zaloUserOf(res);
    await budget(user.id);
    if ((await deps.consents.withdraw(user.id, scope, deps.now())) === 0) throw new AppError("consent.not_found", 404);
    res.json(await deps.consents.list(user.id));
  });

  router.get("/deletion-requests", deps.auth, noStore, async (_req, res) => {
    const latest = await requests.latest(zaloUserOf(res).id);
    res.json({ request: latest ? publicView(latest) : null } satisfies DeletionRequestResponse);
  });

  router.post("/deletion-requests", deps.auth, noStore, async (_req, res) => {
    const user = zaloUserOf(res);
    await budget(user.id);
    const latest = await requests.latest(user.id);
    // Asking again while one is open answers that one; after it is done, a new one starts.
    if (latest && latest.status !== "done") {
      res.status(200).json({ request: publicView(latest) } satisfies DeletionRequestResponse);
      return;
    }
    const now = deps.now();
    const created = await requests.create(user.id, now);
    await deps.audit.record(
      { actor: null, action: "privacy.deletion_requested", target: { type: "deletion_request", id: created.id }, requestId: res.locals.requestId as string | undefined },
      now,
    );
    const processed = await processDeletionRequest(deps.db, deps.audit, created, now);
    res.status(201).json({ request: publicView(processed) } satisfies DeletionRequestResponse);
  });

  return router;
}
