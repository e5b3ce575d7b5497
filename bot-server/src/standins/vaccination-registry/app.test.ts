import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dccCertificateSchema, describeVaccination, parseWith, vaccinationLookupRequestSchema, vaccineManufacturerNames, vaccineProductNames, vaccineTypeNames, verifyHc1 } from "@khaibao/shared";
import { REGISTRY_SEARCH_PATH } from "../../vaccination/registry-protocol";
import { certificateOf, devSignerTrustEntry, foldName, SEEDED_PEOPLE, startVaccinationRegistryStandin, type VaccinationRegistryStandin } from ".";

const NOW = new Date("2027-02-01T09:00:00Z");
let standin: VaccinationRegistryStandin;
beforeAll(async () => {
  standin = await startVaccinationRegistryStandin({ token: "t0ken", now: () => NOW });
});
afterAll(() => standin.stop());

const search = (body: unknown, token = "t0ken") =>
  fetch(`${standin.url}${REGISTRY_SEARCH_PATH}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

describe("the seeded people", () => {
  it("each can be typed into the lookup form as is, and has 1 to 4 doses of vaccines we can name", () => {
    expect(SEEDED_PEOPLE.length).toBeGreaterThanOrEqual(5);
    const doseCounts = new Set<number>();
    for (const p of SEEDED_PEOPLE) {
      expect(parseWith(vaccinationLookupRequestSchema, { idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth })).toMatchObject({ ok: true });
      expect(p.doses.length).toBeGreaterThanOrEqual(1);
      expect(p.doses.length).toBeLessThanOrEqual(4);
      doseCounts.add(p.doses.length);
      const cert = dccCertificateSchema.parse(certificateOf(p));
      const v = cert.v![0]!;
      expect([vaccineTypeNames[v.vp], vaccineProductNames[v.mp], vaccineManufacturerNames[v.ma]]).not.toContain(undefined);
      expect(foldName(`${cert.nam.fnt} ${cert.nam.gnt}`.replace(/</g, " "))).toBe(foldName(p.fullName));
    }
    expect([...doseCounts].sort()).toEqual([1, 2, 3, 4]);
    // The README's two: a booster written 3/2, and one written 3/3 that must still read as a booster.
    expect(describeVaccination(certificateOf(SEEDED_PEOPLE[0]!), "en")).toMatchObject({ doses: "3/2", booster: true });
    expect(describeVaccination(certificateOf(SEEDED_PEOPLE[1]!), "en")).toMatchObject({ doses: "3/3", booster: true });
  });
});

describe("the registry stand-in over HTTP", () => {
  const an = SEEDED_PEOPLE[0]!;

  it("when the details match (name in any case, without diacritics), then it issues a fresh HC1 signed by the development key, valid 12 months", async () => {
    const res = await search({ idNumber: an.idNumber, fullName: "NGUYEN VAN AN", dateOfBirth: an.dateOfBirth });
    expect(res.status).toBe(200);
    const { hc1 } = (await res.json()) as { hc1: string };
    const result = await verifyHc1(hc1, { trust: [devSignerTrustEntry()], now: NOW });
    expect(result).toMatchObject({ valid: true, issuer: "VN", issuedAt: NOW.toISOString(), expiresAt: new Date(NOW.getTime() + 365 * 864e5).toISOString() });
  });

  it("when any detail differs, then 404 not_found, the same as for nobody", async () => {
    for (const body of [
      { idNumber: an.idNumber, fullName: "Nguyễn Văn Anh", dateOfBirth: an.dateOfBirth },
      { idNumber: an.idNumber, fullName: an.fullName, dateOfBirth: "1990-01-01" },
      { idNumber: "999999999999", fullName: an.fullName, dateOfBirth: an.dateOfBirth },
    ]) {
      const res = await search(body);
      expect([res.status, await res.json()]).toEqual([404, { reason: "not_found" }]);
    }
  });

  it("when the token is wrong, then 401; when the body is not the protocol's, then 400", async () => {
    expect((await search({ idNumber: an.idNumber, fullName: an.fullName, dateOfBirth: an.dateOfBirth }, "wrong")).status).toBe(401);
    expect((await search({ idNumber: an.idNumber })).status).toBe(400);
  });
});
