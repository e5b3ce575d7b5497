import type { InboxConversationSummary, InboxMessage, InboxNote, InboxStatus, InboxView } from "@khaibao/shared";
import type { Queryable, SqlValue } from "../storage";

/** Who is asking: agents see their own and unassigned conversations, supervisors and admins all. */
export interface InboxViewer {
  staffId: string;
  seeAll: boolean;
}

export interface InboxListFilter {
  view: InboxView;
  status: InboxStatus | "any";
  label?: string | undefined;
  /** Only these users (a search's hits). */
  userIds?: readonly string[] | undefined;
  limit?: number;
}

export interface InboxState {
  userId: string;
  owner: "bot" | "human";
  assigneeId: string | null;
  deskId: string | null;
  resolvedAt: string | null;
  appUserId: string | null;
  following: boolean | null;
}

/** A list row before the names are opened. */
export type StoredSummary = InboxConversationSummary & { contactNameSealed: Buffer | null; zaloNameSealed: Buffer | null; ownerSince: string; lastInboundAt: string | null };

export interface SealedContact {
  nameSealed: Buffer | null;
  nameIndex: string | null;
  phoneSealed: Buffer | null;
  phoneIndex: string | null;
}

interface SummaryRow {
  user_id: string;
  owner: "bot" | "human";
  owner_since: string;
  last_inbound_at: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  desk_id: string | null;
  resolved_at: string | null;
  contact_name_sealed: Buffer | null;
  zalo_name_sealed: Buffer | null;
  last_text: string | null;
  last_at: string | null;
  last_direction: "in" | "out" | null;
  last_kind: string | null;
  unread: number | string;
  waiting_since: string | null;
}

/**
 * Status is derived, so it can never disagree with who owns the chat (what the bot checks):
 * a person owns it -> open; the bot owns it -> resolved if staff resolved it since, else pending.
 */
const STATUS_WHERE: Record<InboxStatus, string> = {
  open: "c.owner = 'human'",
  pending: "c.owner = 'bot' AND s.resolved_at IS NULL",
  resolved: "c.owner = 'bot' AND s.resolved_at IS NOT NULL",
};

/**
 * The support inbox's storage: assignment, resolution, read markers, labels, notes and the
 * sealed contact, beside `zalo_conversations` (owner) and `zalo_conversation_messages`
 * (messages), which the Zalo module writes. Writers take a `Queryable` so a change and its
 * owner switch commit together.
 */
export class InboxRepository {
  constructor(private readonly db: Queryable) {}

  async ensure(q: Queryable, userId: string, now: Date): Promise<void> {
    await q.run("INSERT INTO support_conversations (user_id, updated_at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING", [userId, now]);
  }

  async state(userId: string, q: Queryable = this.db): Promise<InboxState | undefined> {
    const row = await q.get<{ user_id: string; owner: "bot" | "human"; following: number | null; assignee_id: string | null; desk_id: string | null; resolved_at: string | null; app_user_id: string | null }>(
      `SELECT c.user_id, c.owner, c.following, s.assignee_id, s.desk_id, s.resolved_at, s.app_user_id
         FROM zalo_conversations c LEFT JOIN support_conversations s ON s.user_id = c.user_id WHERE c.user_id = $1`,
      [userId],
    );
    if (!row) return undefined;
    return {
      userId: row.user_id,
      owner: row.owner,
      assigneeId: row.assignee_id,
      deskId: row.desk_id,
      resolvedAt: row.resolved_at,
      appUserId: row.app_user_id,
      following: row.following === null ? null : Number(row.following) === 1,
    };
  }

  /** True when the viewer may open this conversation (theirs, unassigned, or they see all). */
  static visible(state: Pick<InboxState, "assigneeId">, viewer: InboxViewer): boolean {
    return viewer.seeAll || state.assigneeId === null || state.assigneeId === viewer.staffId;
  }

