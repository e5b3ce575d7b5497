import { useCallback, useEffect, useState } from "react";
import { retentionRunResponseSchema, retentionRunsResponseSchema, staffCan, type RetentionRunsResponse, type StaffRole } from "@khaibao/shared";
import { Button, Notice } from "../../components/ui";
import { request } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useI18n } from "../../lib/i18n";

/**
 * Supervisors and admins: the retention limit, what waits for delivery, and the job's last runs.
 * Counts only. Admins may run the job now (audit-logged).
 */
export default function RetentionPage({ role }: { role: StaffRole }) {
  const { t, lang } = useI18n();
  const [data, setData] = useState<RetentionRunsResponse>();
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState<string>();

  const load = useCallback(async () => {
    try {
      setData(await request("/api/staff/privacy/retention", { schema: retentionRunsResponseSchema }));
      setError(undefined);
    } catch (err) {
      setError(errorText(err, lang, t("error.network")));
    }
  }, [lang, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const runNow = async () => {
    setRunning(true);
    setNotice(undefined);
    try {
      const outcome = await request("/api/staff/privacy/retention/run", { method: "POST", body: {}, schema: retentionRunResponseSchema });
      setNotice(outcome.skipped ? t("retention.skipped") : t("retention.ran", { count: outcome.run?.declarationsPurged ?? 0 }));
      await load();
    } catch (err) {
      setError(errorText(err, lang, t("error.network")));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="page">
      <h1>{t("retention.heading")}</h1>
      {data ? <p className="muted">{t("retention.intro", { days: data.retentionDays })}</p> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {data ? (
        data.heldForDelivery > 0 ? (
          <Notice kind="warning">{t("retention.held", { count: data.heldForDelivery })}</Notice>
        ) : (
          <Notice kind="info">{t("retention.none_held")}</Notice>
        )
      ) : null}
      <h2>{t("retention.runs")}</h2>
      {data && data.runs.length === 0 ? <p className="muted">{t("retention.empty")}</p> : null}
      {data && data.runs.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="retention-runs">
            <thead>
              <tr>
                <th scope="col">{t("retention.col.started")}</th>
                <th scope="col">{t("retention.col.finished")}</th>
                <th scope="col">{t("retention.col.trigger")}</th>
                <th scope="col">{t("retention.col.cutoff")}</th>
                <th scope="col">{t("retention.col.declarations")}</th>
                <th scope="col">{t("retention.col.inbox")}</th>
                <th scope="col">{t("retention.col.messages")}</th>
                <th scope="col">{t("retention.col.deletions")}</th>
                <th scope="col">{t("retention.col.result")}</th>
              </tr>
            </thead>
            <tbody>
              {data.runs.map((run) => (
                <tr key={run.id}>
                  <td className="small nowrap">{formatDateTime(run.startedAt, lang)}</td>
                  <td className="small nowrap">{run.finishedAt ? formatDateTime(run.finishedAt, lang) : ""}</td>
                  <td>{t(`retention.trigger.${run.trigger}`)}</td>
                  <td className="small nowrap">{formatDateTime(run.cutoff, lang)}</td>
                  <td className="num">{run.declarationsPurged}</td>
                  <td className="num">{run.inboxPurged}</td>
                  <td className="num">{run.messagesPurged}</td>
                  <td className="num">{run.deletionRequestsDone}</td>
                  <td>{run.error ? <span className="badge badge-warn">{run.error}</span> : run.finishedAt ? <span className="badge badge-on">{t("retention.ok")}</span> : t("retention.running")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <div className="actions">
        <Button variant="secondary" onClick={() => void load()}>
          {t("retention.refresh")}
        </Button>
        {staffCan(role, "runRetention") ? (
          <Button disabled={running} onClick={() => void runNow()}>
            {running ? t("retention.running_now") : t("retention.run_now")}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
