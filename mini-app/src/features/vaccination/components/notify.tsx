import { useCallback } from "react";
import { useSnackbar } from "zmp-ui";
import { AlertIcon } from "../../../components/icons";

function DoneIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </svg>
  );
}

/**
 * A short message at the bottom. Our own icons: zmp-ui's come from an icon font on Zalo's CDN,
 * which shows as its ligature's name ("zi_check_circle_solid") wherever the font does not load.
 */
export function useNotify(): (kind: "success" | "error", text: string) => void {
  const { openSnackbar } = useSnackbar();
  return useCallback(
    (kind, text) => openSnackbar({ type: kind, text, prefixIcon: kind === "success" ? <DoneIcon /> : <AlertIcon /> }),
    [openSnackbar],
  );
}
