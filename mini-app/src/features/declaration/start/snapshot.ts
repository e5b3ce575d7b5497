import type { Checkpoint } from "@khaibao/shared";
import type { CheckpointSnapshot } from "../model/form";

/** What the declaration keeps of the scanned checkpoint, so it can be filled in (and shown) offline. */
export function snapshotOf(c: Checkpoint): CheckpointSnapshot {
  return {
    id: c.id,
    name: c.name,
    direction: c.direction,
    provinceCode: c.provinceCode,
    provinceName: c.provinceName,
    address: [c.address, c.wardName].filter(Boolean).join(", "),
  };
}