  async assign(q: Queryable, userId: string, assigneeId: string | null, now: Date): Promise<void> {
    await this.ensure(q, userId, now);
    await q.run("UPDATE support_conversations SET assignee_id = $2, updated_at = $3 WHERE user_id = $1", [userId, assigneeId, now]);
  }

  async setResolved(q: Queryable, userId: string, resolved: boolean, now: Date): Promise<void> {
    await this.ensure(q, userId, now);
    await q.run("UPDATE support_conversations SET resolved_at = $2, updated_at = $3 WHERE user_id = $1", [userId, resolved ? now : null, now]);
  }

  /** The citizen wrote again: a resolved conversation is reopened. True when it was resolved. */
  async reopen(q: Queryable, userId: string, now: Date): Promise<boolean> {
    const { changes } = await q.run("UPDATE support_conversations SET resolved_at = NULL, updated_at = $2 WHERE user_id = $1 AND resolved_at IS NOT NULL", [userId, now]);
    return changes > 0;
  }

  async setDesk(q: Queryable, userId: string, deskId: string | null, now: Date): Promise<void> {
    await this.ensure(q, userId, now);
    await q.run("UPDATE support_conversations SET desk_id = $2, updated_at = $3 WHERE user_id = $1", [userId, deskId, now]);
  }

  async appUserIdOf(userId: string): Promise<string | null | undefined> {
    return (await this.db.get<{ app_user_id: string | null }>("SELECT app_user_id FROM support_conversations WHERE user_id = $1", [userId]))?.app_user_id;
  }

  async setAppUserId(q: Queryable, userId: string, appUserId: string, now: Date): Promise<void> {
    await this.ensure(q, userId, now);
    await q.run("UPDATE support_conversations SET app_user_id = $2, updated_at = $3 WHERE user_id = $1 AND (app_user_id IS NULL OR app_user_id <> $2)", [userId, appUserId, now]);
  }

  /** What the citizen shared (name, phone), sealed; fields not shared keep their old value. */
  async setContact(q: Queryable, userId: string, contact: SealedContact, now: Date): Promise<void> {
    await this.ensure(q, userId, now);
    await q.run(
      `UPDATE support_conversations SET
         contact_name_sealed = COALESCE($2, contact_name_sealed), contact_name_index = COALESCE($3, contact_name_index),
         contact_phone_sealed = COALESCE($4, contact_phone_sealed), contact_phone_index = COALESCE($5, contact_phone_index),
         updated_at = $6
       WHERE user_id = $1`,
      [userId, contact.nameSealed, contact.nameIndex, contact.phoneSealed, contact.phoneIndex, now],
    );
  }

  async contact(userId: string): Promise<{ zaloNameSealed: Buffer | null; nameSealed: Buffer | null; phoneSealed: Buffer | null; appUserId: string | null } | undefined> {
    const row = await this.db.get<{ zalo_name_sealed: Buffer | null; contact_name_sealed: Buffer | null; contact_phone_sealed: Buffer | null; app_user_id: string | null }>(
      "SELECT zalo_name_sealed, contact_name_sealed, contact_phone_sealed, app_user_id FROM support_conversations WHERE user_id = $1",
      [userId],
    );
    return row ? { zaloNameSealed: row.zalo_name_sealed, nameSealed: row.contact_name_sealed, phoneSealed: row.contact_phone_sealed, appUserId: row.app_user_id } : undefined;
  }

  /** The Zalo display name (OA API), sealed with its blind index. */
  async setZaloName(q: Queryable, userId: string, sealed: Buffer, index: string | null, now: Date): Promise<void> {
    await this.ensure(q, userId, now);
    await q.run("UPDATE support_conversations SET zalo_name_sealed = $2, zalo_name_index = $3, updated_at = $4 WHERE user_id = $1", [userId, sealed, index, now]);
  }

  async hasZaloName(userId: string): Promise<boolean> {
    return (await this.db.get("SELECT user_id FROM support_conversations WHERE user_id = $1 AND zalo_name_sealed IS NOT NULL", [userId])) !== undefined;
  }

