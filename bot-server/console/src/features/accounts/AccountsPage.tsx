import { useCallback, useEffect, useState } from "react";
import type { StaffAccount, StaffUser } from "@khaibao/shared";
import { Button, Notice } from "../../components/ui";
import { errorText } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useI18n } from "../../lib/i18n";
import { listAccounts } from "./api";
import { AccountEditor } from "./AccountEditor";
import { CreateAccountForm } from "./CreateAccountForm";

type Panel = { kind: "create" } | { kind: "edit"; id: string } | undefined;

function StateBadge({ account }: { account: StaffAccount }) {
  const { t, lang } = useI18n();
  if (account.disabled) return <span className="badge badge-off">{t("accounts.state.disabled")}</span>;
  if (account.lockedUntil) return <span className="badge badge-warn">{t("accounts.state.locked", { time: formatDateTime(account.lockedUntil, lang) })}</span>;
  if (account.mustChangePassword) return <span className="badge badge-info">{t("accounts.state.must_change")}</span>;
  return <span className="badge badge-on">{t("accounts.state.active")}</span>;
}

/** Admins: every account, a panel to create one or edit the selected one. */
export default function AccountsPage({ me }: { me: StaffUser }) {
  const { t, lang } = useI18n();
  const [accounts, setAccounts] = useState<StaffAccount[]>();
  const [error, setError] = useState<string>();
  const [panel, setPanel] = useState<Panel>();
  const [created, setCreated] = useState<string>();

  const load = useCallback(async () => {
    try {
      setAccounts(await listAccounts());
      setError(undefined);
    } catch (err) {
      setError(errorText(err, lang, t("error.network")));
    }
  }, [lang, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const replace = (a: StaffAccount) => setAccounts((list) => list?.map((x) => (x.id === a.id ? a : x)));
  const editing = panel?.kind === "edit" ? accounts?.find((a) => a.id === panel.id) : undefined;

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t("accounts.heading")}</h1>
        <Button
          onClick={() => {
            setCreated(undefined);
            setPanel({ kind: "create" });
          }}
        >
          {t("accounts.create")}
        </Button>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {created ? <Notice kind="success">{t("accounts.created", { username: created })}</Notice> : null}
      <div className={`split${panel ? " split-open" : ""}`}>
        <div className="table-wrap">
          {accounts ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("accounts.col.username")}</th>
                  <th scope="col">{t("accounts.col.name")}</th>
                  <th scope="col">{t("accounts.col.role")}</th>
                  <th scope="col">{t("accounts.col.state")}</th>
                  <th scope="col">{t("accounts.col.last_login")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("accounts.edit")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id} aria-selected={panel?.kind === "edit" && panel.id === a.id}>
                    <td className="mono">
                      {a.username} {a.id === me.id ? <span className="muted small">{t("accounts.you")}</span> : null}
                    </td>
                    <td>{a.displayName}</td>
                    <td>{t(`role.${a.role}`)}</td>
                    <td>
                      <StateBadge account={a} />
                    </td>
                    <td className="small">{a.lastLoginAt ? formatDateTime(a.lastLoginAt, lang) : <span className="muted">{t("accounts.never")}</span>}</td>
                    <td className="cell-action">
                      <Button variant="link" aria-label={`${t("accounts.edit")} ${a.username}`} onClick={() => setPanel({ kind: "edit", id: a.id })}>
                        {t("accounts.edit")}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t("accounts.loading")}</p>
          )}
        </div>
        {panel?.kind === "create" ? (
          <CreateAccountForm
            onClose={() => setPanel(undefined)}
            onCreated={(a) => {
              setAccounts((list) => [...(list ?? []), a].sort((x, y) => x.username.localeCompare(y.username)));
              setCreated(a.username);
              setPanel(undefined);
            }}
          />
        ) : null}
        {editing ? <AccountEditor key={editing.id} account={editing} isMe={editing.id === me.id} onChanged={replace} onClose={() => setPanel(undefined)} /> : null}
      </div>
    </section>
  );
}
