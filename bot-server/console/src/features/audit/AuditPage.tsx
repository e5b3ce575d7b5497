import { useCallback, useEffect, useState } from "react";
import { STAFF_ROLES, staffAuditListResponseSchema, type StaffAuditEntry, type StaffRole } from "@khaibao/shared";
import { Button, Notice } from "../../components/ui";
import { request } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useI18n, type MessageKey } from "../../lib/i18n";

/** Generated ids are cut to their first 8 characters; readable ones (checkpoint codes, days) are shown whole. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PAGE = 50;

function fetchPage(before?: number): Promise<StaffAuditEntry[]> {
  const query = new URLSearchParams({ limit: String(PAGE), ...(before ? { before: String(before) } : {}) });
  return request(`/api/staff/audit?${query.toString()}`, { schema: staffAuditListResponseSchema }).then((b) => b.entries);
}

/** Admins: who changed which account, and when; newest first. */
export default function AuditPage() {
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<StaffAuditEntry[]>();
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string>();

  const load = useCallback(
    async (before?: number) => {
      try {
        const page = await fetchPage(before);
        setEntries((list) => (before ? [...(list ?? []), ...page] : page));
        setMore(page.length === PAGE);
      } catch (err) {
        setError(errorText(err, lang, t("error.network")));
      }
    },
    [lang, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  /** `role: Nhân viên hỗ trợ → Trưởng ca hỗ trợ; disabled: false → true`, roles translated. */
  const formatDetails = (details: Record<string, unknown>) => {
    const show = (key: string, v: unknown) =>
      key === "role" && typeof v === "string" && (STAFF_ROLES as readonly string[]).includes(v) ? t(`role.${v as StaffRole}`) : v !== null && typeof v === "object" ? JSON.stringify(v) : String(v);
    // A record kept whole before and after a change (checkpoints): show only what changed.
    const { before, after } = details;
    if (before && after && typeof before === "object" && typeof after === "object") {
      const b = before as Record<string, unknown>;
      const a = after as Record<string, unknown>;
      return Object.keys(a)
        .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
        .map((key) => `${key}: ${show(key, b[key] ?? "—")} → ${show(key, a[key] ?? "—")}`)
        .join("; ");
    }
    return Object.entries(details)
      .map(([key, v]) => {
        if (v && typeof v === "object" && "from" in v && "to" in v) return `${key}: ${show(key, v.from)} → ${show(key, v.to)}`;
        return `${key}: ${show(key, v)}`;
      })
      .join("; ");
  };

  const actionText = (action: string) => {
    const key = `audit.action.${action}` as MessageKey;
    const text = t(key);
    return text === key ? action : text;
  };

  return (
    <section className="page">
      <h1>{t("audit.heading")}</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {entries && entries.length === 0 ? <p className="muted">{t("audit.empty")}</p> : null}
      {entries && entries.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("audit.col.time")}</th>
                <th scope="col">{t("audit.col.actor")}</th>
                <th scope="col">{t("audit.col.action")}</th>
                <th scope="col">{t("audit.col.target")}</th>
                <th scope="col">{t("audit.col.reason")}</th>
                <th scope="col">{t("audit.col.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="small nowrap">{formatDateTime(e.at, lang)}</td>
                  <td className="mono">{e.actorUsername ?? <span className="muted">{t("audit.system")}</span>}</td>
                  <td>{actionText(e.action)}</td>
                  <td className="mono">{e.targetLabel ?? (e.targetId ? (UUID.test(e.targetId) ? e.targetId.slice(0, 8) : e.targetId) : "")}</td>
                  <td>{e.reason ?? ""}</td>
                  <td className="small details-cell">{e.details ? formatDetails(e.details) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {more && entries ? (
        <Button variant="secondary" onClick={() => void load(entries[entries.length - 1]?.id)}>
          {t("audit.more")}
        </Button>
      ) : null}
    </section>
  );
}
