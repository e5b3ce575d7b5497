import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { event, signed } from "../../bot-server/src/zalo/oa/testing.ts";
const N = 60000;
const bodies = Array.from({ length: N }, (_, i) => {
  const d = signed(event("user_send_text", { msgId: `b${i}x${process.pid}${Date.now()}`, timestamp: String(Date.now()), text: "Tôi muốn hỏi về khai báo di chuyển qua chốt Pháp Vân" }));
  return { method: "POST", path: "/webhooks/zalo", headers: { "content-type": "application/json", "x-zevent-signature": d.signature }, body: d.raw };
});
async function start(kind: string) {
  const p = spawn(process.execPath, ["--import", "tsx", new URL("./server.mts", import.meta.url).pathname, kind], { stdio: ["ignore", "pipe", "inherit"], env: process.env });
  const port: number = await new Promise((res) => p.stdout!.once("data", (d) => res(JSON.parse(String(d)).port)));
  return { p, url: `http://127.0.0.1:${port}` };
}
let k = 0;
async function run(url: string, duration = 6) {
  const r = await autocannon({ url, connections: 10, duration, requests: [{ setupRequest: (req: any) => ({ ...req, ...bodies[k++ % N] }) }] });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx };
}
const a = await start("baseline"); const b = await start("ours");
await run(a.url, 3); await run(b.url, 3);
const rb = await run(a.url); const ro = await run(b.url);
console.log(JSON.stringify({ baseline: rb, ours: ro, ratio: ro.rps / rb.rps }));
a.p.kill(); b.p.kill();
