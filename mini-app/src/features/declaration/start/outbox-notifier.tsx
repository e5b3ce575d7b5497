import { useEffect, useRef } from "react";
import { useLocation } from "react-router-dom";
import { useNavigate, useSnackbar } from "zmp-ui";
import { useI18n } from "../../../i18n";
import { paths } from "../../../paths";
import { useOutbox } from "../hooks";
import { firstStepOf } from "../model/steps";

/**
 * Starts the outbox when the app opens (anything left from last time is sent now), and tells
 * the person when a waiting declaration got through while they were on another screen.
 */
export function OutboxNotifier() {
  const { t } = useI18n();
  const outbox = useOutbox();
  const location = useLocation();
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const seen = useRef(new Set<string>());

  useEffect(() => {
    for (const [key, outcome] of outbox.outcomes) {
      if (seen.current.has(key)) continue;
      seen.current.add(key);
      // The sending screen moves on by itself (to the receipt, or back to the form).
      if (location.pathname.startsWith(paths.sending.getHref(key))) continue;
      if (outcome.kind === "delivered") {
        const code = outcome.response.receipt.code;
        openSnackbar({
          type: "success",
          text: t.start.delivered,
          duration: 8_000,
          action: { text: t.start.openDelivered, close: true, onClick: () => navigate(paths.receipt.getHref(code)) },
        });
      } else {
        // The server refused it: the form is back as the draft, with the fields marked.
        const step = firstStepOf(outcome.fields.map((f) => f.path)) ?? "review";
        openSnackbar({
          type: "error",
          text: t.start.returned,
          duration: 10_000,
          action: { text: t.start.openReturned, close: true, onClick: () => navigate(paths.declareStep.getHref(step, { fromReview: step !== "review" })) },
        });
      }
    }
  }, [outbox.outcomes, location.pathname, navigate, openSnackbar, t]);

  return null;
}
