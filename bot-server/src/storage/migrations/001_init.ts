import { portable, type Migration } from "./define";

export const migration: Migration = {
  id: "001_init",
  up: portable(
    (t) => `
CREATE TABLE checkpoints (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  province_code TEXT NOT NULL,
  ward_code     TEXT,
  address       TEXT NOT NULL DEFAULT '',
  direction     TEXT NOT NULL CHECK (direction IN ('into', 'out_of', 'both')),
  latitude      ${t.real},
  longitude     ${t.real},
  active_from   TEXT,
  active_to     TEXT,
  notes         TEXT,
  created_at    TEXT NOT NULL DEFAULT ${t.nowIso},
  updated_at    TEXT NOT NULL DEFAULT ${t.nowIso}
);
CREATE INDEX checkpoints_province_idx ON checkpoints (province_code, ward_code);

CREATE TABLE app_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT ${t.nowIso}
);
`,
  ),
};
