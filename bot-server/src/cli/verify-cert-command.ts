import { existsSync, readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { decodeHc1, hc1FailureMessageCode, messages, trustListSchema, verifyHc1, type TrustEntry } from "@khaibao/shared";
import { readTrustPath } from "../vaccination/x509";

export const VERIFY_CERT_USAGE = `Usage: npm run verify-cert -- --trust <file or folder> [--trust ...] [--at <ISO time>] <HC1:... text | @file>

  --trust  signer certificates: a PEM/DER file, a PEM bundle, a folder of them, or a trust
           list JSON (as served at /api/vaccination/trust-list). Repeatable.
  --at     check expiry and signer validity at this time instead of now.

Prints the result as JSON; exits 0 only when the certificate is valid (1 invalid, 2 usage).`;

function readTrust(target: string): TrustEntry[] {
  if (!statSync(target).isDirectory() && target.toLowerCase().endsWith(".json")) {
    return trustListSchema.parse(JSON.parse(readFileSync(target, "utf8"))).entries;
  }
  return readTrustPath(target);
}

/**
 * `verify-cert`: checks a vaccination certificate QR text offline, as the mini app does, and
 * prints what a support agent needs: valid or the failing step (with its message), the facts
 * and the decoded certificate (unverified when the signature step failed: marked so).
 */
export async function runVerifyCert(argv: string[], io: { out(line: string): void; err(line: string): void; now?: () => Date }): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { trust: { type: "string", multiple: true }, at: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${VERIFY_CERT_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(VERIFY_CERT_USAGE);
    return 0;
  }
  const input = positionals[0];
  if (!values.trust || values.trust.length === 0 || input === undefined || positionals.length > 1) {
    io.err(VERIFY_CERT_USAGE);
    return 2;
  }
  const now = values.at === undefined ? (io.now?.() ?? new Date()) : new Date(values.at);
  if (Number.isNaN(now.getTime())) {
    io.err(`--at: not an ISO time: ${values.at}`);
    return 2;
  }
  let trust: TrustEntry[];
  let text: string;
  try {
    trust = values.trust.flatMap(readTrust);
    if (input.startsWith("@")) {
      const file = input.slice(1);
      if (!existsSync(file)) throw new Error(`${file}: no such file`);
      text = readFileSync(file, "utf8");
    } else {
      text = input;
    }
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }

  const result = await verifyHc1(text, { trust, now });
  if (result.valid) {
    io.out(JSON.stringify({ valid: true, checkedAt: now.toISOString(), kid: result.kid, issuer: result.issuer, issuedAt: result.issuedAt, expiresAt: result.expiresAt, certificate: result.certificate }, null, 2));
    return 0;
  }
  // Show what the QR claims even when it cannot be trusted, so support can tell whose it is.
  const decoded = decodeHc1(text);
  const signatureChecked = result.certificate !== undefined || !["unknown_kid", "bad_signature"].includes(result.step);
  io.out(
    JSON.stringify(
      {
        valid: false,
        step: result.step,
        message: messages[hc1FailureMessageCode(result.step)],
        checkedAt: now.toISOString(),
        ...(decoded.ok
          ? {
              kid: decoded.kid,
              alg: decoded.alg,
              issuer: decoded.issuer,
              issuedAt: new Date(decoded.issuedAt * 1000).toISOString(),
              expiresAt: new Date(decoded.expiresAt * 1000).toISOString(),
              signatureVerified: signatureChecked,
              certificate: decoded.raw,
            }
          : {}),
      },
      null,
      2,
    ),
  );
  return 1;
}
