import { useEffect } from "react";
import { useParams } from "react-router-dom";
import { Button, useNavigate } from "zmp-ui";
import { formatReceiptCode } from "@khaibao/shared";
import { Screen } from "../../../components/screen";
import { useApiClient } from "../../../lib/api-context";
import { paths } from "../../../paths";
import { useOnline } from "../../../platform";
import { getReceiptStatus } from "../api/get-receipt";
import { QrCode } from "../components/qr-code";
import { useRuntime, useStored } from "../hooks";
import { useStrings } from "../i18n";
import { formatDateTime } from "../model/dates";
import { isExpired, updateReceiptStatus } from "../storage/receipts";
import { useNow } from "../use-now";

/**
 * `/receipts/:code`: what the citizen holds up. A large QR code (black on white, quiet zone),
 * the code in big grouped digits for when the QR will not scan, whose it is (masked), where,
 * until when. Read from the phone, so it shows offline; the status is refreshed when online.
 */
export function ReceiptRoute() {
  const { code = "" } = useParams();
  const { s, lang } = useStrings();
  const runtime = useRuntime();
  const client = useApiClient();
  const online = useOnline();
  const navigate = useNavigate();
  const history = useStored(runtime.receipts);
  const now = useNow(runtime.now);
  const entry = history.find((r) => r.receipt.code === code) ?? null;
  const known = entry !== null;

  useEffect(() => {
    if (!known || !online) return;
    const controller = new AbortController();
    getReceiptStatus(client, code, controller.signal).then(
      (live) => runtime.receipts.update((list) => updateReceiptStatus(list, code, live.status, live.statusReason, runtime.now())),
      () => undefined, // offline or unknown to the server: the stored copy stands
    );
    return () => controller.abort();
  }, [known, online, client, code, runtime]);

  const footer = (
    <div className="kb-actions kb-actions--row">
      <Button variant="secondary" size="large" onClick={() => navigate(paths.receipts.getHref())}>
        {s.receipt.history}
      </Button>
      <Button variant="primary" size="large" onClick={() => navigate(paths.home.getHref(), { replace: true, direction: "backward" })}>
        {s.receipt.done}
      </Button>
    </div>
  );

  if (!entry) {
    return (
      <Screen title={s.receipt.title} footer={footer}>
        <p className="kb-hint">{s.receipt.notFound}</p>
      </Screen>
    );
  }

  const { receipt } = entry;
  const expired = isExpired(receipt, now);
  const bad = receipt.status === "rejected" || receipt.status === "revoked";
  return (
    <Screen title={s.receipt.title} footer={footer}>
      <section className={`kb-receipt${expired || bad ? " kb-receipt--invalid" : ""}`} aria-labelledby="kb-receipt-code">
        <p className="kb-receipt__show">{s.receipt.show}</p>
        <div className="kb-receipt__qr">
          <QrCode text={receipt.qr} label={s.receipt.qrLabel(receipt.code)} />
        </div>
        <p className="kb-receipt__code-label">{s.receipt.code}</p>
        <p id="kb-receipt-code" className="kb-receipt__code" data-testid="receipt-code">
          {formatReceiptCode(receipt.code)}
        </p>
        <p className={`kb-receipt__validity ${expired || bad ? "kb-receipt__validity--expired" : "kb-receipt__validity--valid"}`} role="status">
          {bad
            ? s.receipt.statuses[receipt.status]
            : expired
              ? s.receipt.expired(formatDateTime(receipt.expiresAt))
              : s.receipt.validUntil(formatDateTime(receipt.expiresAt))}
        </p>
        <p className="kb-receipt__checkpoint">{receipt.checkpointName}</p>
      </section>
      <p className="kb-hint kb-receipt__brightness">{s.receipt.brightness}</p>
      <section className="kb-card">
        <dl className="kb-summary__list">
          <div className="kb-summary__row">
            <dt>{s.receipt.holder}</dt>
            <dd className="kb-mono">{receipt.holderName}</dd>
          </div>
          <div className="kb-summary__row">
            <dt>{s.receipt.holderId}</dt>
            <dd className="kb-mono">{receipt.holderId}</dd>
          </div>
          <div className="kb-summary__row">
            <dt>{s.receipt.direction}</dt>
            <dd>{s.checkpointStep.directions[receipt.direction]}</dd>
          </div>
          <div className="kb-summary__row">
            <dt>{s.receipt.issuedAt}</dt>
            <dd>{formatDateTime(receipt.issuedAt)}</dd>
          </div>
          <div className="kb-summary__row">
            <dt>{s.receipt.status}</dt>
            <dd>
              <span className={`kb-badge kb-badge--${receipt.status}`} data-testid="receipt-status">
                {s.receipt.statuses[receipt.status]}
              </span>
              {entry.statusReason ? <span className="kb-fact__line">{entry.statusReason}</span> : null}
              <span className="kb-fact__line kb-muted">
                {entry.checkedAt ? s.receipt.checkedAt(formatDateTime(entry.checkedAt)) : online ? "" : s.receipt.notChecked}
              </span>
            </dd>
          </div>
        </dl>
      </section>
      {entry.warnings.length > 0 ? (
        <section className="kb-notice kb-notice--warning">
          <h3 className="kb-notice__subtitle">{s.receipt.warnings}</h3>
          <ul className="kb-steps">
            {entry.warnings.map((w) => (
              <li key={`${w.path}:${w.code}`}>{w.messages[lang]}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </Screen>
  );
}
