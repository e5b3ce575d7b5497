import { RECEIPT_CODE_PATTERN, normalizePhone, type InboxContactResponse, type InboxConversationSummary, type InboxDeclarationSummary, type OutgoingMessage } from "@khaibao/shared";
import type { ConversationRepository } from "../conversations/repository";
import { AppError } from "../http/errors";
import type { FieldCipher } from "../privacy";
import type { AuditLog } from "../staff/audit";
import type { Database } from "../storage";
import type { OutboundRepository } from "../zalo/oa/outbox/repository";
import { nameIndexOf, phoneIndexOf } from "./contact";
import type { ConsoleEvents } from "./events";
import { InboxRepository, type InboxListFilter, type InboxState, type InboxViewer, type StoredSummary } from "./repository";

/** The signed-in staff member acting in the inbox. */
export interface InboxActor extends InboxViewer {
  username: string;
  displayName: string;
}

export interface InboxServiceDeps {
  db: Database;
  conversations: ConversationRepository;
  outbound: OutboundRepository;
  /** The OA module's durable queue (`ZaloModule.send`): sent or reported, never lost. */
  send(userId: string, messages: readonly OutgoingMessage[], author: "staff"): Promise<number[]>;
  /** Wake the sender after a retry was queued. */
  wakeSender?: () => void;
  cipher: FieldCipher;
  audit: AuditLog;
  events: ConsoleEvents;
  now: () => Date;
}

const notFound = () => new AppError("inbox.conversation_not_found", 404);

/**
 * What staff do in the inbox. Every change that moves the conversation between the bot and a
 * person writes `zalo_conversations.owner` (what the bot checks before replying) in the same
 * transaction as the inbox's own state, then tells the open consoles.
 */
export class InboxService {
  readonly inbox: InboxRepository;

  constructor(private readonly deps: InboxServiceDeps) {
    this.inbox = new InboxRepository(deps.db);
  }

  get db(): Database {
    return this.deps.db;
  }

  get events(): ConsoleEvents {
    return this.deps.events;
  }

  /** The conversation if this person may open it; 404 otherwise (another agent's chat is not even confirmed to exist). */
  async open(userId: string, viewer: InboxViewer): Promise<InboxState> {
    const state = await this.inbox.state(userId);
    if (!state || !InboxRepository.visible(state, viewer)) throw notFound();
    return state;
  }

  async list(filter: InboxListFilter, viewer: InboxViewer): Promise<InboxConversationSummary[]> {
    const rows = await this.inbox.list(filter, viewer);
    return rows.map((r) => this.present(r));
  }

  async summary(userId: string, viewer: InboxViewer) {
    const row = await this.inbox.summary(userId, viewer.staffId);
    if (!row) throw notFound();
    return { ...this.present(row), ownerSince: row.ownerSince, lastInboundAt: row.lastInboundAt };
  }

  private present(row: StoredSummary): InboxConversationSummary {
    return {
      userId: row.userId,
      status: row.status,
      owner: row.owner,
      assigneeId: row.assigneeId,
      assigneeName: row.assigneeName,
      deskId: row.deskId,
      // The Zalo name staff know the chat by; the name the citizen typed when Zalo gives none.
      displayName: this.openText(row.zaloNameSealed) ?? this.openText(row.contactNameSealed),
      lastMessageText: row.lastMessageText,
      lastMessageAt: row.lastMessageAt,
      lastMessageDirection: row.lastMessageDirection,
      waitingSince: row.waitingSince,
      unread: row.unread,
      labels: row.labels,
    };
  }

  private openText(sealed: Buffer | null): string | null {
    if (!sealed) return null;
    try {
      return this.deps.cipher.open(sealed).toString("utf8");
    } catch {
      return null; // a retired key: the name is simply not shown
    }
  }

  private async announce(userId: string, previousAssigneeId: string | null): Promise<void> {
    const state = await this.inbox.state(userId);
    this.deps.events.publish({ type: "conversation", userId, assigneeId: state?.assigneeId ?? null, previousAssigneeId });
  }

