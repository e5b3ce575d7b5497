import { portable, type Migration } from "./define";

/**
 * Staff may send a rejected declaration again after it was corrected on the backend's side.
 * The backend keeps its first verdict per Idempotency-Key (a repeat never changes it), so a
 * resend is a new request with a new key: `resends` counts them and the worker derives the key
 * from it (0 = the declaration id itself). The index serves the forwarding page: rows of one
 * state, newest finished first, and "forwarded today".
 */
export const migration: Migration = {
  id: "030_outbox_resends",
  up: portable(
    () => `
ALTER TABLE declaration_outbox ADD COLUMN resends INTEGER NOT NULL DEFAULT 0;
CREATE INDEX declaration_outbox_finished_idx ON declaration_outbox (state, finished_at);
`,
  ),
};
