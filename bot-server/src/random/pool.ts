// Random bytes for the request path, drawn from a pooled buffer.
//
// `crypto.randomBytes(n)` is one trip into OpenSSL per call, a few microseconds each however
// small n is; a declaration needs several (AES-GCM nonce, receipt code, time-ordered id). Here
// one call fills 4 KiB and the bytes are handed out in order, never twice: Node's own
// `randomUUID()` caches its entropy the same way. Same generator, same quality of randomness.

import { randomBytes } from "node:crypto";

const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

/**
 * `n` fresh random bytes. The result may be a view into the pool: it stays valid and unchanged
 * (a used-up pool is replaced by a new buffer, never refilled in place), but copy it before
 * writing to it.
 */
export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL_SIZE / 4) return randomBytes(n);
  if (offset + n > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const out = pool.subarray(offset, offset + n);
  offset += n;
  return out;
}
