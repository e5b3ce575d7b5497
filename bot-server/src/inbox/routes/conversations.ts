import { Router, type Response } from "express";
import {
  inboxAssignRequestSchema,
  inboxDeskRequestSchema,
  inboxLabelsRequestSchema,
  inboxListQuerySchema,
  inboxNoteRequestSchema,
  inboxReadRequestSchema,
  inboxReplyRequestSchema,
  inboxRevealRequestSchema,
  staffCan,
  zaloUserIdSchema,
  type InboxContactResponse,
  type InboxListResponse,
  type InboxThreadResponse,
} from "@khaibao/shared";
import { AppError } from "../../http/errors";
import { validate } from "../../http/validate";
import { requirePermission, staffLocals } from "../../staff/middleware";
import type { DeskRepository } from "../desks";
import type { InboxActor, InboxService } from "../service";

export function actorOf(res: Response): InboxActor {
  const { session } = staffLocals(res);
  return { staffId: session.accountId, username: session.username, displayName: session.displayName, seeAll: staffCan(session.role, "seeAllConversations") };
}

/** A conversation is named by its Zalo user id; anything else is simply not found. */
function userIdOf(raw: unknown): string {
  const parsed = zaloUserIdSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("inbox.conversation_not_found", 404);
  return parsed.data;
}

function messageIdOf(raw: unknown): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError("inbox.message_not_retryable", 404);
  return n;
}

/**
 * The inbox's conversations (agents, supervisors, admins; agents only their own and the
 * unassigned ones, everything else answers 404):
 * - `GET /inbox/conversations?view=&status=&label=&q=`, `GET /inbox/conversations/:id` (thread + notes);
 * - `POST .../take`, `.../assign` (supervisors), `.../hand-back`, `.../resolve`, `.../read`,
 *   `.../labels`, `.../desk`, `.../replies`, `.../notes`, `.../messages/:messageId/retry`;
 * - `GET .../contact`, `POST .../reveal` (a reason, audited).
 */
export function conversationRoutes(deps: { service: InboxService; desks: DeskRepository; now: () => Date }): Router {
  const router = Router();
  const allowed = requirePermission("useInbox");
  const { service } = deps;

  router.get("/inbox/conversations", allowed, async (req, res) => {
    const query = validate(inboxListQuerySchema, req.query);
    const actor = actorOf(res);
    const userIds = query.q ? await service.search(query.q) : undefined;
    const view = actor.seeAll || query.view !== "all" ? query.view : "all";
    const [conversations, counts] = await Promise.all([
      service.list({ view, status: query.status, label: query.label, userIds }, actor),
      service.inbox.counts(actor),
    ]);
    res.json({ conversations, counts: { mine: counts.mine, unassigned: counts.unassigned, all: counts.all }, unread: counts.unread } satisfies InboxListResponse);
  });

  router.get("/inbox/conversations/:id", allowed, async (req, res) => {
    const userId = userIdOf(req.params.id);
    const actor = actorOf(res);
    await service.open(userId, actor);
    const [conversation, messages, notes] = await Promise.all([service.summary(userId, actor), service.inbox.messages(userId), service.inbox.notes(userId)]);
    res.json({ conversation, messages, notes } satisfies InboxThreadResponse);
  });

  const action = (name: string, run: (userId: string, actor: InboxActor, body: unknown) => Promise<unknown>) =>
    router.post(`/inbox/conversations/:id/${name}`, allowed, async (req, res) => {
      const result = await run(userIdOf(req.params.id), actorOf(res), req.body);
      if (result === undefined) res.status(204).end();
      else res.json(result);
    });

  action("take", (userId, actor) => service.takeOver(userId, actor));
  router.post("/inbox/conversations/:id/assign", requirePermission("seeAllConversations"), async (req, res) => {
    const { assigneeId } = validate(inboxAssignRequestSchema, req.body);
    await service.assign(userIdOf(req.params.id), assigneeId, actorOf(res));
    res.status(204).end();
  });
  action("hand-back", (userId, actor) => service.handBack(userId, actor));
  action("resolve", (userId, actor) => service.resolve(userId, actor));
  action("read", async (userId, actor, body) => {
    const { read } = validate(inboxReadRequestSchema, body);
    await service.open(userId, actor);
    await service.inbox.markRead(userId, actor.staffId, read, deps.now());
  });
  action("labels", async (userId, actor, body) => {
    const { labels } = validate(inboxLabelsRequestSchema, body);
    const state = await service.open(userId, actor);
    await service.inbox.ensure(service.db, userId, deps.now());
    await service.inbox.setLabels(service.db, userId, labels);
    service.events.publish({ type: "conversation", userId, assigneeId: state.assigneeId });
    return { labels: await service.inbox.labels(userId) };
  });
  action("desk", async (userId, actor, body) => {
    const { deskId } = validate(inboxDeskRequestSchema, body);
    const state = await service.open(userId, actor);
    if (deskId !== null && !(await deps.desks.get(deskId))) throw new AppError("inbox.desk_not_found", 404);
    await service.inbox.setDesk(service.db, userId, deskId, deps.now());
    service.events.publish({ type: "conversation", userId, assigneeId: state.assigneeId });
  });
  action("replies", async (userId, actor, body) => {
    const { text } = validate(inboxReplyRequestSchema, body);
    return { outboxIds: await service.reply(userId, text, actor) };
  });
  action("notes", async (userId, actor, body) => {
    const { text } = validate(inboxNoteRequestSchema, body);
    return { note: await service.note(userId, text, actor) };
  });
  router.post("/inbox/conversations/:id/messages/:messageId/retry", allowed, async (req, res) => {
    await service.retry(userIdOf(req.params.id), messageIdOf(req.params.messageId), actorOf(res));
    res.status(204).end();
  });

  router.get("/inbox/conversations/:id/contact", allowed, async (req, res) => {
    const userId = userIdOf(req.params.id);
    const actor = actorOf(res);
    res.json((await service.contact(userId, actor)) satisfies InboxContactResponse);
  });
  router.post("/inbox/conversations/:id/reveal", allowed, async (req, res) => {
    const { declarationId, reason } = validate(inboxRevealRequestSchema, req.body);
    const record = await service.reveal(userIdOf(req.params.id), declarationId, reason, actorOf(res), res.locals.requestId as string | undefined);
    res.json({ declarationId, record });
  });

  return router;
}
