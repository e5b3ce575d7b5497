import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { forwardingRetryRequestSchema, type ForwardingProblemState, type ForwardingRetryResponse } from "@khaibao/shared";
import { Button, Field, Notice } from "../../components/ui";
import { errorText, fieldErrors, validateForm } from "../../lib/errors";
import { useI18n } from "../../lib/i18n";
import { retryDeclarations } from "./api";

interface Props {
  state: ForwardingProblemState;
  declarationIds: string[];
  onDone(result: ForwardingRetryResponse): void;
  onCancel(): void;
}

/**
 * The confirmation before sending declarations again: what will happen, and the reason that goes
 * into the audit log (required). A modal `<dialog>`: Escape cancels, focus stays inside.
 */
export function RetryDialog({ state, declarationIds, onDone, onCancel }: Props) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validateForm(forwardingRetryRequestSchema, { declarationIds, reason }, lang);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setFailure(undefined);
    setBusy(true);
    try {
      onDone(await retryDeclarations({ declarationIds, reason }));
    } catch (err) {
      setErrors(fieldErrors(err, lang));
      setFailure(errorText(err, lang, t("error.network")));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId}>{t("forwarding.confirm_heading", { count: String(declarationIds.length) })}</h2>
        <p>{t(state === "rejected" ? "forwarding.confirm_rejected" : "forwarding.confirm_dead")}</p>
        {failure ? <Notice kind="error">{failure}</Notice> : null}
        <Field label={t("forwarding.reason_label")} error={errors["reason"]} hint={t("forwarding.reason_hint")}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              rows={3}
              maxLength={500}
              required
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setErrors({});
              }}
            />
          )}
        </Field>
        <div className="actions dialog-actions">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {t("forwarding.cancel")}
          </Button>
          <Button type="submit" disabled={busy}>
            {busy ? t("forwarding.sending") : t("forwarding.confirm_submit", { count: String(declarationIds.length) })}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
