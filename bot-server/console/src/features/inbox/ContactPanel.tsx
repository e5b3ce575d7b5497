import { useEffect, useState } from "react";
import type { Desk, InboxContactResponse, InboxThreadResponse } from "@khaibao/shared";
import { Button, Notice } from "../../components/ui";
import { ApiError } from "../../lib/api";
import { useI18n } from "../../lib/i18n";
import { formatDateTime } from "../../lib/format";
import { reveal, setDesk, setLabels } from "./api";
import { useInboxText } from "./texts";

interface Props {
  contact: InboxContactResponse | undefined;
  conversation: InboxThreadResponse["conversation"];
  desks: Desk[];
  onChanged(): void;
}

/** Who the citizen is: the name and phone they shared, their recent declarations (masked), labels and desk. */
export function ContactPanel({ contact, conversation, desks, onChanged }: Props) {
  const t = useInboxText();
  const { lang } = useI18n();
  const [labels, setLabelText] = useState(conversation.labels.join(", "));
  const [revealing, setRevealing] = useState<string | undefined>();
  useEffect(() => setLabelText(conversation.labels.join(", ")), [conversation.labels, conversation.userId]);

  return (
    <aside className="inbox-contact" aria-label={t("contact")}>
      <h2>{t("contact")}</h2>
      <dl className="contact-facts">
        <dt>{t("zaloName")}</dt>
        <dd>{contact?.displayName ?? <span className="muted">{t("notShared")}</span>}</dd>
        <dt>{t("phone")}</dt>
        <dd>{contact?.phone ?? <span className="muted">{t("notShared")}</span>}</dd>
        <dt>{t("following")}</dt>
        <dd>{contact?.following === null || contact === undefined ? "–" : contact.following ? t("yes") : t("no")}</dd>
      </dl>
      <h3>{t("declarations")}</h3>
      {contact && contact.declarations.length === 0 ? <p className="muted small">{t("declarations.none")}</p> : null}
      <ul className="contact-declarations">
        {contact?.declarations.map((d) => (
          <li key={d.id} data-testid="declaration">
            <span className="mono">{d.receiptCode}</span> · {t(d.direction)} {d.checkpointName}
            <br />
            <span className="muted small">{formatDateTime(d.issuedAt, lang)}</span>
            <br />
            <span className="mono">{d.holderNameMasked}</span> · <span className="mono">{d.holderIdMasked}</span>{" "}
            <Button variant="link" onClick={() => setRevealing(d.id)}>
              {t("reveal.button")}
            </Button>
          </li>
        ))}
      </ul>
      {revealing ? <RevealDialog userId={conversation.userId} declarationId={revealing} onClose={() => setRevealing(undefined)} /> : null}
      <form
        className="contact-form"
        onSubmit={(e) => {
          e.preventDefault();
          const list = labels
            .split(",")
            .map((l) => l.trim())
            .filter(Boolean);
          void setLabels(conversation.userId, list).then(onChanged, onChanged);
        }}
      >
        <label>
          {t("labels")} <span className="muted small">({t("labels.hint")})</span>
          <input value={labels} onChange={(e) => setLabelText(e.target.value)} />
        </label>
        <Button variant="secondary" type="submit">
          {t("labels.save")}
        </Button>
      </form>
      <label className="contact-form">
        {t("desk")}
        <select value={conversation.deskId ?? ""} onChange={(e) => void setDesk(conversation.userId, e.target.value || null).then(onChanged, onChanged)}>
          <option value="">{t("desk.default")}</option>
          {desks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
    </aside>
  );
}

/** `{identity: {fullName: "..."}}` -> `[["identity.fullName", "..."]]`: the record as rows to read. */
function flatten(value: unknown, prefix = ""): Array<[string, string]> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value === null || value === undefined ? "–" : typeof value === "object" ? JSON.stringify(value) : String(value)]];
}

function RevealDialog({ userId, declarationId, onClose }: { userId: string; declarationId: string; onClose(): void }) {
  const t = useInboxText();
  const { lang } = useI18n();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [record, setRecord] = useState<Record<string, unknown> | undefined>();
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t("reveal.title")}>
        <h2>{t("reveal.title")}</h2>
        {record ? (
          <table className="reveal-record">
            <tbody>
              {flatten(record).map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{key.replace(/^declaration\./, "")}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              reveal(userId, declarationId, reason).then(
                (r) => setRecord(r.record),
                (err: unknown) => setError(err instanceof ApiError ? (err.fields[0]?.messages[lang] ?? err.text(lang) ?? t("error")) : t("error")),
              );
            }}
          >
            <label className="contact-form">
              {t("reveal.reason")}
              <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            {error ? <Notice kind="error">{error}</Notice> : null}
            <Button type="submit">{t("reveal.submit")}</Button>
          </form>
        )}
        <Button variant="secondary" onClick={onClose}>
          {t("reveal.cancel")}
        </Button>
      </div>
    </div>
  );
}
