import { lazy, Suspense, useEffect } from "react";
import { Button, Notice } from "../components/ui";
import { ChangePasswordPage } from "../features/auth/ChangePasswordPage";
import { LoginPage } from "../features/auth/LoginPage";
import { useI18n } from "../lib/i18n";
import { navigate, paths, usePathname } from "../lib/router";
import { useSession } from "../lib/session";
import { sectionsFor } from "./sections";
import { Shell } from "./Shell";

// Each section loads when first opened: an officer never downloads the accounts screens.
const VerifyPage = lazy(() => import("../features/verify/VerifyPage"));
const InboxPage = lazy(() => import("../features/inbox/InboxPage"));
const CannedPage = lazy(() => import("../features/inbox/CannedPage"));
const AccountsPage = lazy(() => import("../features/accounts/AccountsPage"));
const AuditPage = lazy(() => import("../features/audit/AuditPage"));
const ForwardingPage = lazy(() => import("../features/forwarding/ForwardingPage"));
const CheckpointsPage = lazy(() => import("../features/checkpoints/CheckpointsPage"));
const DashboardPage = lazy(() => import("../features/dashboard/DashboardPage"));
const ExportsPage = lazy(() => import("../features/exports/ExportsPage"));
const RetentionPage = lazy(() => import("../features/retention/RetentionPage"));

function Home({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <section className="page page-narrow">
      <h1>{t("home.heading", { name })}</h1>
      <p className="muted">{t("home.nothing")}</p>
    </section>
  );
}

export function App() {
  const { state, refresh } = useSession();
  const { t } = useI18n();
  const pathname = usePathname();
  const user = state.status === "signed-in" ? state.session.user : undefined;
  const allowed = user ? sectionsFor(user.role) : [];

  // Home goes to the first section the role has; a section the role lacks goes home.
  const target = !user
    ? undefined
    : user.mustChangePassword
      ? paths.changePassword
      : pathname === paths.home && allowed[0]
        ? allowed[0].path
        : pathname !== paths.home && pathname !== paths.changePassword && !allowed.some((s) => s.path === pathname)
          ? paths.home
          : undefined;
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);

  if (state.status === "loading") return <div className="boot" aria-busy="true" />;
  if (state.status === "unreachable") {
    return (
      <div className="login-screen">
        <main className="login-card">
          <Notice kind="error">{t("error.network")}</Notice>
          <Button onClick={() => void refresh()}>{t("error.retry")}</Button>
        </main>
      </div>
    );
  }
  if (state.status === "signed-out" || !user) return <LoginPage reason={state.status === "signed-out" ? state.reason : undefined} />;

  let page;
  if (pathname === paths.changePassword || user.mustChangePassword) page = <ChangePasswordPage required={user.mustChangePassword} />;
  else if (pathname === paths.inbox && allowed.some((s) => s.path === paths.inbox)) page = <InboxPage me={user} />;
  else if (pathname === paths.canned && allowed.some((s) => s.path === paths.canned)) page = <CannedPage />;
  else if (pathname === paths.verify && allowed.some((s) => s.path === paths.verify)) page = <VerifyPage />;
  else if (pathname === paths.accounts && allowed.some((s) => s.path === paths.accounts)) page = <AccountsPage me={user} />;
  else if (pathname === paths.forwarding && allowed.some((s) => s.path === paths.forwarding)) page = <ForwardingPage />;
  else if (pathname === paths.audit && allowed.some((s) => s.path === paths.audit)) page = <AuditPage />;
  else if (pathname === paths.checkpoints && allowed.some((s) => s.path === paths.checkpoints)) page = <CheckpointsPage />;
  else if (pathname === paths.dashboard && allowed.some((s) => s.path === paths.dashboard)) page = <DashboardPage />;
  else if (pathname === paths.exports && allowed.some((s) => s.path === paths.exports)) page = <ExportsPage />;
  else if (pathname === paths.retention && allowed.some((s) => s.path === paths.retention)) page = <RetentionPage role={user.role} />;
  else page = <Home name={user.displayName} />;

  return (
    <Shell user={user} pathname={pathname}>
      <Suspense fallback={<div className="page" aria-busy="true" />}>{page}</Suspense>
    </Shell>
  );
}
