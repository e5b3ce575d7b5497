import { portable, type Migration } from "./define";

/**
 * Zalo OA messaging: the durable webhook inbox, conversations with their messages, the outbound
 * queue and the OA's token pair. Zalo ids are TEXT (64-bit numbers kept as their exact digits).
 *
 * - zalo_inbox: every accepted webhook event, stored before Zalo gets its 200. `dedupe_key` makes
 *   a redelivery a no-op; a user's events are processed one at a time in `id` order (user_id ''
 *   is for events about no single user). `raw_body` is the exact text Zalo signed.
 * - zalo_conversations / zalo_conversation_messages: per Zalo user, who answers (`bot` or
 *   `human`) and the messages both ways with their state.
 * - zalo_outbox: messages to send, one Zalo message per row, sent in order per user.
 *   `zalo_message_id` remembers what we sent so its `oa_send_*` echo is recognised.
 * - zalo_oa_tokens: the OA's access/refresh pair; `lock_owner`/`lock_until` is the lease one
 *   instance holds while it spends the single-use refresh token.
 */
export const migration: Migration = {
  id: "020_zalo_messaging",
  up: portable(
    (t) => `
CREATE TABLE zalo_inbox (
  id              ${t.autoId},
  dedupe_key      TEXT NOT NULL UNIQUE,
  event_name      TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  event_timestamp TEXT NOT NULL,
  raw_body        TEXT NOT NULL,
  retry_num       INTEGER NOT NULL DEFAULT 0,
  state           TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_until   TEXT,
  claimed_by      TEXT,
  last_error      TEXT,
  received_at     TEXT NOT NULL,
  finished_at     TEXT
);
CREATE INDEX zalo_inbox_queue_idx ON zalo_inbox (state, user_id, id);

CREATE TABLE zalo_conversations (
  user_id         TEXT PRIMARY KEY,
  owner           TEXT NOT NULL CHECK (owner IN ('bot', 'human')),
  owner_since     TEXT NOT NULL,
  owner_reason    TEXT,
  following       INTEGER,
  last_inbound_at TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE zalo_conversation_messages (
  id           ${t.autoId},
  user_id      TEXT NOT NULL,
  direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  author       TEXT NOT NULL CHECK (author IN ('user', 'bot', 'staff', 'oa_admin')),
  kind         TEXT NOT NULL,
  text         TEXT,
  payload      TEXT,
  zalo_msg_id  TEXT UNIQUE,
  state        TEXT NOT NULL CHECK (state IN ('received', 'queued', 'sending', 'sent', 'failed', 'undeliverable')),
  zalo_code    INTEGER,
  reason       TEXT,
  outbox_id    ${t.bigint} UNIQUE,
  inbox_id     ${t.bigint},
  delivered_at TEXT,
  seen_at      TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX zalo_conversation_messages_user_idx ON zalo_conversation_messages (user_id, id);

CREATE TABLE zalo_outbox (
  id              ${t.autoId},
  user_id         TEXT NOT NULL,
  message         TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'undeliverable')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_until   TEXT,
  claimed_by      TEXT,
  zalo_message_id TEXT UNIQUE,
  zalo_code       INTEGER,
  reason          TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  sent_at         TEXT
);
CREATE INDEX zalo_outbox_queue_idx ON zalo_outbox (state, user_id, id);

CREATE TABLE zalo_oa_tokens (
  oa_id              TEXT PRIMARY KEY,
  access_token       TEXT,
  refresh_token      TEXT NOT NULL,
  access_expires_at  TEXT NOT NULL,
  refresh_expires_at TEXT,
  version            INTEGER NOT NULL DEFAULT 0,
  seed_hash          TEXT,
  lock_owner         TEXT,
  lock_until         TEXT,
  refreshed_at       TEXT,
  last_error         TEXT,
  updated_at         TEXT NOT NULL
);
`,
  ),
};
