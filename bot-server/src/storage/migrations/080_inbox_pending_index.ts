import { portable, type Migration } from "./define";

/**
 * The inbox worker claims each user's oldest pending event, oldest first. Through the
 * (state, user_id, id) index that meant sorting every pending event on every claim: with a burst's
 * backlog of tens of thousands, each claim blocked SQLite (and the event loop) for longer and
 * longer. Pending events in id order, and nothing else, make a claim stop at its LIMIT. The
 * outgoing queue has the same shape (and grows long when Zalo's rate limit holds replies back).
 */
export const migration: Migration = {
  id: "080_inbox_pending_index",
  up: portable(
    () => `CREATE INDEX zalo_inbox_pending_idx ON zalo_inbox (id) WHERE state = 'pending';
CREATE INDEX zalo_outbox_live_idx ON zalo_outbox (id) WHERE state IN ('queued', 'sending');`,
  ),
};
