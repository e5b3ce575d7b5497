import { timingSafeEqual } from "node:crypto";
import express, { type Express } from "express";
import { issueHc1, type Hc1SigningKey } from "../../vaccination/hc1-signer";
import { REGISTRY_SEARCH_PATH, registrySearchRequestSchema } from "../../vaccination/registry-protocol";
import { certificateOf, foldName } from "./certificate";
import type { SeededPerson } from "./people";

export interface VaccinationRegistryStandinOptions {
  people: readonly SeededPerson[];
  signingKey: Hc1SigningKey;
  /** Bearer token clients must send; undefined accepts any caller. */
  token?: string | undefined;
  /** Certificates expire 12 months after issue, as Vietnam's QR codes do. */
  validityDays?: number;
  now?: () => Date;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A local vaccination registry speaking ../../vaccination/registry-protocol.ts. It signs a fresh
 * `HC1:` certificate at each search (like the Ministry's portal re-issuing the QR) with the
 * development key. The ID number, date of birth and folded name must all match; any mismatch is
 * the same 404 as an unknown person.
 */
export function createVaccinationRegistryStandinApp(opts: VaccinationRegistryStandinOptions): Express {
  const now = opts.now ?? (() => new Date());
  const validityMs = (opts.validityDays ?? 365) * 24 * 3600 * 1000;
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "16kb" }));
  app.post(REGISTRY_SEARCH_PATH, (req, res) => {
    const auth = req.get("authorization") ?? "";
    if (opts.token !== undefined && !(auth.startsWith("Bearer ") && sameSecret(auth.slice(7), opts.token))) {
      return res.status(401).json({ reason: "unauthorized" });
    }
    const parsed = registrySearchRequestSchema.safeParse(req.body);
    if (!parsed.success) return res.status(400).json({ reason: "invalid_request" });
    const q = parsed.data;
    const person = opts.people.find((p) => p.idNumber === q.idNumber && p.dateOfBirth === q.dateOfBirth && foldName(p.fullName) === foldName(q.fullName));
    if (!person) return res.status(404).json({ reason: "not_found" });
    const issuedAt = now();
    const hc1 = issueHc1(opts.signingKey, { certificate: certificateOf(person), issuer: "VN", issuedAt, expiresAt: new Date(issuedAt.getTime() + validityMs) });
    res.json({ hc1 });
  });
  return app;
}
