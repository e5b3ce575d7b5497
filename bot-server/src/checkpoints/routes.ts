import { Router } from "express";
import { checkpointIdSchema, type Checkpoint } from "@khaibao/shared";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import { isActive, type CheckpointRecord, type CheckpointRepository } from "./repository";

/** Resolves codes to display names; implemented by the administrative units repository. */
export interface PlaceNames {
  provinceName(code: string): string | undefined;
  wardName(code: string): string | undefined;
}

export function toPublicCheckpoint(c: CheckpointRecord, places: PlaceNames, now: Date): Checkpoint {
  return {
    id: c.id,
    name: c.name,
    provinceCode: c.provinceCode,
    provinceName: places.provinceName(c.provinceCode) ?? c.provinceCode,
    wardCode: c.wardCode,
    wardName: c.wardCode ? places.wardName(c.wardCode) ?? null : null,
    address: c.address,
    direction: c.direction,
    latitude: c.latitude,
    longitude: c.longitude,
    active: isActive(c, now),
  };
}

/** Public, read-only: the mini app shows the scanned checkpoint and lists active ones. */
export function checkpointsRouter(deps: { repo: CheckpointRepository; places: PlaceNames; now: () => Date }): Router {
  const router = Router();
  router.get("/", async (_req, res) => {
    const now = deps.now();
    const all = await deps.repo.list();
    res.setHeader("Cache-Control", "public, max-age=60");
    res.json({ checkpoints: all.filter((c) => isActive(c, now)).map((c) => toPublicCheckpoint(c, deps.places, now)) });
  });
  router.get("/:id", async (req, res) => {
    const id = validate(checkpointIdSchema, req.params.id);
    const found = await deps.repo.get(id);
    if (!found) throw new AppError("checkpoint.not_found", 404, { params: { id } });
    res.setHeader("Cache-Control", "public, max-age=60");
    res.json({ checkpoint: toPublicCheckpoint(found, deps.places, deps.now()) });
  });
  return router;
}
