import { lazy, Suspense, type ComponentType } from "react";
import { AnimationRoutes, App as ZaUIApp, Route, SnackbarProvider, ZMPRouter } from "zmp-ui";
import { Navigate } from "react-router-dom";
import { ErrorBoundary } from "./components/error-boundary";
import { Screen } from "./components/screen";
import { Skeleton } from "./components/skeleton";
import { CheckpointPickerRoute, CheckpointRoute, LandingRoute, type CheckpointSlots } from "./features/checkpoint";
import { DeclarationHomeExtras, DeclarationStartFooter, OutboxNotifier } from "./features/declaration";
import { I18nProvider, useI18n } from "./i18n";
import type { ApiClient } from "./lib/api-client";
import { ApiProvider } from "./lib/api-context";
import { paths } from "./paths";
import { PlatformProvider, type Platform } from "./platform";

// The declaration screens load on demand, as one chunk: the first screen's bundle stays small on a 3G phone.
const declarationRoutes = () => import("./features/declaration/routes");
function lazyScreen(pick: (m: Awaited<ReturnType<typeof declarationRoutes>>) => ComponentType) {
  const Screen = lazy(() => declarationRoutes().then((m) => ({ default: pick(m) })));
  return function LazyScreen() {
    return (
      <Suspense fallback={<ScreenFallback />}>
        <Screen />
      </Suspense>
    );
  };
}
const WizardScreen = lazyScreen((m) => m.WizardRoute);
const RedeclareScreen = lazyScreen((m) => m.RedeclareRoute);
const SendingScreen = lazyScreen((m) => m.SendingRoute);
const ReceiptScreen = lazyScreen((m) => m.ReceiptRoute);
const HistoryScreen = lazyScreen((m) => m.HistoryRoute);
const PeopleScreen = lazyScreen((m) => m.PeopleRoute);
const PersonScreen = lazyScreen((m) => m.PersonRoute);

function ScreenFallback() {
  const { t } = useI18n();
  return (
    <Screen title={t.app.title}>
      <Skeleton lines={4} />
    </Screen>
  );
}

/** The landing screens get the declaration feature's actions and notices (features do not import each other). */
const checkpointSlots: CheckpointSlots = {
  startActions: (checkpoint) => <DeclarationStartFooter checkpoint={checkpoint} />,
  extras: (checkpointId) => <DeclarationHomeExtras {...(checkpointId ? { checkpointId } : {})} />,
};

export interface AppProps {
  platform: Platform;
  api: ApiClient;
}

/**
 * Providers and routes. The router lives in memory (`memoryRouter`): in production builds
 * ZMPRouter's browser router uses the basename `/zapps/<APP_ID>`, which matches nothing when the
 * bot server hosts the same build at `/app/`. Launch parameters are read from the page URL by
 * the platform module instead of from the router.
 */
export function App({ platform, api }: AppProps) {
  return (
    <PlatformProvider platform={platform}>
      <I18nProvider lang={platform.getLanguage()}>
        <ErrorBoundary>
          <ApiProvider client={api}>
            <ZaUIApp theme="light">
              <SnackbarProvider>
                <ZMPRouter memoryRouter>
                  <OutboxNotifier />
                  <AnimationRoutes>
                    <Route path={paths.home.path} element={<LandingRoute slots={checkpointSlots} />} />
                    <Route path={paths.checkpoints.path} element={<CheckpointPickerRoute slots={checkpointSlots} />} />
                    <Route path={paths.checkpoint.path} element={<CheckpointRoute slots={checkpointSlots} />} />
                    <Route path={paths.declareStep.path} element={<WizardScreen />} />
                    <Route path={paths.redeclare.path} element={<RedeclareScreen />} />
                    <Route path={paths.sending.path} element={<SendingScreen />} />
                    <Route path={paths.receipts.path} element={<HistoryScreen />} />
                    <Route path={paths.receipt.path} element={<ReceiptScreen />} />
                    <Route path={paths.people.path} element={<PeopleScreen />} />
                    <Route path={paths.person.path} element={<PersonScreen />} />
                    <Route path="*" element={<Navigate to={paths.home.getHref()} replace />} />
                  </AnimationRoutes>
                </ZMPRouter>
              </SnackbarProvider>
            </ZaUIApp>
          </ApiProvider>
        </ErrorBoundary>
      </I18nProvider>
    </PlatformProvider>
  );
}
