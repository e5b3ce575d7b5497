import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import type { StaffUser } from "@khaibao/shared";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { useI18n } from "../lib/i18n";
import { navigate, paths } from "../lib/router";
import { useSession } from "../lib/session";
import { navGroupsFor } from "./sections";

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

/**
 * A left sidebar: the brand, the role's sections in small groups, then the language switch and
 * the user's menu at the bottom. An admin has a dozen sections: a vertical list keeps them all in
 * sight on a 1366x768 office screen, where a top bar had to scroll sideways and hide some.
 */
export function Shell({ user, pathname, children }: { user: StaffUser; pathname: string; children: ReactNode }) {
  const { t } = useI18n();
  const groups = user.mustChangePassword ? [] : navGroupsFor(user.role);
  return (
    <div className="shell">
      <aside className="sidebar">
        <a className="brand sidebar-brand" href={paths.home} onClick={link(paths.home)}>
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-text">
            <strong>{t("app.name")}</strong>
            <span className="brand-sub">{t("app.subtitle")}</span>
          </span>
        </a>
        <nav aria-label={t("nav.main")} className="nav">
          {groups.map((g) => (
            <div key={g.id} className="nav-group">
              <span className="nav-group-title" id={`nav-group-${g.id}`}>
                {t(g.label)}
              </span>
              <ul aria-labelledby={`nav-group-${g.id}`}>
                {g.sections.map((s) => (
                  <li key={s.path}>
                    <a href={s.path} onClick={link(s.path)} aria-current={pathname === s.path ? "page" : undefined}>
                      {t(s.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="sidebar-end">
          <UserMenu user={user} />
          <LanguageSwitch />
        </div>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
