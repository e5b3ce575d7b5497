import { useEffect, useState } from "react";

/** The current time, refreshed every `everyMs` (a receipt turns "expired" on screen by itself). */
export function useNow(now: () => Date, everyMs = 30_000): Date {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return value;
}
