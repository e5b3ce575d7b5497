import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { decodeReceipt } from "@khaibao/shared";
import { Button, Field } from "../../components/ui";
import { formatAge } from "../../lib/format";
import { useI18n } from "../../lib/i18n";
import { useSession } from "../../lib/session";
import { useCheckpointNames } from "./checkpoint-names";
import { isDevelopmentKeySet, STALE_AFTER_MS, useReceiptKeys, type CachedKeys, type KeysStatus } from "./keys";
import { lookupReceipt, type LiveStatus } from "./live";
import { ResultCard } from "./ResultCard";
import { Scanner } from "./Scanner";
import { readInput, summarize, verifyOffline, type OfflineVerdict, type ReceiptInput } from "./verify";

interface Check {
  input: ReceiptInput;
  offline?: OfflineVerdict;
  live?: LiveStatus;
  at: Date;
}

/** Which code to ask the server about: a typed one, or one from a QR whose signature holds. */
function codeToLookUp(input: ReceiptInput, offline: OfflineVerdict | undefined): string | undefined {
  if (input.kind === "code") return input.code;
  if (offline && (offline.ok || offline.code === "receipt.expired")) return offline.claims.code;
  // No keys yet: the server can still answer for what the QR claims.
  if (offline?.code === "keys.missing") {
    const decoded = decodeReceipt(input.text);
    return decoded.ok ? decoded.claims.code : undefined;
  }
  return undefined;
}

function KeysBar({ cached, status, refresh }: { cached: CachedKeys | undefined; status: KeysStatus; refresh: () => void }) {
  const { t, lang } = useI18n();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const dev = cached ? isDevelopmentKeySet(cached.keySet) : false;
  return (
    <aside className="keys-bar" aria-label={t("verify.keys_title")}>
      {dev ? (
        <div className="dev-banner" role="alert">
          <strong>{t("verify.dev_keys")}</strong>
          <span>{t("verify.dev_keys_note")}</span>
        </div>
      ) : null}
      <div className="keys-line">
        <span className="keys-title">{t("verify.keys_title")}</span>
        {cached ? (
          <span data-testid="keys-age">
            {t("verify.keys_age", { age: formatAge(cached.fetchedAt, now, lang) })} · {t("verify.keys_count", { count: cached.keySet.keys.length, issuer: cached.keySet.issuer })}
          </span>
        ) : (
          <span>{t("verify.keys_none")}</span>
        )}
        <Button variant="link" onClick={refresh} disabled={status === "refreshing"}>
          {status === "refreshing" ? t("verify.keys_refreshing") : t("verify.keys_refresh")}
        </Button>
      </div>
      {status === "failed" && cached ? <p className="keys-warning">{t("verify.keys_offline")}</p> : null}
      {cached && now - cached.fetchedAt > STALE_AFTER_MS ? <p className="keys-warning">{t("verify.keys_stale")}</p> : null}
    </aside>
  );
}

/**
 * The police verification page: read a receipt (camera, pasted text, or the typed number),
 * verify its signature on the device against the cached key list, and ask the server for its
 * live status when there is a connection.
 */
export default function VerifyPage() {
  const { t } = useI18n();
  const { refresh: touchSession } = useSession();
  const keys = useReceiptKeys();
  const checkpointNames = useCheckpointNames();
  const [text, setText] = useState("");
  const [check, setCheck] = useState<Check>();
  const latest = useRef(0);
  const output = useRef<HTMLDivElement>(null);
  const keySet = keys.cached?.keySet;

  const run = useCallback(
    async (raw: string) => {
      const input = readInput(raw);
      if (!input) return;
      const id = ++latest.current;
      const at = new Date();
      const offline = input.kind === "qr" ? await verifyOffline(input.text, keySet, at) : undefined;
      const code = codeToLookUp(input, offline);
      const base: Check = { input, at, ...(offline ? { offline } : {}) };
      setCheck(code ? { ...base, live: { state: "loading" } } : base);
      void touchSession();
      if (!code) return;
      const live = await lookupReceipt(code);
      if (latest.current === id) setCheck({ ...base, live });
    },
    [keySet, touchSession],
  );

  const onRead = useCallback(
    (scanned: string) => {
      setText(scanned);
      void run(scanned);
    },
    [run],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(text);
  };

  const summary = check ? summarize(check.input, check.offline, check.live, check.at) : undefined;

  // On a phone the result is under the input: bring the verdict into view once it is there.
  const checkedAt = check?.at;
  useEffect(() => {
    const el = output.current;
    if (checkedAt && el && el.getBoundingClientRect().top > window.innerHeight * 0.6) el.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [checkedAt]);

  return (
    <section className="page verify-page">
      <h1 className="visually-hidden">{t("verify.heading")}</h1>
      <KeysBar cached={keys.cached} status={keys.status} refresh={keys.refresh} />
      <div className="verify-grid">
        <div className="verify-input card">
          <Scanner onRead={onRead} />
          <div className="divider">
            <span>{t("verify.or")}</span>
          </div>
          <form onSubmit={submit} noValidate>
            <Field label={t("verify.paste_label")} hint={t("verify.paste_hint")}>
              {({ id, describedBy }) => (
                <textarea
                  id={id}
                  aria-describedby={describedBy}
                  className="receipt-text"
                  rows={4}
                  spellCheck={false}
                  autoCapitalize="characters"
                  autoComplete="off"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onKeyDown={(e) => {
                    // Enter checks (hardware scanners end with Enter); Shift+Enter is a new line.
                    if (e.key === "Enter" && !e.shiftKey) {
                      e.preventDefault();
                      void run(text);
                    }
                  }}
                />
              )}
            </Field>
            <div className="actions">
              <Button type="submit" disabled={!text.trim()}>
                {t("verify.check")}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setText("");
                  setCheck(undefined);
                }}
              >
                {t("verify.clear")}
              </Button>
            </div>
          </form>
        </div>
        <div className="verify-output" ref={output}>
          {summary && check ? (
            <ResultCard summary={summary} live={check.live} checkpointNames={checkpointNames} />
          ) : (
            <div className="result result-empty">
              <p className="muted">{t("verify.empty")}</p>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
