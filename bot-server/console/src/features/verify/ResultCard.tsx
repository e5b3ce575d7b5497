import { formatReceiptCode } from "@khaibao/shared";
import { formatDateTime } from "../../lib/format";
import { useI18n, type MessageKey } from "../../lib/i18n";
import type { LiveStatus } from "./live";
import type { Reason, Summary } from "./verify";

const HEADLINE: Record<Summary["tone"], MessageKey> = {
  valid: "result.valid",
  invalid: "result.invalid",
  expired: "result.expired",
  unknown: "result.unknown",
};

function LivePanel({ live, signed }: { live: LiveStatus | undefined; signed: boolean }) {
  const { t, lang } = useI18n();
  if (!live) return null;
  let text: string;
  let tone = "neutral";
  switch (live.state) {
    case "loading":
      text = t("live.loading");
      break;
    case "found":
      text = t(`live.status.${live.receipt.status}`);
      tone = live.receipt.status === "revoked" || live.receipt.status === "rejected" ? "bad" : "good";
      if (live.receipt.statusReason) text += ` · ${t("live.reason", { reason: live.receipt.statusReason })}`;
      break;
    case "not-found":
      text = signed ? t("live.not_found_signed") : t("live.not_found");
      tone = signed ? "neutral" : "bad";
      break;
    case "offline":
      // A number alone: the verdict already says the server is needed and cannot be reached.
      if (!signed) return null;
      text = t("live.offline");
      break;
    case "rate-limited":
      text = t("live.rate_limited");
      break;
    case "error":
      text = t("live.error", { message: live.error.text(lang) ?? live.error.code });
      break;
  }
  return (
    <div className={`live live-${tone}`} aria-live="polite" data-testid="live-status" data-loading={live.state === "loading" ? "true" : undefined}>
      <span className="live-title">{t("live.title")}:</span> {text}
    </div>
  );
}

/**
 * The verdict, large enough to read at arm's length in sunlight: colour, word and symbol all
 * say the same (colour alone is not enough), then why, then what the receipt says.
 */
export function ResultCard({ summary, live, checkpointNames }: { summary: Summary; live: LiveStatus | undefined; checkpointNames: Record<string, string> }) {
  const { t, tCode, lang } = useI18n();
  const d = summary.details;
  const reasonText = (r: Reason) => ("code" in r ? tCode(r.code) : t(r.key, r.params));
  const checkpointName = d ? (d.checkpointName ?? checkpointNames[d.checkpointId]) : undefined;
  return (
    <section className={`result result-${summary.tone}`} aria-live="assertive" data-testid="verify-result">
      <div className="verdict">
        <span className="verdict-symbol" aria-hidden="true" />
        <span className="verdict-word">{t(HEADLINE[summary.tone])}</span>
      </div>
      {summary.reasons.length > 0 ? (
        <ul className="reasons">
          {summary.reasons.map((r, i) => (
            <li key={i}>{reasonText(r)}</li>
          ))}
        </ul>
      ) : null}
      {summary.tone === "invalid" ? <p className="result-advice">{t("result.invalid_advice")}</p> : null}
      {summary.reasons.some((r) => "code" in r && r.code === "receipt.unknown_key") ? <p className="result-note">{t("result.unknown_key_advice")}</p> : null}
      {summary.signatureChecked && d ? (
        <p className="result-note">
          {t("result.signature_ok")}
          {d.kid ? (
            <>
              {" "}
              {t("result.key")}: <span className="mono">{d.kid}</span>.
            </>
          ) : null}
        </p>
      ) : null}
      {!summary.signatureChecked && d ? <p className="result-note">{t("result.code_only")}</p> : null}
      {d?.devKey ? <p className="dev-flag">{t("verify.dev_keys")} · {t("result.dev_signed")}</p> : null}
      {d ? (
        <dl className="details">
          <div className="detail-wide">
            <dt>{t("result.holder")}</dt>
            <dd className="holder">{d.holderName}</dd>
          </div>
          <div>
            <dt>{t("result.holder_id")}</dt>
            <dd className="mono">{d.holderId}</dd>
          </div>
          <div>
            <dt>{t("result.code")}</dt>
            <dd className="mono">{formatReceiptCode(d.code)}</dd>
          </div>
          <div>
            <dt>{t("result.checkpoint")}</dt>
            <dd>
              {checkpointName ?? d.checkpointId}
              {checkpointName ? <span className="detail-sub">{d.checkpointId}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t("result.direction")}</dt>
            <dd>{t(`result.direction.${d.direction}`)}</dd>
          </div>
          <div>
            <dt>{t("result.issued")}</dt>
            <dd>{formatDateTime(d.issuedAt, lang)}</dd>
          </div>
          <div>
            <dt>{t("result.expires")}</dt>
            <dd>{formatDateTime(d.expiresAt, lang)}</dd>
          </div>
        </dl>
      ) : null}
      {d && summary.tone !== "invalid" ? <p className="result-note">{t("result.compare")}</p> : null}
      <LivePanel live={live} signed={summary.signatureChecked} />
    </section>
  );
}
