import { validateIdNumber } from "../identifiers";
import type { FieldIssue } from "../api/errors";
import type { Declaration } from "./declaration";

export const PCR_VALIDITY_HOURS = 72;

/**
 * Things accepted but worth telling the citizen (and the officer): an old CMND number, a test
 * sampled more than 72 h before the trip. Warnings never block a declaration.
 */
export function declarationWarnings(d: Declaration): FieldIssue[] {
  const out: FieldIssue[] = [];
  const id = validateIdNumber(d.identity.idNumber, { kind: d.identity.idKind });
  if (id.ok) for (const w of id.warnings) out.push({ path: "identity.idNumber", code: w.code, ...(w.params ? { params: w.params } : {}) });
  if (d.test.kind !== "none") {
    const hours = (Date.parse(d.trip.travelAt) - Date.parse(d.test.sampledAt)) / 3_600_000;
    if (hours > PCR_VALIDITY_HOURS) out.push({ path: "test.sampledAt", code: "test.expired", params: { hours: PCR_VALIDITY_HOURS } });
  }
  return out;
}
