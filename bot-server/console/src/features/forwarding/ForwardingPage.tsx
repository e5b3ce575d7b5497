import { useCallback, useEffect, useRef, useState } from "react";
import { formatReceiptCode, type ForwardingCounts, type ForwardingProblem, type ForwardingProblemState, type ForwardingRetryResponse } from "@khaibao/shared";
import { Button, Notice } from "../../components/ui";
import { errorText } from "../../lib/errors";
import { formatDateTime, formatTime } from "../../lib/format";
import { useI18n } from "../../lib/i18n";
import { listProblems } from "./api";
import { readableReason } from "./reasons";
import { RetryDialog } from "./RetryDialog";

const REFRESH_MS = 30_000;
const TOAST_MS = 8_000;

interface Listing {
  counts: ForwardingCounts;
  items: ForwardingProblem[];
  nextBefore: string | null;
  at: number;
}

function Reason({ raw }: { raw: string | null }) {
  const { t } = useI18n();
  if (!raw) return <span className="muted">—</span>;
  const readable = readableReason(raw);
  if (!readable) return <span>{raw}</span>;
  return (
    <>
      <span>{t(readable.key, readable.params)}</span>
      <span className="reason-code mono">{raw}</span>
    </>
  );
}

/**
 * Supervisors and admins: declarations the city's backend refused (with its reason) or never took
 * after every attempt, the backlog at the top, and "send again" with a reason for the audit log.
 * Refreshes itself every 30 seconds; the selection survives a refresh.
 */
