import { quoteUnsafeIntegers } from "../zalo/safe-json";

/**
 * A number of 16 or more digits right after `:`, `,` or `[`: an id sent unquoted. Zalo sends
 * ids as strings, so this is rare; only then is the slower scanning pass paid for. (A match
 * inside a string is a false alarm the scanner handles correctly.)
 */
const UNQUOTED_LONG_INTEGER = /[:,[]\s*-?\d{16}/;

/**
 * JSON.parse that keeps integers beyond 2^53 as their exact decimal text, so an id sent
 * unquoted reaches the schema as a string instead of a rounded number.
 */
export function parseWebhookJson(text: string): unknown {
  return JSON.parse(UNQUOTED_LONG_INTEGER.test(text) ? quoteUnsafeIntegers(text) : text);
}
