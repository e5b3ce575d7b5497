import { useCallback, useEffect, useState } from "react";
import type { CannedAnswer, Desk } from "@khaibao/shared";
import { Button, Notice, TextInput } from "../../components/ui";
import { ApiError } from "../../lib/api";
import { useI18n } from "../../lib/i18n";
import * as api from "./api";
import { useInboxText } from "./texts";
import "./inbox.css";

const EMPTY = { shortcut: "", title: "", body: "" };

/** Supervisors: the canned answers agents insert with `/`, and the desks' business hours. */
export default function CannedPage() {
  const t = useInboxText();
  const { lang } = useI18n();
  const [answers, setAnswers] = useState<CannedAnswer[]>([]);
  const [desks, setDesks] = useState<Desk[]>([]);
  const [editing, setEditing] = useState<number | "new" | undefined>();
  const [form, setForm] = useState(EMPTY);
  const [desk, setDesk] = useState({ id: "", name: "", hours: "", outOfHoursText: "", checkpoints: "" });
  const [error, setError] = useState<string | undefined>();

  const load = useCallback(() => {
    void api.listCanned().then((r) => setAnswers(r.answers), () => setError(t("error")));
    void api.listDesks().then((r) => setDesks(r.desks), () => {});
  }, [t]);
  useEffect(load, [load]);

  const fail = (e: unknown) => setError(e instanceof ApiError ? (e.fields[0]?.messages[lang] ?? e.text(lang) ?? t("error")) : t("error"));

  return (
    <section className="page canned-page">
      <div className="page-head">
        <h1>{t("canned.heading")}</h1>
        <Button
          onClick={() => {
            setEditing("new");
            setForm(EMPTY);
          }}
        >
          {t("canned.add")}
        </Button>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {editing !== undefined ? (
        <form
          className="canned-form"
          onSubmit={(e) => {
            e.preventDefault();
            setError(undefined);
            const done = () => {
              setEditing(undefined);
              load();
            };
            (editing === "new" ? api.createCanned(form) : api.updateCanned(editing, form)).then(done, fail);
          }}
        >
          <TextInput label={t("canned.shortcut")} value={form.shortcut} onChange={(e) => setForm({ ...form, shortcut: e.target.value })} required />
          <TextInput label={t("canned.title")} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} required />
          <label className="contact-form">
            {t("canned.body")}
            <textarea rows={4} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} required />
          </label>
          <p className="muted small">{t("canned.vars")}</p>
          <Button type="submit">{t("canned.save")}</Button>{" "}
          <Button variant="secondary" onClick={() => setEditing(undefined)}>
            {t("canned.cancel")}
          </Button>
        </form>
      ) : null}
      <table className="table canned-table">
        <thead>
          <tr>
            <th>{t("canned.shortcut")}</th>
            <th>{t("canned.title")}</th>
            <th>{t("canned.body")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {answers.map((a) => (
            <tr key={a.id} data-testid="canned-row">
              <td className="mono">/{a.shortcut}</td>
              <td>{a.title}</td>
              <td className="canned-body">{a.body}</td>
              <td className="nowrap">
                <Button
                  variant="link"
                  onClick={() => {
                    setEditing(a.id);
                    setForm({ shortcut: a.shortcut, title: a.title, body: a.body });
                  }}
                >
                  {t("canned.edit")}
                </Button>
                <Button
                  variant="link"
                  onClick={() => {
                    if (window.confirm(t("canned.delete_confirm", { shortcut: a.shortcut }))) void api.deleteCanned(a.id).then(load, fail);
                  }}
                >
                  {t("canned.delete")}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("desks.heading")}</h2>
      <ul className="desk-list">
        {desks.map((d) => (
          <li key={d.id}>
            <strong>{d.name}</strong> <span className="mono">({d.id})</span> · {d.hours}
            {d.outOfHoursText ? <span className="muted"> · {d.outOfHoursText}</span> : null}
            {d.checkpointIds.length > 0 ? <span className="mono small"> · {d.checkpointIds.join(", ")}</span> : null}
          </li>
        ))}
      </ul>
      <form
        className="canned-form"
        onSubmit={(e) => {
          e.preventDefault();
          setError(undefined);
          const checkpointIds = desk.checkpoints
            .split(",")
            .map((c) => c.trim().toUpperCase())
            .filter(Boolean);
          void api.saveDesk({ id: desk.id, name: desk.name, hours: desk.hours, outOfHoursText: desk.outOfHoursText.trim() || null, checkpointIds }).then(() => {
            setDesk({ id: "", name: "", hours: "", outOfHoursText: "", checkpoints: "" });
            load();
          }, fail);
        }}
      >
        <TextInput label={t("desks.id")} value={desk.id} onChange={(e) => setDesk({ ...desk, id: e.target.value })} required />
        <TextInput label={t("desks.name")} value={desk.name} onChange={(e) => setDesk({ ...desk, name: e.target.value })} required />
        <TextInput label={t("desks.hours")} hint={t("desks.hours_hint")} value={desk.hours} onChange={(e) => setDesk({ ...desk, hours: e.target.value })} required />
        <TextInput label={t("desks.ooh")} value={desk.outOfHoursText} onChange={(e) => setDesk({ ...desk, outOfHoursText: e.target.value })} />
        <TextInput label={t("desks.checkpoints")} hint={t("desks.checkpoints_hint")} value={desk.checkpoints} onChange={(e) => setDesk({ ...desk, checkpoints: e.target.value })} />
        <Button type="submit">{t("desks.save")}</Button>
      </form>
    </section>
  );
}