export default function ForwardingPage() {
  const { t, lang } = useI18n();
  const [state, setState] = useState<ForwardingProblemState>("rejected");
  const [listing, setListing] = useState<Listing>();
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  // Kept as a message key, so the toast follows a language switch.
  const [toast, setToast] = useState<{ kind: "success" | "warning"; key: "forwarding.done" | "forwarding.done_some"; params: Record<string, string> }>();
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback(async () => {
    const asked = stateRef.current;
    try {
      const page = await listProblems(asked);
      if (stateRef.current !== asked) return;
      setListing({ ...page, at: Date.now() });
      setSelected((current) => new Set(page.items.filter((i) => current.has(i.declarationId) && !i.personalDataPurged).map((i) => i.declarationId)));
      setError(undefined);
    } catch (err) {
      setError(errorText(err, lang, t("error.network")));
    }
  }, [lang, t]);

  const loadMore = async () => {
    if (!listing?.nextBefore) return;
    try {
      const page = await listProblems(state, listing.nextBefore);
      setListing((l) => (l ? { ...l, counts: page.counts, items: [...l.items, ...page.items], nextBefore: page.nextBefore } : l));
    } catch (err) {
      setError(errorText(err, lang, t("error.network")));
    }
  };

  useEffect(() => {
    setListing(undefined);
    setSelected(new Set());
    void load();
  }, [state, load]);

  // Every 30 s while someone may be looking; at once when the tab comes back.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, REFRESH_MS);
    const visible = () => {
      if (document.visibilityState === "visible") void load();
    };
    document.addEventListener("visibilitychange", visible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", visible);
    };
  }, [load]);

  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => setToast(undefined), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);

  const items = listing?.items ?? [];
  // A declaration whose personal data were purged has nothing left to send: never selectable.
  const sendable = items.filter((i) => !i.personalDataPurged);
  const allSelected = sendable.length > 0 && sendable.every((i) => selected.has(i.declarationId));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const done = (result: ForwardingRetryResponse) => {
    setConfirming(false);
    const moved = result.retried.rejected.length + result.retried.dead.length;
    const params = { count: String(moved), skipped: String(result.skipped.length) };
    setToast(result.skipped.length > 0 ? { kind: "warning", key: "forwarding.done_some", params } : { kind: "success", key: "forwarding.done", params });
    setSelected(new Set());
    void load();
  };

  const counts = listing?.counts;
  const stat = (label: string, value: number | undefined, tone: string, hint: string) => (
    <div className={`stat stat-${tone}`}>
      <span className="stat-value">{value ?? "–"}</span>
      <span className="stat-label">{label}</span>
      <span className="stat-hint">{hint}</span>
    </div>
  );

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t("forwarding.heading")}</h1>
        <div className="refresh">
          {listing ? <span className="muted small">{t("forwarding.updated", { time: formatTime(listing.at, lang) })}</span> : null}
          <Button variant="secondary" onClick={() => void load()}>
            {t("forwarding.refresh")}
          </Button>
        </div>
      </div>
      <p className="muted intro">{t("forwarding.intro")}</p>

      <div className="stats" aria-label={t("forwarding.counts")} role="group">
        {stat(t("forwarding.count.pending"), counts?.pending, "neutral", t("forwarding.count.pending_hint"))}
        {stat(t("forwarding.count.rejected"), counts?.rejected, counts?.rejected ? "bad" : "neutral", t("forwarding.count.rejected_hint"))}
        {stat(t("forwarding.count.dead"), counts?.dead, counts?.dead ? "warn" : "neutral", t("forwarding.count.dead_hint"))}
        {stat(t("forwarding.count.today"), counts?.forwardedToday, counts?.forwardedToday ? "good" : "neutral", t("forwarding.count.today_hint"))}
      </div>

      {error ? <Notice kind="error">{error}</Notice> : null}

      <div className="tabs" role="tablist" aria-label={t("forwarding.tabs")}>
        {(["rejected", "dead"] as const).map((s) => (
          <button key={s} type="button" role="tab" className="tab" aria-selected={state === s} onClick={() => setState(s)}>
            {t(`forwarding.tab.${s}`)}
            <span className="tab-count">{s === "rejected" ? (counts?.rejected ?? "") : (counts?.dead ?? "")}</span>
          </button>
        ))}
      </div>

      <div className="table-wrap tab-panel" role="tabpanel" aria-label={t(`forwarding.tab.${state}`)}>
        <div className="table-toolbar">
          <span className="muted small">{selected.size > 0 ? t("forwarding.selected", { count: String(selected.size) }) : t(`forwarding.tab_hint.${state}`)}</span>
          <Button disabled={selected.size === 0} onClick={() => setConfirming(true)}>
            {selected.size > 0 ? t("forwarding.retry_count", { count: String(selected.size) }) : t("forwarding.retry")}
          </Button>
        </div>
        {listing && items.length === 0 ? <p className="empty">{t(`forwarding.empty.${state}`)}</p> : null}
        {!listing && !error ? <p className="empty muted" aria-busy="true">{t("forwarding.loading")}</p> : null}
        {items.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col" className="cell-check">
                  <input
                    type="checkbox"
                    aria-label={t("forwarding.select_all")}
                    checked={allSelected}
                    disabled={sendable.length === 0}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(sendable.map((i) => i.declarationId)))}
                  />
                </th>
                <th scope="col">{t("forwarding.col.code")}</th>
                <th scope="col">{t("forwarding.col.checkpoint")}</th>
                <th scope="col">{t("forwarding.col.holder")}</th>
                <th scope="col">{t(state === "rejected" ? "forwarding.col.reason" : "forwarding.col.error")}</th>
                <th scope="col" className="num">
                  {t("forwarding.col.attempts")}
                </th>
                <th scope="col">{t("forwarding.col.last_attempt")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.declarationId} aria-selected={selected.has(i.declarationId)} data-testid="forwarding-row">
                  <td className="cell-check">
                    <input
                      type="checkbox"
                      aria-label={t("forwarding.select", { code: formatReceiptCode(i.receiptCode) })}
                      checked={selected.has(i.declarationId)}
                      disabled={i.personalDataPurged}
                      onChange={() => toggle(i.declarationId)}
                    />
                  </td>
                  <td className="mono nowrap receipt-code">{formatReceiptCode(i.receiptCode)}</td>
                  <td>
                    {i.checkpointName ?? i.checkpointId}
                    {i.checkpointName ? <span className="sub mono">{i.checkpointId}</span> : null}
                  </td>
                  <td className="mono nowrap">{i.holderNameMasked}</td>
                  <td className="reason-cell">
                    <Reason raw={i.reason} />
                    {i.resends > 0 ? <span className="sub">{t("forwarding.resent", { count: String(i.resends) })}</span> : null}
                    {i.personalDataPurged ? <span className="sub purged-note">{t("forwarding.purged")}</span> : null}
                  </td>
                  <td className="num">{i.attempts}</td>
                  <td className="small nowrap">{i.lastAttemptAt ? formatDateTime(i.lastAttemptAt, lang) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      {listing?.nextBefore ? (
        <Button variant="secondary" onClick={() => void loadMore()}>
          {t("forwarding.more")}
        </Button>
      ) : null}

      {confirming ? <RetryDialog state={state} declarationIds={[...selected]} onDone={done} onCancel={() => setConfirming(false)} /> : null}
      {toast ? (
        <div className={`toast toast-${toast.kind}`} role="status">
          <span>{t(toast.key, toast.params)}</span>
          <button type="button" className="toast-close" aria-label={t("forwarding.close")} onClick={() => setToast(undefined)}>
            ×
          </button>
        </div>
      ) : null}
    </section>
  );
}