  /** A person answers from now on: assigned to `actor`, the bot silent, not resolved. */
  async takeOver(userId: string, actor: InboxActor): Promise<void> {
    const state = await this.open(userId, actor);
    const now = this.deps.now();
    await this.deps.db.transaction(async (tx) => {
      await this.deps.conversations.setOwner(tx, userId, "human", "staff_took_over", now);
      await this.inbox.assign(tx, userId, actor.staffId, now);
      await this.inbox.setResolved(tx, userId, false, now);
    });
    await this.announce(userId, state.assigneeId);
  }

  /** Supervisors: give the conversation to someone (or to no one: back to the unassigned queue). */
  async assign(userId: string, assigneeId: string | null, actor: InboxActor): Promise<void> {
    const state = await this.open(userId, actor);
    if (assigneeId !== null) {
      const account = await this.deps.db.get<{ role: string; disabled: number }>("SELECT role, disabled FROM staff_accounts WHERE id = $1", [assigneeId]);
      if (!account || Number(account.disabled) === 1 || !["agent", "supervisor", "admin"].includes(account.role)) {
        throw new AppError("inbox.assignee_invalid", 400, { fields: [{ path: "assigneeId", code: "inbox.assignee_invalid" }] });
      }
    }
    const now = this.deps.now();
    await this.deps.db.transaction(async (tx) => {
      await this.inbox.assign(tx, userId, assigneeId, now);
      // Assigned to a person: a person owns the chat.
      if (assigneeId !== null) {
        await this.deps.conversations.setOwner(tx, userId, "human", "staff_assigned", now);
        await this.inbox.setResolved(tx, userId, false, now);
      }
    });
    await this.announce(userId, state.assigneeId);
  }

  /** The bot answers again; the conversation stays active (pending) and leaves its assignee. */
  async handBack(userId: string, actor: InboxActor): Promise<void> {
    const state = await this.open(userId, actor);
    const now = this.deps.now();
    await this.deps.db.transaction(async (tx) => {
      await this.deps.conversations.setOwner(tx, userId, "bot", "staff_handed_back", now);
      await this.inbox.assign(tx, userId, null, now);
      await this.inbox.setResolved(tx, userId, false, now);
    });
    await this.announce(userId, state.assigneeId);
  }

  /** Done: the bot answers again; the citizen's next message reopens it. */
  async resolve(userId: string, actor: InboxActor): Promise<void> {
    const state = await this.open(userId, actor);
    const now = this.deps.now();
    await this.deps.db.transaction(async (tx) => {
      await this.deps.conversations.setOwner(tx, userId, "bot", "staff_resolved", now);
      await this.inbox.setResolved(tx, userId, true, now);
    });
    await this.announce(userId, state.assigneeId);
  }

  /**
   * A staff reply, through the OA module's durable queue. Replying takes the conversation over
   * if the bot held it or nobody did, so the bot never talks over a person.
   */
  async reply(userId: string, text: string, actor: InboxActor): Promise<number[]> {
    const state = await this.open(userId, actor);
    if (state.owner !== "human" || state.assigneeId === null) await this.takeOver(userId, actor);
    const ids = await this.deps.send(userId, [{ type: "text", text }], "staff");
    await this.inbox.recordReplyAuthor(this.deps.db, ids, { id: actor.staffId, name: actor.displayName });
    const after = await this.inbox.state(userId);
    this.deps.events.publish({ type: "message", userId, direction: "out", assigneeId: after?.assigneeId ?? null });
    return ids;
  }

  /** A failed or undeliverable message goes back to the queue as it was. */
  async retry(userId: string, messageId: number, actor: InboxActor): Promise<void> {
    const state = await this.open(userId, actor);
    const message = await this.inbox.outgoing(userId, messageId);
    if (!message || message.outboxId === null || (message.state !== "failed" && message.state !== "undeliverable")) throw new AppError("inbox.message_not_retryable", 409);
    const outboxId = message.outboxId;
    const now = this.deps.now();
    const requeued = await this.deps.db.transaction(async (tx) => {
      if (!(await this.deps.outbound.requeue(tx, outboxId, now))) return false;
      await this.deps.conversations.updateOutbound(tx, outboxId, { state: "queued", zaloMsgId: null, zaloCode: null, reason: null, at: now });
      return true;
    });
    if (!requeued) throw new AppError("inbox.message_not_retryable", 409);
    this.deps.wakeSender?.();
    this.deps.events.publish({ type: "delivery", userId, state: "sending", assigneeId: state.assigneeId });
  }

