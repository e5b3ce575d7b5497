import type { Request, Response } from "express";

/**
 * The session cookie. In production it is `__Host-` prefixed (browsers then insist on Secure,
 * Path=/ and no Domain, so no subdomain can plant or read it) and Secure; over plain http in
 * development neither is possible. HttpOnly keeps it from scripts, SameSite=Strict from other
 * sites' requests. No Max-Age: it ends with the browser, and the server ends it sooner.
 */
export interface CookieSettings {
  name: string;
  secure: boolean;
}

export function cookieSettings(production: boolean): CookieSettings {
  return production ? { name: "__Host-khaibao_staff", secure: true } : { name: "khaibao_staff", secure: false };
}

function attributes(settings: CookieSettings): string {
  return `Path=/; HttpOnly; SameSite=Strict${settings.secure ? "; Secure" : ""}`;
}

export function setSessionCookie(res: Response, settings: CookieSettings, token: string): void {
  res.append("Set-Cookie", `${settings.name}=${token}; ${attributes(settings)}`);
}

export function clearSessionCookie(res: Response, settings: CookieSettings): void {
  res.append("Set-Cookie", `${settings.name}=; ${attributes(settings)}; Max-Age=0`);
}

/** Reads one cookie from the request's header (no cookie-parser: we need exactly one value). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
