import { formatReceiptCode } from "@khaibao/shared";
import { useNavigate } from "zmp-ui";
import { ChevronRightIcon, QrIcon } from "../../../components/icons";
import { useI18n } from "../../../i18n";
import { paths } from "../../../paths";
import { useOutbox, useRuntime, useStored } from "../hooks";
import { formatDateTime } from "../model/dates";
import { isExpired } from "../storage/receipts";

/**
 * On the landing screens: declarations still waiting for the network, a receipt already valid
 * at this checkpoint (no need to declare twice), and the way to "Phiếu của tôi".
 */
export function DeclarationHomeExtras({ checkpointId }: { checkpointId?: string }) {
  const { t } = useI18n();
  const runtime = useRuntime();
  const receipts = useStored(runtime.receipts);
  const outbox = useOutbox();
  const navigate = useNavigate();
  const now = runtime.now();
  const validHere = checkpointId ? receipts.find((r) => r.receipt.checkpointId === checkpointId && !isExpired(r.receipt, now)) : undefined;
  const firstPending = outbox.items[0];

  return (
    <>
      {firstPending ? (
        <section className="kb-notice kb-notice--warning" role="status" data-testid="pending-notice">
          <p className="kb-notice__body">{t.start.pending(outbox.items.length)}</p>
          <button type="button" className="kb-link" onClick={() => navigate(paths.sending.getHref(firstPending.idempotencyKey))}>
            {t.start.openPending}
          </button>
        </section>
      ) : null}
      {validHere ? (
        <section className="kb-notice kb-notice--success" role="status">
          <p className="kb-notice__body">{t.start.validHere(formatDateTime(validHere.receipt.expiresAt))}</p>
          <p className="kb-notice__body kb-mono kb-notice__code">{formatReceiptCode(validHere.receipt.code)}</p>
          <button type="button" className="kb-link" onClick={() => navigate(paths.receipt.getHref(validHere.receipt.code))}>
            {t.start.openReceipt}
          </button>
        </section>
      ) : null}
      <button type="button" className="kb-row-link" onClick={() => navigate(paths.receipts.getHref())}>
        <QrIcon className="kb-row-link__icon" />
        <span className="kb-row-link__text">{receipts.length > 0 ? t.start.myReceiptsCount(receipts.length) : t.start.myReceipts}</span>
        <ChevronRightIcon className="kb-list__chevron" />
      </button>
    </>
  );
}
