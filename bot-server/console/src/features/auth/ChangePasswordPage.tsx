import { useState, type FormEvent } from "react";
import { changeOwnPasswordRequestSchema, STAFF_PASSWORD_MIN_LENGTH } from "@khaibao/shared";
import { Button, Notice, TextInput } from "../../components/ui";
import { errorText, fieldErrors, validateForm } from "../../lib/errors";
import { useI18n } from "../../lib/i18n";
import { navigate, paths } from "../../lib/router";
import { useSession } from "../../lib/session";

/** Forced after an admin set the password; otherwise reached from the user menu. */
export function ChangePasswordPage({ required }: { required: boolean }) {
  const { t, lang } = useI18n();
  const { changePassword } = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    const checked = validateForm(changeOwnPasswordRequestSchema, { currentPassword: current, newPassword: next }, lang);
    const local = checked.ok ? {} : checked.errors;
    if (next !== repeat) local["repeat"] = t("password.mismatch");
    setErrors(local);
    if (!checked.ok || Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await changePassword(checked.data);
      setDone(true);
      setCurrent("");
      setNext("");
      setRepeat("");
      if (required) navigate(paths.home, { replace: true });
    } catch (err) {
      setErrors(fieldErrors(err, lang));
      setError(errorText(err, lang, t("error.network")));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page-narrow">
      <h1>{t("password.heading")}</h1>
      <p className="muted">{required ? t("password.required_intro") : t("password.intro")}</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {done ? <Notice kind="success">{t("password.done")}</Notice> : null}
      <form onSubmit={submit} noValidate className="card">
        <TextInput label={t("password.current")} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors["currentPassword"]} />
        <TextInput
          label={t("password.new")}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors["newPassword"]}
          hint={t("password.hint", { min: STAFF_PASSWORD_MIN_LENGTH })}
        />
        <TextInput label={t("password.repeat")} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} error={errors["repeat"]} />
        <div className="actions">
          <Button type="submit" disabled={busy}>
            {t("password.submit")}
          </Button>
          {required ? null : (
            <Button variant="secondary" onClick={() => navigate(paths.home)}>
              {t("password.cancel")}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
