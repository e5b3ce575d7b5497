import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import type { StaffUser } from "@khaibao/shared";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { useI18n } from "../lib/i18n";
import { navigate, paths } from "../lib/router";
import { useSession } from "../lib/session";
import { sectionsFor } from "./sections";

function link(to: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
}

function UserMenu({ user }: { user: StaffUser }) {
  const { t } = useI18n();
  const { logout, logoutEverywhere } = useSession();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", esc);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", esc);
    };
  }, [open]);
  return (
    <div className="user-menu" ref={ref}>
      <button type="button" className="user-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className="user-name">{user.displayName}</span>
        <span className="user-role">{t(`role.${user.role}`)}</span>
      </button>
      {open ? (
        <div className="menu" role="menu" aria-label={t("user.menu")}>
          <a
            role="menuitem"
            href={paths.changePassword}
            onClick={(e) => {
              setOpen(false);
              link(paths.changePassword)(e);
            }}
          >
            {t("user.change_password")}
          </a>
          <button type="button" role="menuitem" onClick={() => void logout()}>
            {t("user.logout")}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              if (window.confirm(t("user.logout_everywhere_confirm"))) void logoutEverywhere();
            }}
          >
            {t("user.logout_everywhere")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Top bar with the sections the role may use, the language switch and the user's menu. */
export function Shell({ user, pathname, children }: { user: StaffUser; pathname: string; children: ReactNode }) {
  const { t } = useI18n();
  const sections = user.mustChangePassword ? [] : sectionsFor(user.role);
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={paths.home} onClick={link(paths.home)}>
          <span className="brand-mark" aria-hidden="true" />
          <span>
            <strong>{t("app.name")}</strong> <span className="brand-sub">{t("app.subtitle")}</span>
          </span>
        </a>
        <nav aria-label={t("nav.main")} className="nav">
          {sections.map((s) => (
            <a key={s.path} href={s.path} onClick={link(s.path)} aria-current={pathname === s.path ? "page" : undefined}>
              {t(s.label)}
            </a>
          ))}
        </nav>
        <div className="topbar-end">
          <LanguageSwitch />
          <UserMenu user={user} />
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