  async note(userId: string, text: string, actor: InboxActor) {
    const state = await this.open(userId, actor);
    const note = await this.inbox.addNote(userId, { id: actor.staffId, name: actor.displayName }, text, this.deps.now());
    this.deps.events.publish({ type: "conversation", userId, assigneeId: state.assigneeId });
    return note;
  }

  async contact(userId: string, viewer: InboxViewer): Promise<InboxContactResponse> {
    const state = await this.open(userId, viewer);
    const contact = await this.inbox.contact(userId);
    const declarations = await this.declarations(userId, state.appUserId);
    return {
      userId,
      displayName: this.openText(contact?.zaloNameSealed ?? null),
      sharedName: this.openText(contact?.nameSealed ?? null),
      phone: this.openText(contact?.phoneSealed ?? null),
      following: state.following,
      lastCheckpoint: declarations[0]?.checkpointName || null,
      declarations,
    };
  }

  /** The citizen's latest declarations, masked as on their receipt (their mini-app id is the app-scoped one). */
  private async declarations(userId: string, appUserId: string | null): Promise<InboxDeclarationSummary[]> {
    const rows = await this.deps.db.all<{ id: string; receipt_code: string; name: string | null; direction: "into" | "out_of"; issued_at: string; status: string; holder_name_masked: string; holder_id_masked: string }>(
      `SELECT d.id, d.receipt_code, c.name, d.direction, d.issued_at, d.status, d.holder_name_masked, d.holder_id_masked
         FROM declarations d LEFT JOIN checkpoints c ON c.id = d.checkpoint_id
        WHERE d.zalo_user_id = $1 OR d.zalo_user_id = $2 ORDER BY d.issued_at DESC LIMIT 5`,
      [userId, appUserId ?? userId],
    );
    return rows.map((r) => ({
      id: r.id,
      receiptCode: r.receipt_code,
      checkpointName: r.name ?? "",
      direction: r.direction,
      issuedAt: r.issued_at,
      status: r.status,
      holderNameMasked: r.holder_name_masked,
      holderIdMasked: r.holder_id_masked,
    }));
  }

  /** The full declaration, for a reason that goes into the audit log with who asked. */
  async reveal(userId: string, declarationId: string, reason: string, actor: InboxActor, requestId: string | undefined): Promise<Record<string, unknown>> {
    const state = await this.open(userId, actor);
    const row = await this.deps.db.get<{ sealed: Buffer }>(
      "SELECT sealed FROM declarations WHERE id = $1 AND (zalo_user_id = $2 OR zalo_user_id = $3)",
      [declarationId, userId, state.appUserId ?? userId],
    );
    if (!row) throw new AppError("inbox.declaration_not_found", 404);
    const record = this.deps.cipher.openJson<Record<string, unknown>>(row.sealed);
    await this.deps.audit.record(
      { actor: { id: actor.staffId, username: actor.username }, action: "inbox.declaration_revealed", target: { type: "declaration", id: declarationId }, reason, requestId, details: { zaloUserId: userId } },
      this.deps.now(),
    );
    return record;
  }

  /**
   * Users matching a search, without decrypting anything: a receipt code by its column, a phone
   * and a name by their blind index (exact, after folding), a Zalo id as is.
   */
  async search(q: string): Promise<string[]> {
    const text = q.trim();
    const digits = text.replace(/[\s.-]/g, "");
    const appUserIds: string[] = [];
    if (RECEIPT_CODE_PATTERN.test(digits)) {
      const rows = await this.deps.db.all<{ zalo_user_id: string }>("SELECT zalo_user_id FROM declarations WHERE receipt_code = $1", [digits]);
      appUserIds.push(...rows.map((r) => r.zalo_user_id));
    }
    const phone = normalizePhone(text);
    const by: Parameters<InboxRepository["findUsers"]>[0] = { appUserIds };
    if (phone.ok) by.phoneIndex = phoneIndexOf(this.deps.cipher, phone.e164) as string;
    else if (/^\d{5,20}$/.test(digits)) by.userId = digits;
    else {
      const nameIndex = nameIndexOf(this.deps.cipher, text);
      if (nameIndex) by.nameIndex = nameIndex;
    }
    return this.inbox.findUsers(by);
  }
}
