import { useState, type FormEvent } from "react";
import { EXPORT_FORMATS, EXPORT_KINDS, vietnamDay, type ExportFormat, type ExportKind } from "@khaibao/shared";
import { Button, Notice, TextInput } from "../../components/ui";
import { errorText, fieldErrors } from "../../lib/errors";
import { useI18n } from "../../lib/i18n";
import { downloadExport } from "./api";

/** Admins: one Vietnam day of declarations for the department, as CSV or JSON, summary or detail. */
export default function ExportsPage() {
  const { t, lang } = useI18n();
  const [date, setDate] = useState(() => vietnamDay(new Date()));
  const [kind, setKind] = useState<ExportKind>("summary");
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: "success" | "error"; text: string }>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    try {
      const file = await downloadExport(date, format, kind);
      setErrors({});
      setOutcome({ kind: "success", text: t("exports.done", { file }) });
    } catch (err) {
      setErrors(fieldErrors(err, lang));
      setOutcome({ kind: "error", text: errorText(err, lang, t("error.network")) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page page-narrow">
      <h1>{t("exports.heading")}</h1>
      <p className="muted intro">{t("exports.intro")}</p>
      <form className="card export-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextInput label={t("exports.date")} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors["date"]} required />
        <fieldset className="choice-group">
          <legend>{t("exports.kind")}</legend>
          {EXPORT_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span>{t(`exports.kind.${k}`)}</span>
            </label>
          ))}
        </fieldset>
        {kind === "detail" ? <Notice kind="warning">{t("exports.detail_warning")}</Notice> : null}
        <fieldset className="choice-group">
          <legend>{t("exports.format")}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="check">
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              <span>{f.toUpperCase()}</span>
            </label>
          ))}
        </fieldset>
        {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
        <Button type="submit" disabled={busy}>
          {busy ? t("exports.downloading") : t("exports.download")}
        </Button>
        <p className="field-hint hint-block">{t("exports.logged")}</p>
      </form>
    </section>
  );
}
