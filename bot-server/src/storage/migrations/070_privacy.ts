import { portable, type Migration } from "./define";

/**
 * Personal-data protection.
 * - privacy_consents: what a Zalo user agreed to (scope, text version, when) and when they withdrew
 *   it. Kept after a deletion request: it is the proof that the processing was consented to.
 * - privacy_deletion_requests: a citizen's request to delete their data and how far it went.
 * - privacy_retention_runs: every run of the retention job (shown in the console).
 * - declarations.personal_data_purged_at: set when the sealed declaration and every column that
 *   could lead back to the person were blanked; the anonymous part (checkpoint, direction,
 *   destination, times, forwarding status) stays so that counts do not change.
 */
export const migration: Migration = {
  id: "070_privacy",
  up: portable(
    (t) => `
CREATE TABLE privacy_consents (
  id           TEXT PRIMARY KEY,
  zalo_user_id TEXT NOT NULL,
  scope        TEXT NOT NULL CHECK (scope IN ('declaration', 'phone', 'profile')),
  version      TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('app', 'declaration')),
  given_at     TEXT NOT NULL,
  withdrawn_at TEXT,
  created_at   TEXT NOT NULL DEFAULT ${t.nowIso}
);
CREATE INDEX privacy_consents_user_idx ON privacy_consents (zalo_user_id, scope, given_at);

CREATE TABLE privacy_deletion_requests (
  id                    TEXT PRIMARY KEY,
  zalo_user_id          TEXT NOT NULL,
  status                TEXT NOT NULL CHECK (status IN ('received', 'waiting_delivery', 'done')),
  requested_at          TEXT NOT NULL,
  completed_at          TEXT,
  declarations_purged   INTEGER NOT NULL DEFAULT 0,
  declarations_waiting  INTEGER NOT NULL DEFAULT 0,
  updated_at            TEXT NOT NULL
);
CREATE INDEX privacy_deletion_requests_user_idx ON privacy_deletion_requests (zalo_user_id, requested_at);
CREATE INDEX privacy_deletion_requests_status_idx ON privacy_deletion_requests (status);

CREATE TABLE privacy_retention_runs (
  id                      ${t.autoId},
  run_trigger             TEXT NOT NULL CHECK (run_trigger IN ('schedule', 'cli', 'console')),
  started_at              TEXT NOT NULL,
  finished_at             TEXT,
  cutoff                  TEXT NOT NULL,
  declarations_purged     INTEGER NOT NULL DEFAULT 0,
  inbox_purged            INTEGER NOT NULL DEFAULT 0,
  messages_purged         INTEGER NOT NULL DEFAULT 0,
  deletion_requests_done  INTEGER NOT NULL DEFAULT 0,
  error                   TEXT
);

ALTER TABLE declarations ADD COLUMN personal_data_purged_at TEXT;
CREATE INDEX declarations_purge_idx ON declarations (personal_data_purged_at, issued_at);
`,
  ),
};
