import { useEffect, useState } from "react";

/**
 * A router small enough to read: paths under /console/, history API, one hook. The server
 * answers every extension-less /console/... path with the app, so reloads and links work.
 */
export const paths = {
  home: "/console/",
  inbox: "/console/inbox",
  canned: "/console/canned",
  verify: "/console/verify",
  forwarding: "/console/forwarding",
  accounts: "/console/accounts",
  audit: "/console/audit",
  checkpoints: "/console/checkpoints",
  dashboard: "/console/dashboard",
  exports: "/console/exports",
  retention: "/console/retention",
  changePassword: "/console/password",
} as const;
export type PathName = keyof typeof paths;

const NAVIGATE_EVENT = "khaibao:navigate";

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === window.location.pathname) return;
  if (opts.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current path, without a trailing slash (except the home `/console/`). */
export function usePathname(): string {
  const read = () => {
    const p = window.location.pathname;
    return p === "/console" ? paths.home : p.length > 1 && p.endsWith("/") && p !== paths.home ? p.slice(0, -1) : p;
  };
  const [pathname, setPathname] = useState(read);
  useEffect(() => {
    const update = () => setPathname(read());
    window.addEventListener("popstate", update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return pathname;
}
