import { createWebhookIngest } from "../../bot-server/src/webhook/ingest.ts";
import { event, signed } from "../../bot-server/src/zalo/oa/testing.ts";
const APP = "360846524940903967", SECRET = "test-oa-secret-key", OA = "388613280878808645";
const N = 20000;
const reqs = Array.from({ length: N }, (_, i) => { const d = signed(event("user_send_text", { msgId: `m${i}`, timestamp: String(Date.now()), text: "Tôi muốn hỏi về khai báo di chuyển qua chốt Pháp Vân" })); return { raw: Buffer.from(d.raw), sig: d.signature }; });
const noDb = createWebhookIngest({ appId: APP, oaId: OA, oaSecretKey: SECRET, inbox: { insert: async () => "stored" } });
for (let r = 0; r < 4; r++) { const t = process.hrtime.bigint(); for (let i = 0; i < N; i++) await noDb.ingest({ rawBody: reqs[i]!.raw, signature: reqs[i]!.sig }); console.log((Number(process.hrtime.bigint() - t) / 1e3 / N).toFixed(2)); }
