import type { PlatformStorage } from "../platform";

/**
 * Remembered on the phone when the citizen withdraws the declaration consent in the privacy
 * screen, so the next declaration says plainly that sending it is agreeing again. Forgotten
 * once a declaration is committed (that commitment is the new consent, recorded by the server).
 */
const KEY = "privacy.declaration-consent-withdrawn.v1";

export const declarationConsentMemory = {
  withdrawn: (storage: PlatformStorage): boolean => storage.get(KEY) !== null,
  markWithdrawn: (storage: PlatformStorage, at: Date) => storage.set(KEY, at.toISOString()),
  forget: (storage: PlatformStorage) => storage.remove(KEY),
};