  /** Users whose shared name or phone has this blind index, or whose app-scoped id is one of `appUserIds`. */
  async findUsers(by: { nameIndex?: string; phoneIndex?: string; appUserIds?: readonly string[]; userId?: string }): Promise<string[]> {
    const found = new Set<string>();
    if (by.nameIndex) {
      const rows = await this.db.all<{ user_id: string }>("SELECT user_id FROM support_conversations WHERE contact_name_index = $1 OR zalo_name_index = $1", [by.nameIndex]);
      for (const r of rows) found.add(r.user_id);
    }
    if (by.phoneIndex) for (const r of await this.db.all<{ user_id: string }>("SELECT user_id FROM support_conversations WHERE contact_phone_index = $1", [by.phoneIndex])) found.add(r.user_id);
    for (const id of by.appUserIds ?? []) {
      for (const r of await this.db.all<{ user_id: string }>("SELECT user_id FROM support_conversations WHERE app_user_id = $1", [id])) found.add(r.user_id);
      if (await this.db.get("SELECT user_id FROM zalo_conversations WHERE user_id = $1", [id])) found.add(id);
    }
    if (by.userId && (await this.db.get("SELECT user_id FROM zalo_conversations WHERE user_id = $1", [by.userId]))) found.add(by.userId);
    return [...found];
  }

  async list(filter: InboxListFilter, viewer: InboxViewer): Promise<StoredSummary[]> {
    const params: SqlValue[] = [viewer.staffId];
    const where: string[] = [];
    if (filter.status !== "any") where.push(STATUS_WHERE[filter.status]);
    if (filter.view === "mine") where.push("s.assignee_id = $1");
    else if (filter.view === "unassigned") where.push("s.assignee_id IS NULL");
    if (!viewer.seeAll) where.push("(s.assignee_id IS NULL OR s.assignee_id = $1)");
    if (filter.label) {
      params.push(filter.label);
      where.push(`EXISTS (SELECT 1 FROM support_labels l WHERE l.user_id = c.user_id AND l.label = $${params.length})`);
    }
    if (filter.userIds) {
      if (filter.userIds.length === 0) return [];
      const marks = filter.userIds.map((id) => {
        params.push(id);
        return `$${params.length}`;
      });
      where.push(`c.user_id IN (${marks.join(", ")})`);
    }
    params.push(filter.limit ?? 100);
    const rows = await this.db.all<SummaryRow>(
      `${this.summarySelect()} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY c.updated_at DESC, c.user_id LIMIT $${params.length}`,
      params,
    );
    return this.hydrate(rows);
  }

  async summary(userId: string, staffId: string): Promise<StoredSummary | undefined> {
    const rows = await this.db.all<SummaryRow>(`${this.summarySelect()} WHERE c.user_id = $2`, [staffId, userId]);
    return (await this.hydrate(rows))[0];
  }

  /** Open conversations per view, and unread messages in those this person answers. */
  async counts(viewer: InboxViewer): Promise<{ mine: number; unassigned: number; all: number; unread: number }> {
    const row = await this.db.get<{ mine: number | string | null; unassigned: number | string | null; total: number | string | null; unread: number | string | null }>(
      `SELECT
         SUM(CASE WHEN s.assignee_id = $1 THEN 1 ELSE 0 END) AS mine,
         SUM(CASE WHEN s.assignee_id IS NULL THEN 1 ELSE 0 END) AS unassigned,
         SUM(CASE WHEN $2 = 1 OR s.assignee_id IS NULL OR s.assignee_id = $1 THEN 1 ELSE 0 END) AS total,
         SUM(CASE WHEN s.assignee_id IS NULL OR s.assignee_id = $1 THEN ${this.unreadSql()} ELSE 0 END) AS unread
       FROM zalo_conversations c LEFT JOIN support_conversations s ON s.user_id = c.user_id
       WHERE c.owner = 'human'`,
      [viewer.staffId, viewer.seeAll ? 1 : 0],
    );
    return { mine: Number(row?.mine ?? 0), unassigned: Number(row?.unassigned ?? 0), all: Number(row?.total ?? 0), unread: Number(row?.unread ?? 0) };
  }

