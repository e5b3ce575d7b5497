import express, { type Express, type Request, type Response } from "express";
import { isValidAppSecretProof } from "../../zalo/appsecret-proof";
import { parseDevAccessToken, phoneForDevCode } from "./dev-tokens";

/**
 * The answers of the stand-in. Zalo's real codes for these cases are not all documented; the
 * client (zalo/graph-client.ts) does not depend on them beyond "0 is success".
 */
export const STANDIN_GRAPH_ERRORS = {
  tokenInvalid: { error: -201, message: "Access token is invalid" },
  proofInvalid: { error: -242, message: "appsecret_proof is invalid" },
  phoneCodeInvalid: { error: -201, message: "Phone code is invalid or expired" },
  secretInvalid: { error: -242, message: "secret_key is invalid" },
} as const;

export interface ZaloGraphStandinOptions {
  /** The app secret the stand-in checks `appsecret_proof` and `secret_key` against. */
  appSecret: string;
}

/**
 * A local Graph API speaking Zalo's paths, headers and JSON: `GET /v2.0/me` and
 * `GET /v2.0/me/info`, failures as HTTP 200 with `error != 0`, like Zalo.
 */
export function createZaloGraphStandinApp(opts: ZaloGraphStandinOptions): Express {
  const app = express();
  app.disable("x-powered-by");

  const header = (req: Request, name: string) => req.get(name)?.trim() ?? "";

  app.get("/v2.0/me", (req: Request, res: Response) => {
    const token = header(req, "access_token");
    const user = parseDevAccessToken(token);
    if (!user) return res.json(STANDIN_GRAPH_ERRORS.tokenInvalid);
    if (!isValidAppSecretProof(opts.appSecret, token, header(req, "appsecret_proof"))) return res.json(STANDIN_GRAPH_ERRORS.proofInvalid);
    const fields = String(req.query.fields ?? "id,name").split(",");
    res.json({
      id: user.id,
      ...(fields.includes("name") ? { name: user.name } : {}),
      ...(fields.includes("picture") ? { picture: { data: { url: "https://s120-ava-talk.zadn.vn/default" } } } : {}),
      error: 0,
      message: "Success",
    });
  });

  app.get("/v2.0/me/info", (req: Request, res: Response) => {
    if (!parseDevAccessToken(header(req, "access_token"))) return res.json(STANDIN_GRAPH_ERRORS.tokenInvalid);
    if (header(req, "secret_key") !== opts.appSecret) return res.json(STANDIN_GRAPH_ERRORS.secretInvalid);
    const number = phoneForDevCode(header(req, "code"));
    if (!number) return res.json(STANDIN_GRAPH_ERRORS.phoneCodeInvalid);
    res.json({ data: { number }, error: 0, message: "Success" });
  });

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 404, message: "Not found" });
  });
  return app;
}
