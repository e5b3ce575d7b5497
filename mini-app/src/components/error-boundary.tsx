import { Component, type ErrorInfo, type ReactNode } from "react";
import { Button } from "zmp-ui";
import { I18nContextConsumer } from "../i18n";
import { AlertIcon } from "./icons";

interface State {
  error: Error | null;
}

/**
 * Last line of defence: a render error anywhere below shows a page that says what happened and
 * offers a reload, never a blank white screen. Texts come from the language context when there
 * is one (Vietnamese otherwise).
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Unhandled render error", error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <I18nContextConsumer>
        {({ t }) => (
          <div className="kb-crash" role="alert">
            <AlertIcon className="kb-crash__icon" />
            <h1 className="kb-crash__title">{t.crash.title}</h1>
            <p className="kb-crash__body">{t.crash.body}</p>
            <Button variant="primary" size="large" fullWidth onClick={() => window.location.reload()}>
              {t.crash.reload}
            </Button>
          </div>
        )}
      </I18nContextConsumer>
    );
  }
}
