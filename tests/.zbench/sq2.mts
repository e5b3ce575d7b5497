import { mkdtempSync } from "node:fs"; import { tmpdir } from "node:os"; import path from "node:path";
import { openDatabase, migrate } from "../../bot-server/src/storage/index.ts";
const dir = mkdtempSync(path.join(tmpdir(), "sq-"));
const db = await openDatabase({ sqlitePath: path.join(dir, "x.sqlite") });
await db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, k TEXT NOT NULL UNIQUE, body TEXT NOT NULL, state TEXT, u TEXT, n TEXT); CREATE INDEX ti ON t(state,u,id)");
const body = "x".repeat(500);
for (const round of [0, 1]) {
const N = 10000; const t = process.hrtime.bigint();
for (let i = 0; i < N; i++) await db.run("INSERT INTO t (k, body, state, u, n) VALUES ($1, $2, 'pending', $3, $4) ON CONFLICT (k) DO NOTHING", [`key${round}-${i}`, body, "2468458835296197922", new Date()]);
console.log("storage db.run insert", (Number(process.hrtime.bigint() - t) / 1e3 / N).toFixed(2), "µs/op");
}
await migrate(db);
for (const round of [0, 1]) {
const N = 10000; const t = process.hrtime.bigint();
for (let i = 0; i < N; i++) await db.run(`INSERT INTO zalo_inbox (dedupe_key, event_name, user_id, event_timestamp, raw_body, retry_num, state, next_attempt_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $7)
       ON CONFLICT (dedupe_key) DO NOTHING`, [`key${round}-${i}`, "user_send_text", "2468458835296197922", "1764316800000", body, 0, new Date().toISOString()]);
console.log("zalo_inbox insert", (Number(process.hrtime.bigint() - t) / 1e3 / N).toFixed(2), "µs/op");
}
await db.close();
