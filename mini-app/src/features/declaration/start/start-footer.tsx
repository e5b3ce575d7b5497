import { useMemo } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { Checkpoint } from "@khaibao/shared";
import { useI18n } from "../../../i18n";
import { paths } from "../../../paths";
import { useDraft, useRuntime, useStored } from "../hooks";
import { canonicalPlate } from "../model/plate";
import { STEPS, stepNumber } from "../model/steps";
import { chooseDirection, fixedDirection } from "../model/trip";
import { formForPerson, formFromLast, type LastDeclaration } from "../storage/profile";
import { snapshotOf } from "./snapshot";

/** "Nguyễn Văn An, 29A-123.45": enough to recognise the last declaration at a glance. */
function vehicleOf(last: LastDeclaration): string {
  const { vehicle, plate, transportCode } = last.trip;
  return canonicalPlate(plate, vehicle) ?? (plate || transportCode);
}

/**
 * The landing screen's actions, pinned to the bottom. A returning citizen gets one big
 * "Khai báo lại như lần trước (Nguyễn Văn An, 29A-123.45)": their details, vehicle and places
 * from the last declaration on this phone, straight to today's health questions. Otherwise
 * (or for someone else) the full wizard, prefilled from the last declaration when there is one.
 */
export function DeclarationStartFooter({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useI18n();
  const runtime = useRuntime();
  const last = useStored(runtime.last);
  const draft = useDraft();
  const navigate = useNavigate();
  const snapshot = useMemo(() => snapshotOf(checkpoint), [checkpoint]);

  const again = (from: LastDeclaration) => {
    runtime.returned.set(null);
    runtime.draft.start(formFromLast(from, snapshot, runtime.now()), { mode: "quick" });
    navigate(paths.redeclare.getHref());
  };
  const fresh = () => {
    runtime.returned.set(null);
    const form = last ? formFromLast(last, snapshot, runtime.now()) : formForPerson(null, snapshot, runtime.now());
    runtime.draft.start(form, { mode: "wizard" });
    navigate(paths.declareStep.getHref("checkpoint"));
  };
  const resume = () => {
    if (!draft) return;
    // They are at this checkpoint now, whatever the draft was started for.
    runtime.draft.update((form) => {
      if (form.checkpoint.id === snapshot.id) return form;
      const fixed = fixedDirection(snapshot);
      return { ...form, checkpoint: snapshot, trip: fixed ? chooseDirection(form.trip, fixed, snapshot) : form.trip };
    });
    navigate(draft.mode === "quick" ? paths.redeclare.getHref() : paths.declareStep.getHref(draft.step));
  };

  const resumeLabel = draft ? (draft.mode === "quick" ? t.start.resumeQuick : t.start.resume(stepNumber(draft.step), STEPS.length)) : "";

  // A returning citizen: the repeat is the big button (a half-filled draft is a link above it).
  if (last) {
    return (
      <div className="kb-actions">
        {draft ? (
          <button type="button" className="kb-link kb-link--center" onClick={resume}>
            {resumeLabel}
          </button>
        ) : null}
        <button type="button" className="kb-big-button" onClick={() => again(last)}>
          <span className="kb-big-button__title">{t.start.again}</span>{" "}
          <span className="kb-big-button__detail">{t.start.againDetail(last.identity.fullName, vehicleOf(last))}</span>
        </button>
        <Button variant="secondary" size="large" fullWidth onClick={fresh}>
          {t.start.fresh}
        </Button>
      </div>
    );
  }
  // A first declaration left half-way: carrying on is the big button, starting over the small one.
  if (draft) {
    return (
      <div className="kb-actions">
        <Button variant="primary" size="large" fullWidth className="kb-cta" onClick={resume}>
          {resumeLabel}
        </Button>
        <Button variant="tertiary" size="large" fullWidth onClick={fresh}>
          {t.start.startOver}
        </Button>
      </div>
    );
  }
  return (
    <Button variant="primary" size="large" fullWidth className="kb-cta" onClick={fresh}>
      {t.checkpoint.start}
    </Button>
  );
}
