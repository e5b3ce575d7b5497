import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trustListSchema, verifyHc1 } from "@khaibao/shared";
import { SEEDED_PEOPLE } from "../../bot-server/src/standins/vaccination-registry";
import { startTestServer, type TestServer } from "../support/server";

// The whole server as `npm start` wires it: with no registry configured, the stand-in is started,
// its development signer is on the served trust list, and a looked-up certificate verifies with it.
describe("vaccination certificates through the real server", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it("when a seeded person is looked up, then the certificate verifies with the server's own trust list, and nothing personal is logged", async () => {
    const person = SEEDED_PEOPLE[3]!;
    const res = await fetch(`${t.baseUrl}/api/vaccination/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-zalo-access-token": "dev:7700000000000000001" },
      body: JSON.stringify({ idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth }),
    });
    expect(res.status).toBe(200);
    const { hc1 } = (await res.json()) as { hc1: string };
    const list = trustListSchema.parse(await (await fetch(`${t.baseUrl}/api/vaccination/trust-list`)).json());
    expect(list.entries.map((e) => e.subject)).toEqual([expect.stringContaining("DEVELOPMENT ONLY")]);
    const result = await verifyHc1(hc1, { trust: list.entries, now: new Date() });
    expect(result).toMatchObject({ valid: true, certificate: { v: [{ dn: 4, sd: 2, mp: "EU/1/20/1507" }] } });
    const logs = t.logs.join("");
    expect(logs).not.toContain(person.idNumber);
    expect(logs).not.toContain("Dung");
  });
});
