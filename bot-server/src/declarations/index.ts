import type { RequestHandler, Router } from "express";
import type { Registry } from "prom-client";
import type { WardLookup } from "@khaibao/shared";
import type { CheckpointRecord } from "../checkpoints/repository";
import type { Consents } from "../privacy/consents/service";
import type { FieldCipher } from "../privacy/types";
import type { ReceiptSigner } from "../receipts/types";
import { inlineSealer, sealThenInsert, type DeclarationSealer, type DeclarationWriter } from "./sealing";
import type { Queryable } from "../storage";
import { requireZaloUser, type ZaloGraph } from "../zalo";
import { createBatchedDeclarationInserter } from "./batch-insert";
import { cachedCheckpoints } from "./checkpoint-cache";
import { createDeadLetters, type DeadLetters } from "./dead-letters";
import type { DeclarationBackend } from "./outbox/backend";
import type { BackoffPolicy } from "./outbox/backoff";
import { createOutboxMetrics } from "./outbox/metrics";
import { ForwardingProblems } from "./outbox/problems";
import { OutboxRepository } from "./outbox/repository";
import { createOutboxWorker, type OutboxWorker, type WorkerLogger } from "./outbox/worker";
import { createTokenBucketLimiter, type RateLimiter } from "./rate-limit";
import { DeclarationRepository } from "./repository";
import { declarationSubmitHandlers, declarationsRouter } from "./routes/declarations";
import { meRouter } from "./routes/me";
import { receiptsRouter } from "./routes/receipts";

export { DeclarationRepository } from "./repository";
export { OutboxRepository } from "./outbox/repository";
export { createHttpDeclarationBackend } from "./outbox/http-backend";
export type { DeclarationBackend, BackendDeclaration, BackendVerdict } from "./outbox/backend";
export type { OutboxWorker } from "./outbox/worker";
export { createDeadLetters, type DeadLetters, type RequeuedRow } from "./dead-letters";
export { ForwardingProblems } from "./outbox/problems";
export { PersonalDataPurgedError } from "./outbox/errors";
export { createTokenBucketLimiter, type RateLimiter } from "./rate-limit";
export { inlineSealer, startDeclarationThread, startSealerThread, type DeclarationSealer, type DeclarationWriter } from "./sealing";

/** Default budgets: a citizen declares a few times a day; a verifier checks a queue, one by one. */
export const DEFAULT_LIMITS = {
  submitPerUser: { capacity: 10, perMinute: 10 },
  phonePerUser: { capacity: 5, perMinute: 5 },
  receiptsPerAddress: { capacity: 60, perMinute: 60 },
} as const;

export interface DeclarationsDeps {
  db: Queryable;
  checkpoints: { get(id: string): Promise<CheckpointRecord | undefined> };
  wards: WardLookup;
  /** Should be cached (`withMeCache`): every authenticated request asks it. */
  graph: ZaloGraph;
  cipher: FieldCipher;
  signer: ReceiptSigner;
  /**
   * Where new declarations are sealed and stored: a thread that does both (SQLite), or else the
   * group-commit inserter here after `sealer` (default: inline, with `cipher` and `signer`).
   */
  writer?: DeclarationWriter;
  sealer?: DeclarationSealer;
  /** Declaration consent is recorded on submit; phone and profile are read only with consent. */
  consents: Pick<Consents, "require">;
  backend: DeclarationBackend;
  registry: Registry;
  logger: WorkerLogger;
  receiptValidityHours: number;
  outbox: { owner: string; maxAttempts: number; concurrency: number; pollMs: number; leaseMs: number; retry: BackoffPolicy };
  limiters?: Partial<{ submit: RateLimiter; phone: RateLimiter; receipts: RateLimiter }>;
  now?: () => Date;
  random?: () => number;
}

/** Where the mini app submits: mounted in the app, and run before Express's router by the server. */
export const DECLARATIONS_PATH = "/api/declarations";

export interface DeclarationsFeature {
  /** Mounted under these paths by the composition root. */
  api: Array<readonly [string, Router]>;
  /** `POST /api/declarations` after the API's common middleware, for the server's route before Express's router. */
  submitHandlers: RequestHandler[];
  /** Started and stopped with the server. */
  worker: OutboxWorker;
  deadLetters: DeadLetters;
}

/**
 * The declarations feature, wired: the citizen's routes (`/api/declarations`, `/api/me`), the
 * verifiers' receipt lookup (`/api/receipts`), and the outbox worker forwarding every accepted
 * declaration to the backend.
 */
export function createDeclarationsFeature(deps: DeclarationsDeps): DeclarationsFeature {
  const now = deps.now ?? (() => new Date());
  const declarations = new DeclarationRepository(deps.db);
  const outbox = new OutboxRepository(deps.db);
  const worker = createOutboxWorker({
    outbox,
    declarations,
    backend: deps.backend,
    cipher: deps.cipher,
    ...deps.outbox,
    now,
    ...(deps.random ? { random: deps.random } : {}),
    metrics: createOutboxMetrics(deps.registry, outbox),
    logger: deps.logger,
  });
  const auth = requireZaloUser(deps.graph);
  const limiter = (given: RateLimiter | undefined, fallback: { capacity: number; perMinute: number }) => given ?? createTokenBucketLimiter(fallback);
  const submit = {
    declarations,
    writer: deps.writer ?? sealThenInsert(deps.sealer ?? inlineSealer(deps.cipher, deps.signer), groupCommitInsert(declarations, deps.db.dialect)),
    checkpoints: cachedCheckpoints(deps.checkpoints),
    wards: deps.wards,
    cipher: deps.cipher,
    limiter: limiter(deps.limiters?.submit, DEFAULT_LIMITS.submitPerUser),
    receiptValidityHours: deps.receiptValidityHours,
    now,
    onAccepted: () => worker.wake(),
  };
  return {
    api: [
      [DECLARATIONS_PATH, declarationsRouter({ auth, submit })],
      ["/api/receipts", receiptsRouter({ declarations, checkpoints: deps.checkpoints, now, limiter: limiter(deps.limiters?.receipts, DEFAULT_LIMITS.receiptsPerAddress) })],
      ["/api/me", meRouter({ auth, graph: deps.graph, consents: deps.consents, limiter: limiter(deps.limiters?.phone, DEFAULT_LIMITS.phonePerUser) })],
    ],
    submitHandlers: declarationSubmitHandlers({ auth, submit }),
    worker,
    deadLetters: createDeadLetters({ outbox, problems: new ForwardingProblems(deps.db), wake: () => worker.wake(), now }),
  };
}

/**
 * Inserts of concurrent submissions sharing a commit, when no declaration thread stores them.
 * SQLite runs one transaction at a time: a second batch in flight would only wait for the lock
 * with one item in it, while with one in flight the next batch gathers everyone who arrived
 * meanwhile. PostgreSQL commits on several connections at once.
 */
function groupCommitInsert(declarations: DeclarationRepository, dialect: Queryable["dialect"]) {
  return createBatchedDeclarationInserter(declarations, { maxInFlight: dialect === "sqlite" ? 1 : 2 }).insertWithOutbox;
}
