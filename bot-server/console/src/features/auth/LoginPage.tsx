import { useState, type FormEvent } from "react";
import { Button, Notice, TextInput } from "../../components/ui";
import { errorText } from "../../lib/errors";
import { useI18n } from "../../lib/i18n";
import { useSession } from "../../lib/session";
import { LanguageSwitch } from "../../components/LanguageSwitch";

export function LoginPage({ reason }: { reason?: "expired" | "logged-out" | undefined }) {
  const { t, lang } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login({ username, password });
    } catch (err) {
      setError(errorText(err, lang, t("error.network")));
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-screen">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span>
            <strong>{t("app.name")}</strong> <span className="brand-sub">{t("app.subtitle")}</span>
          </span>
        </div>
        <h1>{t("login.heading")}</h1>
        <p className="muted">{t("login.intro")}</p>
        {reason === "expired" && !error ? <Notice kind="warning">{t("login.expired")}</Notice> : null}
        {reason === "logged-out" && !error ? <Notice kind="info">{t("login.logged_out")}</Notice> : null}
        {error ? <Notice kind="error">{error}</Notice> : null}
        <form onSubmit={submit} noValidate>
          <TextInput label={t("login.username")} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
          <TextInput label={t("login.password")} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          <Button type="submit" className="btn-block" disabled={busy || !username || !password}>
            {busy ? t("login.submitting") : t("login.submit")}
          </Button>
        </form>
        <p className="muted small">{t("login.help")}</p>
      </main>
    </div>
  );
}
