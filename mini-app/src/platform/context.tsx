import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { Platform } from "./types";

const PlatformContext = createContext<Platform | null>(null);

/**
 * Makes the platform available to every screen, and hides Zalo's splash once the first screen
 * is on the glass (app-config `selfControlLoading: true`): effects run after the first commit,
 * whatever that screen is (content, skeleton or an error page).
 */
export function PlatformProvider({ platform, children }: { platform: Platform; children: ReactNode }) {
  useEffect(() => {
    platform.closeLoading().catch((error: unknown) => console.warn("closeLoading failed", error));
  }, [platform]);
  return <PlatformContext.Provider value={platform}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error("usePlatform() outside <PlatformProvider>");
  return platform;
}

/** Current connectivity, updated live. */
export function useOnline(): boolean {
  const platform = usePlatform();
  const [online, setOnline] = useState(() => platform.isOnline());
  useEffect(() => {
    setOnline(platform.isOnline());
    return platform.onNetworkChange(setOnline);
  }, [platform]);
  return online;
}
