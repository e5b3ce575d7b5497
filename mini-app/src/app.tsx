import { lazy, Suspense } from "react";
import { AnimationRoutes, App as ZaUIApp, Route, SnackbarProvider, ZMPRouter } from "zmp-ui";
import { Navigate } from "react-router-dom";
import { ErrorBoundary } from "./components/error-boundary";
import { Screen } from "./components/screen";
import { Skeleton } from "./components/skeleton";
import { CheckpointPickerRoute, CheckpointRoute, LandingRoute } from "./features/checkpoint";
import { I18nProvider, useI18n } from "./i18n";
import type { ApiClient } from "./lib/api-client";
import { ApiProvider } from "./lib/api-context";
import { paths } from "./paths";
import { PlatformProvider, type Platform } from "./platform";

// Later screens load on demand: the first screen's bundle stays small on a 3G phone.
const DeclarePage = lazy(() => import("./features/declaration/routes/declare-page"));

function ScreenFallback() {
  const { t } = useI18n();
  return (
    <Screen title={t.app.title}>
      <Skeleton lines={4} />
    </Screen>
  );
}

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
                  <AnimationRoutes>
                    <Route path={paths.home.path} element={<LandingRoute />} />
                    <Route path={paths.checkpoints.path} element={<CheckpointPickerRoute />} />
                    <Route path={paths.checkpoint.path} element={<CheckpointRoute />} />
                    <Route
                      path={paths.declare.path}
                      element={
                        <Suspense fallback={<ScreenFallback />}>
                          <DeclarePage />
                        </Suspense>
                      }
                    />
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
