import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { staffSessionResponseSchema, type StaffLoginRequest, type StaffSessionResponse, type ChangeOwnPasswordRequest } from "@khaibao/shared";
import { ApiError, request, SESSION_ENDED_EVENT, setCsrfToken } from "./api";

export type SessionState =
  | { status: "loading" }
  /** `reason`: why the person is at the login (their session expired, they signed out). */
  | { status: "signed-out"; reason?: "expired" | "logged-out" }
  | { status: "unreachable" }
  | { status: "signed-in"; session: StaffSessionResponse };

interface SessionApi {
  state: SessionState;
  login(input: StaffLoginRequest): Promise<void>;
  logout(): Promise<void>;
  logoutEverywhere(): Promise<void>;
  changePassword(input: ChangeOwnPasswordRequest): Promise<void>;
  /** Re-reads the session (keeps it alive; notices when it has ended). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const signedIn = useCallback((session: StaffSessionResponse) => {
    setCsrfToken(session.csrfToken);
    setState({ status: "signed-in", session });
  }, []);
  const signedOut = useCallback((reason?: "expired" | "logged-out") => {
    setCsrfToken(undefined);
    setState(reason ? { status: "signed-out", reason } : { status: "signed-out" });
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await request("/api/staff/session", { schema: staffSessionResponseSchema }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) signedOut(error.code === "staff.session_expired" ? "expired" : undefined);
      else setState((s) => (s.status === "signed-in" ? s : { status: "unreachable" }));
    }
  }, [signedIn, signedOut]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const onEnded = (e: Event) => signedOut((e as CustomEvent<string>).detail === "staff.session_expired" ? "expired" : undefined);
    window.addEventListener(SESSION_ENDED_EVENT, onEnded);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, onEnded);
  }, [signedOut]);

  const api = useMemo<SessionApi>(
    () => ({
      state,
      refresh,
      async login(input) {
        signedIn(await request("/api/staff/login", { method: "POST", body: input, schema: staffSessionResponseSchema }));
      },
      async logout() {
        await request("/api/staff/logout", { method: "POST" }).catch(() => undefined);
        signedOut("logged-out");
      },
      async logoutEverywhere() {
        await request("/api/staff/logout-everywhere", { method: "POST" });
        signedOut("logged-out");
      },
      async changePassword(input) {
        signedIn(await request("/api/staff/password", { method: "POST", body: input, schema: staffSessionResponseSchema }));
      },
    }),
    [state, refresh, signedIn, signedOut],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
