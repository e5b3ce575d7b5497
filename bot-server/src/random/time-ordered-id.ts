// UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
//
// For primary keys of rows written at a high rate (declarations, their outbox rows): ids made in
// time order land at the right edge of the B-tree index, so an insert dirties the last page
// instead of a random one. With random (v4) keys every insert rewrote a different index page,
// and those page writes, in the WAL and again at each checkpoint, were the largest single cost
// of accepting a declaration. Still unguessable: 74 bits come from the CSPRNG.

import { pooledRandomBytes } from "./pool";

export function timeOrderedId(nowMs: number = Date.now()): string {
  const b = Buffer.from(pooledRandomBytes(16));
  // 48-bit big-endian timestamp; Math.floor keeps it exact (well below 2^53).
  b.writeUIntBE(Math.floor(nowMs), 0, 6);
  b[6] = ((b[6] as number) & 0x0f) | 0x70; // version 7
  b[8] = ((b[8] as number) & 0x3f) | 0x80; // variant 10xx
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
