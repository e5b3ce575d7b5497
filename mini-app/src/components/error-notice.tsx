import { useEffect, useRef } from "react";
import { Button } from "zmp-ui";
import { useOnline } from "../platform";
import { isApiError } from "../lib/api-client";
import { useI18n, type Strings } from "../i18n";
import type { Lang } from "@khaibao/shared";
import { AlertIcon } from "./icons";

interface ErrorNoticeProps {
  error: unknown;
  onRetry: () => void;
}

function describe(error: unknown, online: boolean, t: Strings, lang: Lang): { title: string; body: string } {
  if (!online) return { title: t.errors.networkTitle, body: t.errors.offline };
  if (isApiError(error)) {
    if (error.kind === "network") return { title: t.errors.networkTitle, body: t.errors.networkBody };
    if (error.kind === "invalid_response") return { title: t.errors.serverTitle, body: t.errors.unexpectedResponse };
    return { title: t.errors.serverTitle, body: error.messageIn(lang) ?? t.errors.networkBody };
  }
  return { title: t.errors.serverTitle, body: t.errors.networkBody };
}

/**
 * A failed load: what went wrong in plain words and a big "try again". When the phone was
 * offline it retries by itself as soon as the connection is back.
 */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  const { t, lang } = useI18n();
  const online = useOnline();
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) onRetry();
    wasOnline.current = online;
  }, [online, onRetry]);

  const { title, body } = describe(error, online, t, lang);
  return (
    <section className="kb-notice kb-notice--error" role="alert">
      <AlertIcon className="kb-notice__icon" />
      <h2 className="kb-notice__title">{title}</h2>
      <p className="kb-notice__body">{body}</p>
      <Button variant="secondary" size="large" fullWidth onClick={onRetry}>
        {t.common.retry}
      </Button>
    </section>
  );
}
