import { Router, type Response } from "express";
import { createStaffAccountRequestSchema, resetStaffPasswordRequestSchema, updateStaffAccountRequestSchema } from "@khaibao/shared";
import { z } from "zod";
import { AppError } from "../../http/errors";
import { validate } from "../../http/validate";
import type { AccountManagement, Actor } from "../manage";
import { requirePermission, staffLocals } from "../middleware";

const idSchema = z.uuid();

function accountId(raw: unknown): string {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("staff.account_not_found", 404);
  return parsed.data;
}

function actorOf(res: Response): Actor {
  const { session } = staffLocals(res);
  return { id: session.accountId, username: session.username };
}

const requestId = (res: Response) => res.locals.requestId as string | undefined;

/** Admins manage accounts: list, create, change role/name/disabled, reset password, unlock. */
export function accountRoutes(manage: AccountManagement): Router {
  const router = Router();
  const admin = requirePermission("manageAccounts");

  router.get("/accounts", admin, async (_req, res) => {
    res.json({ accounts: await manage.list() });
  });

  router.post("/accounts", admin, async (req, res) => {
    const input = validate(createStaffAccountRequestSchema, req.body);
    const account = await manage.create(input, actorOf(res), { mustChangePassword: true, requestId: requestId(res) });
    res.status(201).json({ account });
  });

  router.patch("/accounts/:id", admin, async (req, res) => {
    const id = accountId(req.params["id"]);
    const change = validate(updateStaffAccountRequestSchema, req.body);
    res.json({ account: await manage.update(id, change, actorOf(res), requestId(res)) });
  });

  router.post("/accounts/:id/password", admin, async (req, res) => {
    const id = accountId(req.params["id"]);
    const { password, reason } = validate(resetStaffPasswordRequestSchema, req.body);
    res.json({ account: await manage.resetPassword(id, password, actorOf(res), { reason, requestId: requestId(res) }) });
  });

  router.post("/accounts/:id/unlock", admin, async (req, res) => {
    const id = accountId(req.params["id"]);
    res.json({ account: await manage.unlock(id, actorOf(res), requestId(res)) });
  });

  return router;
}
