/** Receipt codes: 10 digits, read aloud and typed by officers when a QR code will not scan. */

export const RECEIPT_CODE_PATTERN = /^\d{10}$/;

/** `4821773019` → `4821 7730 19`: groups of 4, as shown large on the receipt. */
export function formatReceiptCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, "$1 ");
}

const SPACE = 10_000_000_000; // 10^10 codes
/** The largest multiple of 10^10 below 2^40: 40-bit draws under it map to codes uniformly. */
const LIMIT = Math.floor(2 ** 40 / SPACE) * SPACE;
const MAX_DRAWS = 64;

/**
 * A uniformly random 10-digit code (the first digit may be 0). Draws 40 bits and rejects the
 * top 0.9% of the range rather than taking a biased remainder. `randomBytes` is the caller's
 * CSPRNG: `crypto.randomBytes` in Node, `crypto.getRandomValues` in a browser.
 */
export function generateReceiptCode(randomBytes: (n: number) => Uint8Array): string {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const bytes = randomBytes(5);
    if (bytes.length !== 5) throw new RangeError("randomBytes(5) must return 5 bytes");
    let n = 0;
    for (const b of bytes) n = n * 256 + b;
    if (n < LIMIT) return String(n % SPACE).padStart(10, "0");
  }
  // 64 rejections in a row happen with probability 10^-131: the source is not random.
  throw new Error("randomBytes keeps returning out-of-range values; is it a real random source?");
}
