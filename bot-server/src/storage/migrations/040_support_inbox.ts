import { portable, type Migration } from "./define";

/**
 * The support inbox, beside the Zalo conversations (zalo_conversations keeps who owns a chat:
 * bot or a person; the inbox adds what staff need around it). No column holds a citizen's
 * name or phone in clear: the contact's shared name and phone are sealed (FieldCipher) with a
 * blind index each for search.
 *
 * - support_conversations: per Zalo user, the assigned staff member, the desk (whose business
 *   hours the bot quotes), when staff resolved it (cleared when the citizen writes again), the
 *   app-scoped user id (links the chat to the citizen's declarations), the Zalo display name
 *   (from the OA API) and what the citizen shared (request_user_info), sealed.
 * - support_reads: per staff member, the last message they read (unread counts, mark unread).
 * - support_labels: light labels on a conversation.
 * - support_notes: private notes between staff; they live here, never in the message queue.
 * - support_replies: which staff member wrote an outgoing message (by its outbox row).
 * - support_canned_answers: answers inserted with `/shortcut`, with {ten}/{diem_chot} variables.
 * - support_desks: a desk (e.g. a district's team) and its hours in Asia/Ho_Chi_Minh.
 */
export const migration: Migration = {
  id: "040_support_inbox",
  up: portable(
    (t) => `
CREATE TABLE support_desks (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  hours             TEXT NOT NULL,
  out_of_hours_text TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);

CREATE TABLE support_conversations (
  user_id             TEXT PRIMARY KEY,
  assignee_id         TEXT,
  desk_id             TEXT REFERENCES support_desks (id),
  resolved_at         TEXT,
  app_user_id         TEXT,
  zalo_name_sealed    ${t.bytes},
  zalo_name_index     TEXT,
  contact_name_sealed ${t.bytes},
  contact_name_index  TEXT,
  contact_phone_sealed ${t.bytes},
  contact_phone_index TEXT,
  updated_at          TEXT NOT NULL
);
CREATE INDEX support_conversations_assignee_idx ON support_conversations (assignee_id);
CREATE INDEX support_conversations_name_idx ON support_conversations (contact_name_index);
CREATE INDEX support_conversations_zalo_name_idx ON support_conversations (zalo_name_index);
CREATE INDEX support_conversations_phone_idx ON support_conversations (contact_phone_index);
CREATE INDEX support_conversations_app_user_idx ON support_conversations (app_user_id);

CREATE TABLE support_reads (
  user_id      TEXT NOT NULL,
  staff_id     TEXT NOT NULL,
  last_read_id ${t.bigint} NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (user_id, staff_id)
);

CREATE TABLE support_labels (
  user_id TEXT NOT NULL,
  label   TEXT NOT NULL,
  PRIMARY KEY (user_id, label)
);
CREATE INDEX support_labels_label_idx ON support_labels (label);

CREATE TABLE support_notes (
  id          ${t.autoId},
  user_id     TEXT NOT NULL,
  author_id   TEXT NOT NULL,
  author_name TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX support_notes_user_idx ON support_notes (user_id, id);

CREATE TABLE support_replies (
  outbox_id  ${t.bigint} PRIMARY KEY,
  staff_id   TEXT NOT NULL,
  staff_name TEXT NOT NULL
);

CREATE TABLE support_canned_answers (
  id         ${t.autoId},
  shortcut   TEXT NOT NULL UNIQUE,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  updated_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
  ),
};