  private unreadSql(): string {
    return `(SELECT COUNT(*) FROM zalo_conversation_messages m WHERE m.user_id = c.user_id AND m.direction = 'in'
               AND m.id > COALESCE((SELECT r.last_read_id FROM support_reads r WHERE r.user_id = c.user_id AND r.staff_id = $1), 0))`;
  }

  private summarySelect(): string {
    return `SELECT c.user_id, c.owner, c.owner_since, c.last_inbound_at, s.assignee_id, a.display_name AS assignee_name, s.desk_id, s.resolved_at,
              s.contact_name_sealed, s.zalo_name_sealed,
              lm.text AS last_text, lm.created_at AS last_at, lm.direction AS last_direction, lm.kind AS last_kind,
              ${this.unreadSql()} AS unread,
              (SELECT MIN(m.created_at) FROM zalo_conversation_messages m WHERE m.user_id = c.user_id AND m.direction = 'in'
                  AND m.id > COALESCE((SELECT MAX(o.id) FROM zalo_conversation_messages o WHERE o.user_id = c.user_id AND o.direction = 'out'), 0)) AS waiting_since
         FROM zalo_conversations c
         LEFT JOIN support_conversations s ON s.user_id = c.user_id
         LEFT JOIN staff_accounts a ON a.id = s.assignee_id
         LEFT JOIN zalo_conversation_messages lm ON lm.id = (SELECT MAX(m.id) FROM zalo_conversation_messages m WHERE m.user_id = c.user_id)`;
  }

  private async hydrate(rows: SummaryRow[]): Promise<StoredSummary[]> {
    // One query for every row's labels.
    const labels = new Map<string, string[]>();
    if (rows.length > 0) {
      const marks = rows.map((_, i) => `$${i + 1}`).join(", ");
      const found = await this.db.all<{ user_id: string; label: string }>(`SELECT user_id, label FROM support_labels WHERE user_id IN (${marks}) ORDER BY label`, rows.map((r) => r.user_id));
      for (const l of found) labels.set(l.user_id, [...(labels.get(l.user_id) ?? []), l.label]);
    }
    return rows.map((r) => ({
      userId: r.user_id,
      status: r.owner === "human" ? "open" : r.resolved_at !== null ? "resolved" : "pending",
      owner: r.owner,
      ownerSince: r.owner_since,
      lastInboundAt: r.last_inbound_at,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      deskId: r.desk_id,
      displayName: null,
      contactNameSealed: r.contact_name_sealed,
      zaloNameSealed: r.zalo_name_sealed,
      lastMessageText: r.last_at === null ? null : (r.last_text ?? `[${r.last_kind ?? ""}]`),
      lastMessageAt: r.last_at,
      lastMessageDirection: r.last_direction,
      waitingSince: r.waiting_since,
      unread: Number(r.unread),
      labels: labels.get(r.user_id) ?? [],
    }));
  }

  /** Read up to the latest message (`read`), or back to just before the latest inbound one (mark unread). */
  async markRead(userId: string, staffId: string, read: boolean, now: Date): Promise<void> {
    const row = read
      ? await this.db.get<{ id: number | string | null }>("SELECT MAX(id) AS id FROM zalo_conversation_messages WHERE user_id = $1", [userId])
      : await this.db.get<{ id: number | string | null }>(
          "SELECT COALESCE(MAX(id), 1) - 1 AS id FROM zalo_conversation_messages WHERE user_id = $1 AND direction = 'in'",
          [userId],
        );
    const upTo = Number(row?.id ?? 0);
    await this.db.run(
      `INSERT INTO support_reads (user_id, staff_id, last_read_id, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, staff_id) DO UPDATE SET last_read_id = excluded.last_read_id, updated_at = excluded.updated_at`,
      [userId, staffId, upTo, now],
    );
  }

