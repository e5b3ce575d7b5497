import type { ApiClient } from "../../../lib/api-client";
import type { Platform } from "../../../platform";
import { getRuntime } from "../runtime";
import { STORAGE_KEYS } from "../storage/keys";

/**
 * "Xoá cả dữ liệu trên điện thoại này": the draft, the last declaration, the people declared for
 * and the receipts go. Declarations still waiting in the outbox stay until they are sent: the
 * citizen committed them, and the authorities must receive them (their receipts are not kept).
 */
export function forgetDeviceData(platform: Platform, api: ApiClient): void {
  const runtime = getRuntime(platform, api);
  runtime.draft.clear();
  runtime.people.set([]);
  runtime.last.set(null);
  runtime.receipts.set([]);
  runtime.returned.set(null);
  platform.storage.remove(STORAGE_KEYS.wards);
}
