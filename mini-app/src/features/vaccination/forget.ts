import type { Platform } from "../../platform";
import { VACCINATION_KEYS } from "./storage/keys";

/**
 * Wallets already loaded on this platform (by the lazy wallet chunk), so that forgetting reaches
 * the copy in memory too. Kept apart from the runtime so the landing screen can forget without
 * loading the certificate codec.
 */
const loaded = new WeakMap<Platform, { clear(): void }>();

export function registerLoadedWallet(platform: Platform, wallet: { clear(): void }): void {
  loaded.set(platform, wallet);
}

/**
 * "Xoá cả dữ liệu trên điện thoại này": the saved certificates go (names, birth dates, the
 * codes). The trust list stays: it holds only public keys.
 */
export function forgetWalletData(platform: Platform): void {
  platform.storage.remove(VACCINATION_KEYS.wallet);
  loaded.get(platform)?.clear();
}
