import { createRoot } from "react-dom/client";
import "zmp-ui/zaui.css";
import "./styles/app.css";
import { App } from "./app";
import { ConfigError, resolveConfig } from "./config";
import { createApiClient } from "./lib/api-client";
import { buildIdFrom, registerOfflineShell } from "./lib/offline-shell";
import { createPlatform } from "./platform";

/**
 * Start-up: pick the platform (Zalo or browser), resolve the API address, render. Zalo's page
 * shell provides `#app` just like our index.html does.
 */
function showStartupFailure(container: HTMLElement, error: unknown): void {
  // No React, no i18n: whatever failed may be what they need. Both languages, plain DOM.
  console.error("Start-up failed", error);
  const detail = error instanceof ConfigError ? error.message : "";
  container.innerHTML = "";
  const box = document.createElement("div");
  box.className = "kb-crash";
  box.setAttribute("role", "alert");
  box.innerHTML =
    '<h1 class="kb-crash__title">Ứng dụng không khởi động được</h1>' +
    '<p class="kb-crash__body">Vui lòng tải lại hoặc thử lại sau ít phút.</p>' +
    '<p class="kb-crash__body" lang="en">The app could not start. Please reload or try again in a few minutes.</p>';
  if (detail) {
    const code = document.createElement("pre");
    code.className = "kb-crash__detail";
    code.textContent = detail;
    box.append(code);
  }
  container.append(box);
}

async function start(container: HTMLElement): Promise<void> {
  const platform = await createPlatform(window);
  try {
    const config = resolveConfig(import.meta.env, platform.kind, window.location.origin);
    const api = createApiClient({
      baseUrl: config.apiBaseUrl,
      getLanguage: () => platform.getLanguage(),
      getAccessToken: () => platform.getAccessToken(),
    });
    document.documentElement.lang = platform.getLanguage();
    createRoot(container).render(<App platform={platform} api={api} />);
    if (platform.kind === "browser" && import.meta.env.PROD) registerOfflineShell(window, buildIdFrom(import.meta.url));
  } catch (error) {
    showStartupFailure(container, error);
    await platform.closeLoading().catch(() => undefined);
  }
}

const container = document.getElementById("app");
if (container) {
  start(container).catch((error: unknown) => showStartupFailure(container, error));
}
