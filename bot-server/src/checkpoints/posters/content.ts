import { checkpointDeepLink, checkpointFallbackUrl } from "@khaibao/shared";
import type { CheckpointRecord } from "../repository";
import type { PlaceNames } from "../routes";
import type { PosterContent } from "./layout";

/** What a poster shows for a checkpoint: its name and place, the deep link and the fallback address. */
export function posterContent(c: CheckpointRecord, deps: { places: PlaceNames; miniAppId: string; publicBaseUrl: string }): PosterContent {
  const province = deps.places.provinceName(c.provinceCode);
  const ward = c.wardCode ? deps.places.wardName(c.wardCode) : undefined;
  return {
    checkpointId: c.id,
    name: c.name,
    place: [ward, province].filter(Boolean).join(", "),
    deepLink: checkpointDeepLink(deps.miniAppId, c.id),
    fallbackUrl: checkpointFallbackUrl(deps.publicBaseUrl, c.id),
  };
}
