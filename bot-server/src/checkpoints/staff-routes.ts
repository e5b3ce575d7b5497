import { Router, type Request, type Response } from "express";
import {
  checkpointCreateRequestSchema,
  checkpointDeactivateRequestSchema,
  checkpointIdSchema,
  checkpointUpdateRequestSchema,
  posterFormatSchema,
  posterSizeSchema,
} from "@khaibao/shared";
import { z } from "zod";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import { requirePermission, staffLocals } from "../staff/middleware";
import { renderPoster, POSTER_CONTENT_TYPES } from "./posters";
import { posterContent } from "./posters/content";
import type { CheckpointRegistry } from "./registry";
import type { PlaceNames } from "./routes";

export interface CheckpointStaffRouteDeps {
  registry: CheckpointRegistry;
  places: PlaceNames;
  miniAppId: string;
  /** `PUBLIC_BASE_URL`; without it the request's own origin (development). */
  publicBaseUrl: string | undefined;
  now: () => Date;
}

const posterQuerySchema = z.object({ size: posterSizeSchema.default("A4") });

function checkpointId(raw: unknown): string {
  const parsed = checkpointIdSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("checkpoint.not_found", 404);
  return parsed.data;
}

const actorOf = (res: Response) => {
  const { session } = staffLocals(res);
  return { id: session.accountId, username: session.username };
};
const requestId = (res: Response) => res.locals.requestId as string | undefined;
const ownOrigin = (req: Request) => `${req.protocol}://${req.get("host") ?? "localhost"}`;

/**
 * Admins: the checkpoint registry under /api/staff/checkpoints (list, create, edit,
 * deactivate; every change audited) and each checkpoint's poster as PDF, PNG or SVG.
 */
export function checkpointStaffRoutes(deps: CheckpointStaffRouteDeps): Router {
  const router = Router();
  const admin = requirePermission("manageCheckpoints");

  router.get("/checkpoints", admin, async (_req, res) => {
    res.json({ checkpoints: await deps.registry.list() });
  });

  router.post("/checkpoints", admin, async (req, res) => {
    const input = validate(checkpointCreateRequestSchema, req.body);
    res.status(201).json({ checkpoint: await deps.registry.create(input, actorOf(res), requestId(res)) });
  });

  router.patch("/checkpoints/:id", admin, async (req, res) => {
    const id = checkpointId(req.params["id"]);
    const input = validate(checkpointUpdateRequestSchema, req.body);
    res.json({ checkpoint: await deps.registry.update(id, input, actorOf(res), requestId(res)) });
  });

  router.post("/checkpoints/:id/deactivate", admin, async (req, res) => {
    const id = checkpointId(req.params["id"]);
    const { reason } = validate(checkpointDeactivateRequestSchema, req.body ?? {});
    res.json({ checkpoint: await deps.registry.deactivate(id, actorOf(res), reason, requestId(res)) });
  });

  router.get("/checkpoints/:id/poster.:format", admin, async (req, res) => {
    const id = checkpointId(req.params["id"]);
    const format = posterFormatSchema.safeParse(req.params["format"]);
    if (!format.success) throw new AppError("http.not_found", 404);
    const { size } = validate(posterQuerySchema, req.query);
    const checkpoint = await deps.registry.get(id);
    const content = posterContent(checkpoint, { places: deps.places, miniAppId: deps.miniAppId, publicBaseUrl: deps.publicBaseUrl ?? ownOrigin(req) });
    const body = await renderPoster(content, format.data, size, deps.now());
    res.setHeader("Content-Type", POSTER_CONTENT_TYPES[format.data]);
    res.setHeader("Content-Disposition", `attachment; filename="${id}-${size}.${format.data}"`);
    res.send(body);
  });

  return router;
}
