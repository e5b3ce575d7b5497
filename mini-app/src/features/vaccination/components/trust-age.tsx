import { useOnline } from "../../../platform";
import { useStored, useVaccination } from "../hooks";
import { useStrings } from "../i18n";
import { ageText } from "../model/dates";
import { isStale } from "../storage/trust-cache";

/**
 * How old the trust list on the phone is ("Danh sách tin cậy cập nhật 2 giờ trước"): a stale
 * list fails silently, so it is always shown, and in amber once it is old.
 */
export function TrustAge() {
  const { s, lang } = useStrings();
  const runtime = useVaccination();
  const trust = useStored(runtime.trust);
  const refresh = useStored(runtime.refresh);
  const online = useOnline();
  const now = runtime.now();
  const stale = trust !== null && isStale(trust, now);
  return (
    <section className={`kb-trust${trust === null || stale ? " kb-trust--warning" : ""}`} data-testid="trust-age">
      <p className="kb-trust__line">{trust ? s.trust.updated(ageText(trust.fetchedAt, now, lang)) : s.trust.missing}</p>
      {stale ? <p className="kb-trust__line">{s.trust.stale}</p> : null}
      {refresh === "failed" ? <p className="kb-trust__line">{s.trust.refreshFailed}</p> : null}
      {online ? (
        <button type="button" className="kb-link kb-trust__refresh" disabled={refresh === "refreshing"} onClick={() => void runtime.refreshTrust({ force: true })}>
          {refresh === "refreshing" ? s.trust.refreshing : s.trust.refresh}
        </button>
      ) : null}
    </section>
  );
}
