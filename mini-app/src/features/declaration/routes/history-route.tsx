import { formatReceiptCode } from "@khaibao/shared";
import { useNavigate } from "zmp-ui";
import { ChevronRightIcon } from "../../../components/icons";
import { Screen } from "../../../components/screen";
import { paths } from "../../../paths";
import { useOutbox, useRuntime, useStored } from "../hooks";
import { useStrings } from "../i18n";
import { formatDateTime } from "../model/dates";
import { isExpired } from "../storage/receipts";
import { useNow } from "../use-now";

/** `/receipts`, "Phiếu của tôi": every receipt kept on the phone, newest first, and what is still waiting to be sent. */
export function HistoryRoute() {
  const { s } = useStrings();
  const runtime = useRuntime();
  const history = useStored(runtime.receipts);
  const outbox = useOutbox();
  const now = useNow(runtime.now);
  const navigate = useNavigate();

  return (
    <Screen title={s.history.title}>
      {outbox.items.length > 0 ? (
        <section className="kb-notice kb-notice--warning" role="status">
          <p className="kb-notice__body">{s.history.pending(outbox.items.length)}</p>
          {outbox.items.map((item) => (
            <button key={item.idempotencyKey} type="button" className="kb-link" onClick={() => navigate(paths.sending.getHref(item.idempotencyKey))}>
              {s.history.openPending}: {item.form.identity.fullName} · {item.form.checkpoint.name}
            </button>
          ))}
        </section>
      ) : null}
      {history.length === 0 ? (
        <p className="kb-hint">{s.history.empty}</p>
      ) : (
        <ul className="kb-list" data-testid="receipt-history">
          {history.map(({ receipt }) => {
            const expired = isExpired(receipt, now);
            const bad = receipt.status === "rejected" || receipt.status === "revoked";
            const state = bad ? s.receipt.statuses[receipt.status] : expired ? s.history.expired : s.history.valid;
            return (
              <li key={receipt.code}>
                <button type="button" className="kb-list__item" onClick={() => navigate(paths.receipt.getHref(receipt.code))}>
                  <span className="kb-list__text">
                    <span className="kb-list__title">{receipt.checkpointName}</span>
                    <span className="kb-list__meta">
                      {formatDateTime(receipt.issuedAt)} · <span className="kb-mono">{formatReceiptCode(receipt.code)}</span>
                    </span>
                    <span className="kb-list__meta">
                      {receipt.holderName} ·{" "}
                      <span className={expired || bad ? "kb-text-expired" : "kb-text-valid"}>{state}</span>
                    </span>
                  </span>
                  <ChevronRightIcon className="kb-list__chevron" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Screen>
  );
}
