import { portable, type Migration } from "./define";

/**
 * Declarations and their outbox. No column holds a name, ID number or phone in clear: the whole
 * validated declaration is sealed (FieldCipher), the holder is kept masked for receipts, and the
 * ID number only as a blind index. Destination codes are places, not people (for counts).
 */
export const migration: Migration = {
  id: "002_declarations",
  up: portable(
    (t) => `
CREATE TABLE declarations (
  id                        TEXT PRIMARY KEY,
  receipt_code              TEXT NOT NULL UNIQUE,
  zalo_user_id              TEXT NOT NULL,
  idempotency_key           TEXT NOT NULL,
  request_hash              TEXT NOT NULL,
  checkpoint_id             TEXT NOT NULL REFERENCES checkpoints (id),
  direction                 TEXT NOT NULL CHECK (direction IN ('into', 'out_of')),
  issued_at                 TEXT NOT NULL,
  expires_at                TEXT NOT NULL,
  status                    TEXT NOT NULL CHECK (status IN ('accepted', 'forwarded', 'rejected', 'revoked')),
  status_reason             TEXT,
  holder_name_masked        TEXT NOT NULL,
  holder_id_masked          TEXT NOT NULL,
  id_number_index           TEXT NOT NULL,
  sealed                    ${t.bytes} NOT NULL,
  sealed_key_id             TEXT NOT NULL,
  destination_province_code TEXT NOT NULL,
  destination_ward_code     TEXT,
  receipt_qr                TEXT NOT NULL,
  created_at                TEXT NOT NULL DEFAULT ${t.nowIso},
  updated_at                TEXT NOT NULL DEFAULT ${t.nowIso},
  UNIQUE (zalo_user_id, idempotency_key)
);
CREATE INDEX declarations_id_number_idx ON declarations (id_number_index);
CREATE INDEX declarations_checkpoint_idx ON declarations (checkpoint_id, issued_at);
CREATE INDEX declarations_destination_idx ON declarations (destination_province_code, destination_ward_code, issued_at);

CREATE TABLE declaration_outbox (
  declaration_id  TEXT PRIMARY KEY REFERENCES declarations (id),
  state           TEXT NOT NULL CHECK (state IN ('pending', 'done', 'dead', 'rejected')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_until   TEXT,
  claimed_by      TEXT,
  last_error      TEXT,
  last_attempt_at TEXT,
  finished_at     TEXT,
  created_at      TEXT NOT NULL DEFAULT ${t.nowIso},
  updated_at      TEXT NOT NULL DEFAULT ${t.nowIso}
);
CREATE INDEX declaration_outbox_due_idx ON declaration_outbox (state, next_attempt_at);
`,
  ),
};
