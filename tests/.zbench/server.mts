import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { migrate, openDatabase } from "../../bot-server/src/storage/index.ts";
import { startZaloHarness } from "../../bot-server/src/zalo/oa/testing.ts";
const APP = "360846524940903967", SECRET = "test-oa-secret-key";
if (process.argv[2] === "baseline") {
  const base = express();
  base.post("/webhooks/zalo", express.raw({ type: () => true, limit: "128kb" }), (req, res) => {
    const raw = req.body as Buffer;
    const j = JSON.parse(raw.toString("utf8"));
    const mac = createHash("sha256").update(APP).update(raw).update(String(j.timestamp)).update(SECRET).digest("hex");
    if (`mac=${mac}` !== req.get("x-zevent-signature")) return res.status(401).end();
    res.status(200).json({ ok: true });
  });
  const s = base.listen(0, () => console.log(JSON.stringify({ port: (s.address() as any).port })));
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "zb-"));
  const db = process.env.PG ? await openDatabase({ url: process.env.PG, pgSchema: process.env.PGSCHEMA ?? (() => { throw new Error('PGSCHEMA required'); })() }) : await openDatabase({ sqlitePath: path.join(dir, "b.sqlite") });
  await migrate(db);
  const h = await startZaloHarness({ db });
  if (process.env.WORKERS) h.module.start();
  const s = h.app.listen(0, () => console.log(JSON.stringify({ port: (s.address() as any).port })));
}
