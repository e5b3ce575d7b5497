import type { Migration } from "./define";

/**
 * Support inbox, after 040:
 * - a desk lists the checkpoints it serves (comma-separated ids): a citizen whose latest
 *   declaration was at one of them gets that desk's hours, unless staff set the conversation's desk;
 * - the inbox lists conversations by owner, latest activity first (the citizen writing, an owner
 *   change): an index for that order.
 */
export const migration: Migration = {
  id: "041_support_desk_checkpoints",
  up: `
ALTER TABLE support_desks ADD COLUMN checkpoint_ids TEXT NOT NULL DEFAULT '';
CREATE INDEX zalo_conversations_owner_updated_idx ON zalo_conversations (owner, updated_at);
`,
};
