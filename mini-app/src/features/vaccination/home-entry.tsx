import { useEffect } from "react";
import { useNavigate } from "zmp-ui";
import { ChevronRightIcon } from "../../components/icons";
import { useI18n } from "../../i18n";
import { paths } from "../../paths";
import { usePlatform, type Platform } from "../../platform";
import { VACCINATION_KEYS } from "./storage/keys";

/** How many certificates are saved, without loading the wallet's chunk (no schema: a count is harmless). */
function savedCount(platform: Platform): number {
  try {
    const list: unknown = JSON.parse(platform.storage.get(VACCINATION_KEYS.wallet) ?? "[]");
    return Array.isArray(list) ? list.length : 0;
  } catch {
    return 0;
  }
}

function ShieldIcon({ className }: { className?: string }) {
  return (
    <svg className={className} width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M12 3l7.5 3v5.5c0 4.6-3.2 8.3-7.5 9.5-4.3-1.2-7.5-4.9-7.5-9.5V6L12 3z" />
      <path d="M8.5 12l2.5 2.5 4.5-5" />
    </svg>
  );
}

/** On the landing screens: the way into the vaccination wallet, with how many are saved. */
export function VaccinationHomeEntry() {
  const { t } = useI18n();
  const platform = usePlatform();
  const navigate = useNavigate();
  const count = savedCount(platform);
  return (
    <button type="button" className="kb-row-link" onClick={() => navigate(paths.wallet.getHref())} data-testid="wallet-entry">
      <ShieldIcon className="kb-row-link__icon" />
      <span className="kb-row-link__text">{count > 0 ? t.wallet.entryCount(count) : t.wallet.entry}</span>
      <ChevronRightIcon className="kb-list__chevron" />
    </button>
  );
}

/** Opened once per launch, so "back" from the wallet lands on the home screen rather than reopening it. */
const launched = new WeakSet<Platform>();

/**
 * `?view=wallet` (the chat-bot's "vaccination certificate" answer links there): opens the wallet
 * on top of the home screen once, at start-up.
 */
export function WalletLaunch() {
  const platform = usePlatform();
  const navigate = useNavigate();
  useEffect(() => {
    if (launched.has(platform)) return;
    launched.add(platform);
    if (platform.getLaunchParams().view === "wallet") navigate(paths.wallet.getHref(), { animate: false });
  }, [platform, navigate]);
  return null;
}
