import { useI18n } from "../i18n";

/** Grey placeholder bars shaped like the content that is loading; announced once to screen readers. */
export function Skeleton({ lines = 3, title = true }: { lines?: number; title?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="kb-skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="kb-visually-hidden">{t.common.loading}</span>
      {title ? <div className="kb-skeleton__bar kb-skeleton__bar--title" /> : null}
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="kb-skeleton__bar" style={{ width: `${90 - i * 15}%` }} />
      ))}
    </div>
  );
}
