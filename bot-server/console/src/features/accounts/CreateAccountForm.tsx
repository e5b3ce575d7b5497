import { useState, type FormEvent } from "react";
import { createStaffAccountRequestSchema, STAFF_ROLES, type StaffAccount, type StaffRole } from "@khaibao/shared";
import { Button, Notice, Select, TextInput } from "../../components/ui";
import { errorText, fieldErrors, validateForm } from "../../lib/errors";
import { useI18n } from "../../lib/i18n";
import { createAccount, generatePassword } from "./api";

export function CreateAccountForm({ onCreated, onClose }: { onCreated: (a: StaffAccount) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<StaffRole>("checkpoint_officer");
  const [password, setPassword] = useState(generatePassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const checked = validateForm(createStaffAccountRequestSchema, { username, displayName, role, password }, lang);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onCreated(await createAccount(checked.data));
    } catch (err) {
      setErrors(fieldErrors(err, lang));
      setError(errorText(err, lang, t("error.network")));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="create-heading">
      <div className="panel-head">
        <h2 id="create-heading">{t("accounts.create_heading")}</h2>
        <Button variant="link" onClick={onClose}>
          {t("accounts.close")}
        </Button>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <TextInput label={t("accounts.username")} name="new-username" autoCapitalize="none" spellCheck={false} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} error={errors["username"]} />
      <TextInput label={t("accounts.display_name")} name="new-display-name" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errors["displayName"]} />
      <Select label={t("accounts.role")} name="new-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)} error={errors["role"]}>
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </Select>
      <div className="with-button">
        <TextInput
          label={t("accounts.temp_password")}
          name="new-password"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors["password"]}
        />
        <Button variant="secondary" onClick={() => setPassword(generatePassword())}>
          {t("accounts.generate")}
        </Button>
      </div>
      <p className="field-hint hint-block">{t("accounts.temp_password_hint")}</p>
      <Button type="submit" disabled={busy}>
        {t("accounts.create_submit")}
      </Button>
    </form>
  );
}
