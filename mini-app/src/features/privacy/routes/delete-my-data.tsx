import { useState } from "react";
import { Button } from "zmp-ui";
import type { DeletionRequest } from "@khaibao/shared";
import { useApiClient } from "../../../lib/api-context";
import { requestDeletion } from "../../../lib/privacy-api";
import { formatTime } from "../format";
import { usePrivacyStrings } from "../i18n";

interface DeleteMyDataProps {
  latest: DeletionRequest | null;
  /** Clears what the declaration feature keeps on the phone (app.tsx wires it). */
  forgetDeviceData(): void;
}

/** "Xoá dữ liệu của tôi": what happens, one confirmation, then the request's status from the server. */
export function DeleteMyData({ latest, forgetDeviceData }: DeleteMyDataProps) {
  const { p } = usePrivacyStrings();
  const client = useApiClient();
  const [request, setRequest] = useState<DeletionRequest | null>(latest);
  const [alsoLocal, setAlsoLocal] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [localCleared, setLocalCleared] = useState(false);
  const [sent, setSent] = useState(false);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      setRequest(await requestDeletion(client));
      setSent(true);
      if (alsoLocal) {
        forgetDeviceData();
        setLocalCleared(true);
      }
      setConfirming(false);
    } catch {
      setError(p.failed);
    } finally {
      setBusy(false);
    }
  };

  // While a request is open, or right after one was made here, there is nothing to ask again.
  const open = sent || (request !== null && request.status !== "done");
  return (
    <section aria-labelledby="kb-privacy-delete">
      <h2 id="kb-privacy-delete" className="kb-section__title">
        {p.deleteTitle}
      </h2>
      {request ? (
        <div className={request.status === "done" ? "kb-notice kb-notice--success" : "kb-notice kb-notice--warning"} role="status" data-testid="deletion-status">
          <p className="kb-notice__body">
            {request.status === "done" && request.completedAt
              ? p.statusDone(formatTime(request.completedAt))
              : request.status === "waiting_delivery"
                ? p.statusWaiting(request.declarationsWaiting)
                : p.statusReceived}
          </p>
          <p className="kb-notice__body">{p.statusPurged(request.declarationsPurged)}</p>
          <p className="kb-notice__body">{p.requestedAt(formatTime(request.requestedAt))}</p>
          {localCleared ? <p className="kb-notice__body">{p.localCleared}</p> : null}
        </div>
      ) : null}
      {open ? null : (
        <div className="kb-card kb-privacy__form">
          <p>{p.deleteIntro}</p>
          <label>
            <input type="checkbox" checked={alsoLocal} onChange={(e) => setAlsoLocal(e.target.checked)} />
            <span>{p.deleteLocal}</span>
          </label>
          {error ? (
            <p className="kb-notice kb-notice--error" role="alert">
              {error}
            </p>
          ) : null}
          {confirming ? (
            <div className="kb-privacy__list" role="alertdialog" aria-label={p.deleteConfirm}>
              <p className="kb-notice kb-notice--error">{p.deleteConfirm}</p>
              <Button fullWidth loading={busy} onClick={() => void send()}>
                {p.deleteYes}
              </Button>
              <Button fullWidth variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
                {p.cancel}
              </Button>
            </div>
          ) : (
            <Button fullWidth variant="secondary" onClick={() => setConfirming(true)}>
              {p.deleteAsk}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
