import { timingSafeEqual } from "node:crypto";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { applyControls, controlsUpdateSchema, declarationEnvelopeSchema, DEFAULT_CONTROLS, type Controls } from "./protocol";
import type { ReceivedStore } from "./store";

export interface DeclarationBackendStandinOptions {
  store: ReceivedStore;
  /** The bearer token clients must send. */
  token: string;
  random?: () => number;
  now?: () => Date;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A local declaration backend (see protocol.ts), with fault controls for tests. Everything it
 * stores goes to its own SQLite file; `/__control` changes how it misbehaves, never what it holds.
 */
export function createDeclarationBackendStandinApp(opts: DeclarationBackendStandinOptions): { app: Express; controls(): Controls } {
  const random = opts.random ?? Math.random;
  const now = opts.now ?? (() => new Date());
  let controls: Controls = { ...DEFAULT_CONTROLS };
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "256kb" }));

  app.get("/__control", (_req, res) => {
    res.json(controls);
  });
  app.post("/__control", (req, res) => {
    const parsed = controlsUpdateSchema.safeParse(req.body);
    if (!parsed.success) return res.status(400).json({ reason: "invalid_controls", issues: parsed.error.issues });
    controls = applyControls(controls, parsed.data);
    res.json(controls);
  });

  const v1 = express.Router();
  v1.use((req: Request, res: Response, next: NextFunction) => {
    const t = now().getTime();
    if (controls.down || (controls.downUntil !== null && t < controls.downUntil)) {
      // Down: the connection is cut without an answer, like a backend that is not there.
      req.socket.destroy();
      return;
    }
    const auth = req.get("authorization") ?? "";
    if (!auth.startsWith("Bearer ") || !sameSecret(auth.slice(7), opts.token)) return res.status(401).json({ reason: "unauthorized" });
    next();
  });

  v1.post("/declarations", async (req, res) => {
    if (random() < controls.failRate) return res.status(503).json({ reason: "temporarily_unavailable" });
    const key = req.get("idempotency-key")?.trim();
    if (!key) return res.status(400).json({ reason: "idempotency_key_required" });
    const parsed = declarationEnvelopeSchema.safeParse(req.body);
    if (!parsed.success) return res.status(422).json({ reason: "invalid_declaration" });
    const refuse = controls.rejectIds.includes(key) || random() < controls.rejectRate;
    const stored = await opts.store.receive(key, parsed.data, refuse ? { outcome: "rejected", reason: "rejected_by_rule" } : { outcome: "accepted", reason: null }, now());
    if (controls.latencyMs > 0) await sleep(controls.latencyMs);
    if (stored.outcome === "rejected") return res.status(422).json({ reason: stored.reason ?? "rejected" });
    res.status(stored.first ? 201 : 200).json({ id: stored.idempotencyKey, status: stored.first ? "created" : "duplicate" });
  });

  v1.get("/declarations", async (req, res) => {
    if (req.query.count !== undefined) return res.json(await opts.store.counts());
    const limit = Math.min(1000, Math.max(1, Number(req.query.limit ?? 100) || 100));
    const offset = Math.max(0, Number(req.query.offset ?? 0) || 0);
    res.json({ items: await opts.store.list(limit, offset) });
  });

  v1.get("/declarations/:key", async (req, res) => {
    const found = await opts.store.get(req.params.key);
    if (!found) return res.status(404).json({ reason: "not_found" });
    res.json(found);
  });

  app.use("/v1", v1);
  app.use((_req, res) => {
    res.status(404).json({ reason: "not_found" });
  });
  return { app, controls: () => controls };
}
