import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { zaloEventSchema, parseWith } from "@khaibao/shared";
import { migrate, openDatabase } from "../../bot-server/src/storage/index.ts";
import { InboxRepository } from "../../bot-server/src/webhook/inbox/repository.ts";
import { createWebhookIngest } from "../../bot-server/src/webhook/ingest.ts";
import { event, signed } from "../../bot-server/src/zalo/oa/testing.ts";
const APP = "360846524940903967", SECRET = "test-oa-secret-key", OA = "388613280878808645";
const N = 20000;
const reqs = Array.from({ length: N }, (_, i) => { const d = signed(event("user_send_text", { msgId: `m${i}`, timestamp: String(Date.now()), text: "Tôi muốn hỏi về khai báo di chuyển qua chốt Pháp Vân" })); return { raw: Buffer.from(d.raw), sig: d.signature }; });
function time(name: string, fn: (i: number) => unknown) { const t = process.hrtime.bigint(); for (let i = 0; i < N; i++) fn(i); const us = Number(process.hrtime.bigint() - t) / 1e3 / N; console.log(name, us.toFixed(2), "µs/op"); }
async function timeAsync(name: string, fn: (i: number) => Promise<unknown>) { const t = process.hrtime.bigint(); for (let i = 0; i < N; i++) await fn(i); const us = Number(process.hrtime.bigint() - t) / 1e3 / N; console.log(name, us.toFixed(2), "µs/op"); }
for (let r = 0; r < 2; r++) {
time("baseline hash+parse", (i) => { const q = reqs[i]!; const j = JSON.parse(q.raw.toString("utf8")); return createHash("sha256").update(APP).update(q.raw).update(String(j.timestamp)).update(SECRET).digest("hex") === q.sig; });
time("zod parse only", (i) => parseWith(zaloEventSchema, JSON.parse(reqs[i]!.raw.toString())));
time("zod safeParse plain", (i) => zaloEventSchema.safeParse(JSON.parse(reqs[i]!.raw.toString())));
}
const noDb = createWebhookIngest({ appId: APP, oaId: OA, oaSecretKey: SECRET, inbox: { insert: async () => "stored" } });
await timeAsync("ingest (no db)", (i) => noDb.ingest({ rawBody: reqs[i]!.raw, signature: reqs[i]!.sig }));
const dir = mkdtempSync(path.join(tmpdir(), "zm-"));
const db = await openDatabase({ sqlitePath: path.join(dir, "m.sqlite") }); await migrate(db);
const inbox = new InboxRepository(db);
const withDb = createWebhookIngest({ appId: APP, oaId: OA, oaSecretKey: SECRET, inbox });
await timeAsync("ingest (sqlite)", (i) => withDb.ingest({ rawBody: reqs[i]!.raw, signature: reqs[i]!.sig }));
await db.close();
const { createBatchedInboxWriter } = await import("../../bot-server/src/webhook/inbox/batch-writer.ts");
const db2 = await openDatabase({ sqlitePath: path.join(dir, "m2.sqlite") }); await migrate(db2);
const batched = createWebhookIngest({ appId: APP, oaId: OA, oaSecretKey: SECRET, inbox: createBatchedInboxWriter(new InboxRepository(db2)) });
const single = createWebhookIngest({ appId: APP, oaId: OA, oaSecretKey: SECRET, inbox: new InboxRepository(db2) });
for (const [name, ing] of [["single", single], ["batched", batched]] as const) {
  await db2.run("DELETE FROM zalo_inbox");
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i += 10) await Promise.all(reqs.slice(i, i + 10).map((q) => ing.ingest({ rawBody: q.raw, signature: q.sig })));
  console.log(`ingest ${name} (sqlite, 10 concurrent)`, (Number(process.hrtime.bigint() - t) / 1e3 / N).toFixed(2), "µs/op");
}
await db2.close();
