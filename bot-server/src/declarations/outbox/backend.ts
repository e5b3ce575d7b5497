/**
 * The city's declaration backend, as the outbox worker sees it. `submit` resolves with the
 * backend's verdict on this declaration; it rejects (throws) when the backend could not give one
 * (down, 5xx, timeout, our own credentials refused): those are retried later with the same
 * idempotency key, so the backend must (and the stand-in does) dedupe on it.
 */
export interface DeclarationBackend {
  /** `idempotencyKey` defaults to `record.declarationId`; a staff resend after a rejection has its own. */
  submit(record: BackendDeclaration, idempotencyKey?: string): Promise<BackendVerdict>;
}

export type BackendVerdict = { ok: true; duplicate: boolean } | { rejected: string };

/** What we send: our ids, the checkpoint, the validity window and the validated declaration. */
export interface BackendDeclaration {
  /** Our declaration id, also the `Idempotency-Key` (unless staff resent it after a rejection). */
  declarationId: string;
  receiptCode: string;
  checkpointId: string;
  direction: "into" | "out_of";
  issuedAt: string;
  expiresAt: string;
  clientSubmittedAt: string | null;
  channel: "zalo-mini-app";
  declaration: unknown;
}

/** A failure worth retrying; `message` is safe to store (no personal data). */
export class BackendUnavailableError extends Error {
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "BackendUnavailableError";
  }
}
