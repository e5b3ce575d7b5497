import { portable, type Migration, type SqlFragments } from "./define";

const tables = (t: SqlFragments) => `
CREATE TABLE staff_accounts (
  id                   TEXT PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'checkpoint_officer', 'admin')),
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled             INTEGER NOT NULL DEFAULT 0,
  password_changed_at  TEXT NOT NULL,
  last_login_at        TEXT,
  created_at           TEXT NOT NULL DEFAULT ${t.nowIso},
  updated_at           TEXT NOT NULL DEFAULT ${t.nowIso}
);

CREATE TABLE staff_sessions (
  id               TEXT PRIMARY KEY,
  account_id       TEXT NOT NULL REFERENCES staff_accounts (id),
  created_at       TEXT NOT NULL,
  last_seen_at     TEXT NOT NULL,
  idle_expires_at  TEXT NOT NULL,
  expires_at       TEXT NOT NULL
);
CREATE INDEX staff_sessions_account_idx ON staff_sessions (account_id);
CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at);

CREATE TABLE staff_login_throttle (
  username      TEXT PRIMARY KEY,
  failures      INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  updated_at    TEXT NOT NULL
);

CREATE TABLE staff_audit_log (
  id              ${t.autoId},
  at              TEXT NOT NULL DEFAULT ${t.nowIso},
  actor_id        TEXT,
  actor_username  TEXT,
  action          TEXT NOT NULL,
  target_type     TEXT,
  target_id       TEXT,
  reason          TEXT,
  request_id      TEXT,
  details         TEXT
);
CREATE INDEX staff_audit_log_at_idx ON staff_audit_log (at);
CREATE INDEX staff_audit_log_target_idx ON staff_audit_log (target_type, target_id);
`;

/**
 * The staff console: accounts (scrypt hashes, never passwords), sessions (only the SHA-256 of
 * each token is stored, so a leaked table cannot be replayed as cookies), the wrong-password
 * counter per typed username (known or not, so a lockout tells nothing about who exists) and
 * the audit log, which triggers keep append-only in both dialects.
 */
export const migration: Migration = {
  id: "010_staff",
  up: {
    sqlite: `${portable(tables).sqlite}
CREATE TRIGGER staff_audit_log_no_update BEFORE UPDATE ON staff_audit_log
BEGIN SELECT RAISE(ABORT, 'staff_audit_log is append-only'); END;
CREATE TRIGGER staff_audit_log_no_delete BEFORE DELETE ON staff_audit_log
BEGIN SELECT RAISE(ABORT, 'staff_audit_log is append-only'); END;
`,
    postgres: `${portable(tables).postgres}
CREATE FUNCTION staff_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'staff_audit_log is append-only';
END
$$;
CREATE TRIGGER staff_audit_log_no_change BEFORE UPDATE OR DELETE ON staff_audit_log
FOR EACH ROW EXECUTE FUNCTION staff_audit_log_append_only();
`,
  },
};
