import { Router } from "express";
import { cannedAnswerRequestSchema, deskRequestSchema, type CannedAnswer } from "@khaibao/shared";
import type { FaqFile } from "../../bot/faq";
import { AppError } from "../../http/errors";
import { validate } from "../../http/validate";
import { requirePermission, staffLocals } from "../../staff/middleware";
import type { Database } from "../../storage";
import type { CannedAnswerRepository } from "../canned";
import type { DeskRepository } from "../desks";

function idOf(raw: unknown): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError("inbox.canned_not_found", 404);
  return n;
}

/**
 * What agents answer with, and who answers when:
 * - canned answers: `GET /inbox/canned?q=` (everyone in the inbox), `POST`, `PATCH /:id`,
 *   `DELETE /:id` (supervisors, admins);
 * - `GET /inbox/faq`: the bot's FAQ, insertable into a reply;
 * - desks: `GET /inbox/desks`, `POST /inbox/desks` (create or replace; supervisors, admins);
 * - `GET /inbox/agents`: who a conversation can be assigned to (supervisors, admins).
 */
export function libraryRoutes(deps: { canned: CannedAnswerRepository; desks: DeskRepository; faq: FaqFile; db: Database; now: () => Date }): Router {
  const router = Router();
  const use = requirePermission("useInbox");
  const manage = requirePermission("manageInbox");

  router.get("/inbox/canned", use, async (req, res) => {
    const q = typeof req.query.q === "string" ? req.query.q.slice(0, 40) : undefined;
    res.json({ answers: await deps.canned.list(q) } satisfies { answers: CannedAnswer[] });
  });
  router.post("/inbox/canned", manage, async (req, res) => {
    const input = validate(cannedAnswerRequestSchema, req.body);
    res.status(201).json({ answer: await deps.canned.create(input, staffLocals(res).session.accountId, deps.now()) });
  });
  router.patch("/inbox/canned/:id", manage, async (req, res) => {
    const id = idOf(req.params.id);
    const input = validate(cannedAnswerRequestSchema, req.body);
    res.json({ answer: await deps.canned.update(id, input, staffLocals(res).session.accountId, deps.now()) });
  });
  router.delete("/inbox/canned/:id", manage, async (req, res) => {
    await deps.canned.remove(idOf(req.params.id));
    res.status(204).end();
  });

  router.get("/inbox/faq", use, (_req, res) => {
    res.json({ entries: deps.faq.faqs.map((f) => ({ id: f.id, question: f.question, answer: f.answer })) });
  });

  router.get("/inbox/desks", use, async (_req, res) => {
    res.json({ desks: await deps.desks.list() });
  });
  router.post("/inbox/desks", manage, async (req, res) => {
    const desk = validate(deskRequestSchema, req.body);
    res.json({ desk: await deps.desks.upsert(desk, deps.now()) });
  });

  router.get("/inbox/agents", requirePermission("seeAllConversations"), async (_req, res) => {
    const rows = await deps.db.all<{ id: string; display_name: string; role: string }>(
      "SELECT id, display_name, role FROM staff_accounts WHERE disabled = 0 AND role IN ('agent', 'supervisor', 'admin') ORDER BY display_name",
    );
    res.json({ agents: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role })) });
  });
  return router;
}