  async labels(userId: string): Promise<string[]> {
    return (await this.db.all<{ label: string }>("SELECT label FROM support_labels WHERE user_id = $1 ORDER BY label", [userId])).map((r) => r.label);
  }

  async setLabels(q: Queryable, userId: string, labels: readonly string[]): Promise<void> {
    await q.run("DELETE FROM support_labels WHERE user_id = $1", [userId]);
    for (const label of new Set(labels)) await q.run("INSERT INTO support_labels (user_id, label) VALUES ($1, $2)", [userId, label]);
  }

  async addNote(userId: string, author: { id: string; name: string }, text: string, now: Date): Promise<InboxNote> {
    const row = await this.db.get<{ id: number | string }>(
      "INSERT INTO support_notes (user_id, author_id, author_name, text, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
      [userId, author.id, author.name, text, now],
    );
    return { id: Number(row?.id), authorName: author.name, text, createdAt: now.toISOString() };
  }

  async notes(userId: string): Promise<InboxNote[]> {
    const rows = await this.db.all<{ id: number | string; author_name: string; text: string; created_at: string }>(
      "SELECT id, author_name, text, created_at FROM support_notes WHERE user_id = $1 ORDER BY id",
      [userId],
    );
    return rows.map((r) => ({ id: Number(r.id), authorName: r.author_name, text: r.text, createdAt: r.created_at }));
  }

  async recordReplyAuthor(q: Queryable, outboxIds: readonly number[], staff: { id: string; name: string }): Promise<void> {
    for (const id of outboxIds) await q.run("INSERT INTO support_replies (outbox_id, staff_id, staff_name) VALUES ($1, $2, $3) ON CONFLICT (outbox_id) DO NOTHING", [id, staff.id, staff.name]);
  }

  /** The thread as staff see it: the latest messages both ways, oldest first. */
  async messages(userId: string, limit = 200): Promise<InboxMessage[]> {
    const rows = await this.db.all<{
      id: number | string;
      direction: "in" | "out";
      author: InboxMessage["author"];
      staff_name: string | null;
      kind: string;
      text: string | null;
      state: string;
      zalo_code: number | null;
      reason: string | null;
      seen_at: string | null;
      created_at: string;
    }>(
      `SELECT m.id, m.direction, m.author, r.staff_name, m.kind, m.text, m.state, m.zalo_code, m.reason, m.seen_at, m.created_at
         FROM zalo_conversation_messages m LEFT JOIN support_replies r ON r.outbox_id = m.outbox_id
        WHERE m.user_id = $1 ORDER BY m.id DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.reverse().map((r) => ({
      id: Number(r.id),
      direction: r.direction,
      author: r.author,
      staffName: r.staff_name,
      kind: r.kind,
      text: r.text,
      delivery: r.state === "received" ? "received" : r.state === "sent" ? "sent" : r.state === "failed" || r.state === "undeliverable" ? "failed" : "sending",
      zaloCode: r.zalo_code === null ? null : Number(r.zalo_code),
      reason: r.reason,
      seen: r.seen_at !== null,
      createdAt: r.created_at,
    }));
  }

  /** An outgoing message of this user, with its queue row, for a retry. */
  async outgoing(userId: string, messageId: number): Promise<{ outboxId: number | null; state: string } | undefined> {
    const row = await this.db.get<{ outbox_id: number | string | null; state: string }>(
      "SELECT outbox_id, state FROM zalo_conversation_messages WHERE id = $1 AND user_id = $2 AND direction = 'out'",
      [messageId, userId],
    );
    return row ? { outboxId: row.outbox_id === null ? null : Number(row.outbox_id), state: row.state } : undefined;
  }

  /** The user of an outgoing message's queue row (for delivery events). */
  async userOfOutbox(outboxId: number): Promise<string | undefined> {
    return (await this.db.get<{ user_id: string }>("SELECT user_id FROM zalo_outbox WHERE id = $1", [outboxId]))?.user_id;
  }
}
