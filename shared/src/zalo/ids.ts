import { z } from "zod";

/**
 * Zalo's ids (users, the OA, the app) are 64-bit numbers sent as decimal strings, e.g.
 * `2468458835296197922`. They must never become JS numbers: above 2^53 a number silently
 * rounds to someone else's id. A small id may arrive as a JSON number; an unsafe one must have
 * been kept as text by the caller's JSON parser (see the bot server's webhook), so a number that
 * is not a safe integer is refused here rather than rounded.
 */
export const ZALO_ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

export const zaloIdSchema = z
  .union([z.string(), z.number().int().nonnegative().refine(Number.isSafeInteger, "zalo.id_unsafe_number")])
  .transform(String)
  .pipe(z.string().regex(ZALO_ID_PATTERN));

/** A message id (`msg_id`, `message_id`): hex-like text, e.g. `96d3cdf3af150460909`. */
export const zaloMessageIdSchema = z
  .union([z.string(), z.number().int().nonnegative().refine(Number.isSafeInteger, "zalo.id_unsafe_number")])
  .transform(String)
  .pipe(z.string().regex(/^[0-9A-Za-z_.:-]{1,128}$/));

/**
 * Milliseconds since the epoch, sent by Zalo as a string ("1714000002000"); kept as the exact
 * decimal text because the webhook signature hashes it as text.
 */
export const zaloTimestampSchema = z
  .union([z.string(), z.number().int().nonnegative().refine(Number.isSafeInteger)])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,16}$/));
