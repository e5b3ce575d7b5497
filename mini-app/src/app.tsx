import { lazy, Suspense, type ComponentType } from "react";
import { AnimationRoutes, App as ZaUIApp, Route, SnackbarProvider, ZMPRouter } from "zmp-ui";
import { Navigate } from "react-router-dom";
import { ErrorBoundary } from "./components/error-boundary";
import { Screen } from "./components/screen";
import { Skeleton } from "./components/skeleton";
import { CheckpointPickerRoute, CheckpointRoute, LandingRoute, type CheckpointSlots } from "./features/checkpoint";
import { DeclarationHomeExtras, DeclarationStartFooter, forgetDeviceData, OutboxNotifier } from "./features/declaration";
import { PrivacyLink } from "./features/privacy";
import { forgetWalletData, VaccinationHomeEntry, WalletLaunch } from "./features/vaccination";
import { I18nProvider, useI18n } from "./i18n";
import type { ApiClient } from "./lib/api-client";
import { ApiProvider, useApiClient } from "./lib/api-context";
import { paths } from "./paths";
import { PlatformProvider, usePlatform, type Platform } from "./platform";

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

// The privacy screen (consents, delete my data) is its own small chunk. It clears the
// declaration feature's data on the phone through this wiring, not by importing it.
const LazyPrivacyRoute = lazy(() => import("./features/privacy/routes").then((m) => ({ default: m.PrivacyRoute })));
function PrivacyScreen() {
  const platform = usePlatform();
  const api = useApiClient();
  return (
    <Suspense fallback={<ScreenFallback />}>
      <LazyPrivacyRoute
        forgetDeviceData={() => {
          forgetDeviceData(platform, api);
          forgetWalletData(platform);
        }}
      />
    </Suspense>
  );
}

// The vaccination wallet is its own chunk: the certificate codec (CBOR, zlib, signatures) loads only there.
const vaccinationRoutes = () => import("./features/vaccination/routes");
function lazyWalletScreen(pick: (m: Awaited<ReturnType<typeof vaccinationRoutes>>) => ComponentType) {
  const Screen = lazy(() => vaccinationRoutes().then((m) => ({ default: pick(m) })));
  return function LazyWalletScreen() {
    return (
      <Suspense fallback={<ScreenFallback />}>
        <Screen />
      </Suspense>
    );
  };
}
const WalletScreen = lazyWalletScreen((m) => m.WalletRoute);
const WalletLookupScreen = lazyWalletScreen((m) => m.LookupRoute);
const WalletImportScreen = lazyWalletScreen((m) => m.ImportRoute);
const WalletCertificateScreen = lazyWalletScreen((m) => m.CertificateRoute);

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
  extras: (checkpointId) => (
    <>
      <DeclarationHomeExtras {...(checkpointId ? { checkpointId } : {})} />
      <VaccinationHomeEntry />
      <PrivacyLink />
    </>
  ),
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
                  <WalletLaunch />
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
                    <Route path={paths.privacy.path} element={<PrivacyScreen />} />
                    <Route path={paths.wallet.path} element={<WalletScreen />} />
                    <Route path={paths.walletLookup.path} element={<WalletLookupScreen />} />
                    <Route path={paths.walletImport.path} element={<WalletImportScreen />} />
                    <Route path={paths.walletCertificate.path} element={<WalletCertificateScreen />} />
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
