/**
 * The identities the local Graph stand-in accepts. The mini app's browser platform sends
 * `dev:<userId>` (optionally `dev:<userId>:<name>`, the name percent-encoded since HTTP headers
 * carry ASCII only); `dev:` alone is the default dev user.
 * Phone tokens: `devphone:<digits>` answers that number; `dev-phone:<userId>` (what the mini
 * app's browser platform sends) answers a number derived from the user id, the same every time.
 */
export const DEV_TOKEN_PREFIX = "dev:";
export const DEFAULT_DEV_USER_ID = "1000000000000000001";

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function devAccessToken(userId: string, name?: string): string {
  return `${DEV_TOKEN_PREFIX}${userId}${name === undefined ? "" : `:${encodeURIComponent(name)}`}`;
}

export function parseDevAccessToken(token: string): { id: string; name: string | null } | undefined {
  if (!token.startsWith(DEV_TOKEN_PREFIX)) return undefined;
  const rest = token.slice(DEV_TOKEN_PREFIX.length);
  const colon = rest.indexOf(":");
  const id = (colon < 0 ? rest : rest.slice(0, colon)) || DEFAULT_DEV_USER_ID;
  let name = colon < 0 ? null : rest.slice(colon + 1).trim() || null;
  try {
    name = name === null ? null : decodeURIComponent(name);
  } catch {
    return undefined;
  }
  if (!USER_ID.test(id) || (name !== null && name.length > 100)) return undefined;
  return { id, name: name ?? `Dev ${id}` };
}

/** `84` + 9 digits, as Zalo answers phone numbers; undefined for a code the stand-in refuses. */
export function phoneForDevCode(code: string): string | undefined {
  const digits = /^devphone:(\d{9,12})$/.exec(code)?.[1];
  if (digits) {
    const national = digits.startsWith("84") ? digits.slice(2) : digits.startsWith("0") ? digits.slice(1) : digits;
    return national.length === 9 ? `84${national}` : undefined;
  }
  const userId = /^dev-phone:([A-Za-z0-9_-]{1,64})$/.exec(code)?.[1];
  if (userId) {
    // 091 + 7 digits from a string hash: a valid VinaPhone-looking number, stable per user.
    let h = 0;
    for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return `8491${String(h % 10_000_000).padStart(7, "0")}`;
  }
  return undefined;
}
