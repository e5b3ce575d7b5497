import { useState, type FormEvent } from "react";
import { resetStaffPasswordRequestSchema, STAFF_ROLES, type StaffAccount, type StaffRole } from "@khaibao/shared";
import { Button, Notice, Select, TextInput } from "../../components/ui";
import { errorText, fieldErrors, validateForm } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useI18n } from "../../lib/i18n";
import { generatePassword, resetPassword, unlockAccount, updateAccount } from "./api";

type Outcome = { kind: "success" | "error"; text: string } | undefined;

/** Role, name and state of one account; its password reset and unlock. Every change asks why. */
export function AccountEditor({ account, isMe, onChanged, onClose }: { account: StaffAccount; isMe: boolean; onChanged: (a: StaffAccount) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [role, setRole] = useState<StaffRole>(account.role);
  const [disabled, setDisabled] = useState(account.disabled);
  const [reason, setReason] = useState("");
  const [temp, setTemp] = useState(generatePassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  async function act(fn: () => Promise<StaffAccount>, success: string) {
    setBusy(true);
    setOutcome(undefined);
    try {
      const updated = await fn();
      onChanged(updated);
      setOutcome({ kind: "success", text: success });
      setErrors({});
      setReason("");
    } catch (err) {
      setErrors(fieldErrors(err, lang));
      setOutcome({ kind: "error", text: errorText(err, lang, t("error.network")) });
    } finally {
      setBusy(false);
    }
  }

  const save = (e: FormEvent) => {
    e.preventDefault();
    const change = {
      ...(displayName.trim() !== account.displayName ? { displayName } : {}),
      ...(role !== account.role ? { role } : {}),
      ...(disabled !== account.disabled ? { disabled } : {}),
      ...(reason.trim() ? { reason } : {}),
    };
    void act(() => updateAccount(account.id, change), t("accounts.saved"));
  };

  const reset = (e: FormEvent) => {
    e.preventDefault();
    const checked = validateForm(resetStaffPasswordRequestSchema, { password: temp, ...(reason.trim() ? { reason } : {}) }, lang);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    void act(() => resetPassword(account.id, checked.data), t("accounts.reset_done"));
  };

  return (
    <div className="panel" aria-labelledby="edit-heading">
      <div className="panel-head">
        <h2 id="edit-heading">{t("accounts.edit_heading", { username: account.username })}</h2>
        <Button variant="link" onClick={onClose}>
          {t("accounts.close")}
        </Button>
      </div>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
      <form onSubmit={save} noValidate>
        <TextInput label={t("accounts.display_name")} value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errors["displayName"]} />
        <Select label={t("accounts.role")} value={role} disabled={isMe} onChange={(e) => setRole(e.target.value as StaffRole)} error={errors["role"]}>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </Select>
        <label className="check">
          <input type="checkbox" checked={!disabled} disabled={isMe} onChange={(e) => setDisabled(!e.target.checked)} />
          <span>{t("accounts.state.active")}</span>
        </label>
        {disabled && !account.disabled ? <p className="field-hint">{t("accounts.disabled_note")}</p> : null}
        <TextInput label={t("accounts.reason")} value={reason} onChange={(e) => setReason(e.target.value)} error={errors["reason"]} maxLength={500} />
        <Button type="submit" disabled={busy}>
          {t("accounts.save")}
        </Button>
      </form>
      {account.lockedUntil ? (
        <div className="panel-section">
          <p>{t("accounts.state.locked", { time: formatDateTime(account.lockedUntil, lang) })}</p>
          <Button variant="secondary" disabled={busy} onClick={() => void act(() => unlockAccount(account.id), t("accounts.unlocked"))}>
            {t("accounts.unlock")}
          </Button>
        </div>
      ) : null}
      {isMe ? null : (
        <form className="panel-section" onSubmit={reset} noValidate>
          <h3>{t("accounts.reset_heading")}</h3>
          <div className="with-button">
            <TextInput label={t("accounts.temp_password")} className="mono" value={temp} onChange={(e) => setTemp(e.target.value)} error={errors["password"]} />
            <Button variant="secondary" onClick={() => setTemp(generatePassword())}>
              {t("accounts.generate")}
            </Button>
          </div>
          <p className="field-hint hint-block">{t("accounts.temp_password_hint")}</p>
          <Button type="submit" variant="danger" disabled={busy}>
            {t("accounts.reset_submit")}
          </Button>
        </form>
      )}
    </div>
  );
}
