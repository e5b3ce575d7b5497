import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenStandin, type RunningStandin } from "../standins/listen";
import { RegistryUnavailableError } from "./registry";
import { createHttpVaccinationRegistry } from "./registry-http";
import { REGISTRY_SEARCH_PATH } from "./registry-protocol";

// Only 200 {hc1} and 404 are answers about the person; everything else is the registry's
// problem and must never read as "not found" to the citizen.

const QUERY = { idNumber: "001090012345", fullName: "Nguyễn Văn An", dateOfBirth: "1990-05-12" };
let answer: { status: number; body: unknown } = { status: 200, body: { hc1: "HC1:ABC" } };
let seen: { auth: string | undefined; body: unknown }[] = [];
let registry: RunningStandin;

beforeAll(async () => {
  const app = express();
  app.use(express.json());
  app.post(REGISTRY_SEARCH_PATH, (req, res) => {
    seen.push({ auth: req.get("authorization"), body: req.body });
    res.status(answer.status).json(answer.body);
  });
  app.post("/moved" + REGISTRY_SEARCH_PATH, (_req, res) => res.redirect(307, `${registry.url}${REGISTRY_SEARCH_PATH}`));
  registry = await listenStandin(app);
});
afterAll(() => registry.stop());

describe("the HTTP vaccination registry client", () => {
  const client = () => createHttpVaccinationRegistry({ baseUrl: registry.url, token: "reg-token" });

  it("when the registry answers 200 with a certificate, then found, and the request carried the token and only the given fields", async () => {
    seen = [];
    answer = { status: 200, body: { hc1: "HC1:ABC" } };
    expect(await client().find(QUERY)).toEqual({ found: true, hc1: "HC1:ABC" });
    expect(seen).toEqual([{ auth: "Bearer reg-token", body: QUERY }]);
    await client().find({ ...QUERY, phone: "+84912345678" });
    expect(seen[1]?.body).toEqual({ ...QUERY, phone: "+84912345678" });
  });

  it("when the registry answers 404, then not found", async () => {
    answer = { status: 404, body: { reason: "not_found" } };
    expect(await client().find(QUERY)).toEqual({ found: false });
  });

  it("when the registry fails, refuses our token, answers 200 without a certificate or redirects, then it is unavailable, not 'not found'", async () => {
    for (const a of [{ status: 500, body: {} }, { status: 401, body: { reason: "unauthorized" } }, { status: 200, body: { hc1: "not a certificate" } }, { status: 200, body: {} }]) {
      answer = a;
      await expect(client().find(QUERY)).rejects.toBeInstanceOf(RegistryUnavailableError);
    }
    answer = { status: 200, body: { hc1: "HC1:ABC" } };
    await expect(createHttpVaccinationRegistry({ baseUrl: `${registry.url}/moved` }).find(QUERY)).rejects.toBeInstanceOf(RegistryUnavailableError);
  });
});
