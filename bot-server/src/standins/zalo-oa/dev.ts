/**
 * Development identities of the Zalo app and OA, used when ZALO_* variables are unset outside
 * production (production requires real ones). The webhook still verifies signatures with them:
 * only the stand-in, which knows them, can deliver events.
 */
export const DEV_ZALO_APP_ID = "4000000000000000001";
export const DEV_ZALO_OA_ID = "3000000000000000001";
export const DEV_ZALO_OA_SECRET_KEY = "dev-only-zalo-oa-secret-key";
/** The refresh token the stand-in starts with and the token table is seeded with in development. */
export const DEV_ZALO_OA_REFRESH_TOKEN = "dev-only-zalo-oa-refresh-seed";
export const DEV_REFRESH_TOKEN_PREFIX = "dev-only-zalo-oa-refresh-";
export const DEV_ACCESS_TOKEN_PREFIX = "dev-only-zalo-oa-access-";
/** The mini app id of deep links in development (`https://zalo.me/s/<id>/`). */
export const DEV_ZALO_MINI_APP_ID = "2000000000000000001";
