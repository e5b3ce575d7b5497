import { useCallback } from "react";
import { useNavigate } from "zmp-ui";
import { useSearchParams } from "react-router-dom";
import { paths } from "../../paths";
import { useRuntime } from "./hooks";
import { nextStep, previousStep, type StepId } from "./model/steps";

/**
 * Moving between steps. Steps replace each other in the history (the stack stays
 * landing → wizard), so "back" on a step is the previous step and on the first step the landing
 * screen. A step opened from the review ("Sửa") goes back to the review when done.
 */
export function useWizardNav(step: StepId) {
  const navigate = useNavigate();
  const runtime = useRuntime();
  const [params] = useSearchParams();
  const fromReview = params.get("from") === "review";

  const goTo = useCallback(
    (target: StepId, options: { fromReview?: boolean; backward?: boolean } = {}) => {
      runtime.draft.reached(target);
      navigate(paths.declareStep.getHref(target, { fromReview: options.fromReview ?? false }), {
        replace: true,
        direction: options.backward ? "backward" : "forward",
      });
    },
    [navigate, runtime],
  );

  const next = useCallback(() => {
    const target = fromReview ? "review" : nextStep(step);
    if (target) goTo(target);
  }, [fromReview, step, goTo]);

  const back = useCallback(() => {
    const target = fromReview ? "review" : previousStep(step);
    if (target) goTo(target, { backward: true });
    else navigate(-1);
  }, [fromReview, step, goTo, navigate]);

  return { next, back, goTo, fromReview };
}
