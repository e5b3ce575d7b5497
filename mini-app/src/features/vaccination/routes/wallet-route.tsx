import { Button, useNavigate } from "zmp-ui";
import { ChevronRightIcon } from "../../../components/icons";
import { Screen } from "../../../components/screen";
import { paths } from "../../../paths";
import { TrustAge } from "../components/trust-age";
import { useStored, useTrustRefresh, useVaccination, useVerification } from "../hooks";
import { useStrings } from "../i18n";
import { displayDate } from "../model/dates";
import { verdictOf } from "../model/verdict";
import { entryTitle, type WalletEntry } from "../storage/wallet";

function WalletRow({ entry }: { entry: WalletEntry }) {
  const { s } = useStrings();
  const navigate = useNavigate();
  const verification = useVerification(entry.hc1);
  const verdict = verification.status === "done" ? verdictOf(verification.result) : null;
  const title = entryTitle(entry);
  return (
    <li>
      <button type="button" className="kb-wallet__row" onClick={() => navigate(paths.walletCertificate.getHref(entry.id))}>
        <span className="kb-wallet__text">
          <span className="kb-wallet__title">{title}</span>
          {title !== entry.holderName ? <span className="kb-wallet__line">{entry.holderName}</span> : null}
          <span className="kb-wallet__line">{displayDate(entry.dateOfBirth)}</span>
          {verdict ? (
            <span className={`kb-badge kb-badge--${verdict === "valid" ? "accepted" : "rejected"}`} data-verdict={verdict}>
              {s.verdict.titles[verdict]}
            </span>
          ) : null}
        </span>
        <ChevronRightIcon className="kb-list__chevron" />
      </button>
    </li>
  );
}

/**
 * `/wallet`: the certificates kept on this phone (the person's and their family's), read from
 * the phone, so the list and every certificate open with no network; the trust list's age; and
 * the two ways to add one.
 */
export function WalletRoute() {
  const { s } = useStrings();
  const navigate = useNavigate();
  const runtime = useVaccination();
  const wallet = useStored(runtime.wallet);
  useTrustRefresh();
  return (
    <Screen
      title={s.title}
      footer={
        <div className="kb-actions">
          <Button variant="primary" size="large" fullWidth onClick={() => navigate(paths.walletLookup.getHref())}>
            {s.wallet.lookup}
          </Button>
          <Button variant="secondary" size="large" fullWidth onClick={() => navigate(paths.walletImport.getHref())}>
            {s.wallet.import}
          </Button>
        </div>
      }
    >
      <p className="kb-hint">{s.wallet.intro}</p>
      {wallet.length === 0 ? (
        <p className="kb-card kb-wallet__empty">{s.wallet.empty}</p>
      ) : (
        <ul className="kb-wallet" aria-label={s.wallet.listLabel} data-testid="wallet-list">
          {wallet.map((entry) => (
            <WalletRow key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      <TrustAge />
    </Screen>
  );
}
