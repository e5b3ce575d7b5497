import type { ReactNode } from "react";
import { Page, useLocation, useNavigate } from "zmp-ui";
import { useI18n } from "../i18n";
import { ChevronLeftIcon } from "./icons";

interface ScreenProps {
  title: string;
  children: ReactNode;
  /** Pinned to the bottom, in thumb reach: the screen's main action. */
  footer?: ReactNode;
  /** Where "back" goes, when it is not simply the previous screen (the wizard's previous step). */
  onBack?: () => void;
}

/**
 * One screen of the app: our header (Zalo's own action bar is hidden in app-config, because its
 * back button drives browser history and our router lives in memory), scrolling content and an
 * optional action pinned to the bottom.
 */
export function Screen({ title, children, footer, onBack }: ScreenProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  // The first entry of a memory router has the key "default": nothing to go back to.
  const location = useLocation();
  const canGoBack = onBack !== undefined || location.key !== "default";
  return (
    <Page className="kb-screen">
      <header className="kb-header">
        {canGoBack ? (
          <button type="button" className="kb-header__back" aria-label={t.common.back} onClick={() => (onBack ? onBack() : navigate(-1))}>
            <ChevronLeftIcon />
          </button>
        ) : null}
        <h1 className="kb-header__title">{title}</h1>
      </header>
      <main className="kb-screen__body">{children}</main>
      {footer ? <footer className="kb-screen__footer">{footer}</footer> : null}
    </Page>
  );
}
