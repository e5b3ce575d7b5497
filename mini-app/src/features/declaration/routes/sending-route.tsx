import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { Button, useNavigate } from "zmp-ui";
import { Screen } from "../../../components/screen";
import { paths } from "../../../paths";
import { useOnline } from "../../../platform";
import { useDraft, useOutbox, useRuntime } from "../hooks";
import { useStrings } from "../i18n";
import { firstStepOf } from "../model/steps";

/** Seconds until `at`, updated every second. */
function useSecondsUntil(at: number | null, now: () => number): number | null {
  const [, tick] = useState(0);
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => tick((n) => n + 1), 1_000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now()) / 1_000));
}

/**
 * `/sending/:key`: a committed declaration on its way. It says plainly when it is waiting for
 * the network (saved on the phone, sent by itself), and moves on by itself: to the receipt when
 * it gets through, back to the form when the server finds a mistake.
 */
export function SendingRoute() {
  const { key = "" } = useParams();
  const { s, lang } = useStrings();
  const runtime = useRuntime();
  const outbox = useOutbox();
  const draft = useDraft();
  const online = useOnline();
  const navigate = useNavigate();
  const item = outbox.items.find((i) => i.idempotencyKey === key) ?? null;
  const outcome = outbox.outcomes.get(key) ?? null;
  const seconds = useSecondsUntil(item && item.attempts > 0 ? item.nextAttemptAt : null, () => runtime.now().getTime());

  useEffect(() => {
    if (outcome?.kind === "delivered") {
      navigate(paths.receipt.getHref(outcome.response.receipt.code), { replace: true });
    } else if (outcome && draft) {
      // Back to the first field the server named (or the review, for a refusal without fields).
      const step = firstStepOf(outcome.fields.map((f) => f.path)) ?? "review";
      navigate(paths.declareStep.getHref(step, { fromReview: step !== "review" }), { replace: true });
    }
  }, [outcome, draft, navigate]);

  const withdraw = () => {
    const taken = runtime.outbox.withdraw(key);
    if (!taken) return;
    runtime.draft.start(taken.form, { mode: "wizard", step: "review" });
    navigate(paths.declareStep.getHref("review"), { replace: true });
  };

  if (!item) {
    return (
      <Screen title={s.sending.title}>
        {outcome ? <p className="kb-hint">{s.sending.sending}</p> : <p className="kb-hint">{s.sending.unknown}</p>}
      </Screen>
    );
  }

  const sendingNow = outbox.sending === key;
  const waiting = !sendingNow && (!online || item.attempts > 0);
  const serverTrouble = online && item.lastError !== null && !item.lastError.startsWith("network.");

  return (
    <Screen
      title={s.sending.title}
      footer={
        waiting ? (
          <div className="kb-actions">
            <Button variant="primary" size="large" fullWidth className="kb-cta" onClick={() => void runtime.outbox.flush({ force: true })}>
              {s.sending.retryNow}
            </Button>
            <Button variant="tertiary" size="large" fullWidth onClick={withdraw}>
              {s.sending.edit}
            </Button>
          </div>
        ) : undefined
      }
    >
      {waiting ? (
        <section className="kb-notice kb-notice--warning kb-waiting" role="status" aria-live="polite" data-testid="outbox-waiting">
          <div className="kb-spinner" aria-hidden="true" />
          <h2 className="kb-notice__title">{serverTrouble ? s.sending.serverTitle : s.sending.waitingTitle}</h2>
          <p className="kb-notice__body">{serverTrouble ? (item.lastMessage?.[lang] ?? s.sending.serverBusy) : s.sending.waitingBody}</p>
          {online && seconds !== null ? <p className="kb-notice__body kb-muted">{s.sending.nextTry(seconds)}</p> : null}
        </section>
      ) : (
        <section className="kb-notice kb-sending" role="status" aria-live="polite">
          <div className="kb-spinner" aria-hidden="true" />
          <h2 className="kb-notice__title">{s.sending.sending}</h2>
        </section>
      )}
    </Screen>
  );
}
