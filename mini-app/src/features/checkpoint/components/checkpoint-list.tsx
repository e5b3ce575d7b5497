import { useNavigate } from "zmp-ui";
import { ChevronRightIcon } from "../../../components/icons";
import { ErrorNotice } from "../../../components/error-notice";
import { Skeleton } from "../../../components/skeleton";
import { useI18n } from "../../../i18n";
import { paths } from "../../../paths";
import { useActiveCheckpoints } from "../api/list-checkpoints";

/** The active checkpoints as big tappable rows; tapping one opens it. */
export function CheckpointList({ excludeId }: { excludeId?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useActiveCheckpoints();

  return (
    <section className="kb-section" aria-labelledby="kb-checkpoint-list-title">
      <h2 id="kb-checkpoint-list-title" className="kb-section__title">
        {t.picker.listTitle}
      </h2>
      {query.status === "loading" || query.status === "idle" ? <Skeleton lines={4} title={false} /> : null}
      {query.status === "error" ? <ErrorNotice error={query.error} onRetry={query.retry} /> : null}
      {query.status === "success" ? (
        (() => {
          const items = query.data.filter((c) => c.id !== excludeId);
          if (items.length === 0) return <p className="kb-muted">{t.picker.empty}</p>;
          return (
            <ul className="kb-list" data-testid="checkpoint-list">
              {items.map((c) => (
                <li key={c.id}>
                  <button type="button" className="kb-list__item" onClick={() => navigate(paths.checkpoint.getHref(c.id))}>
                    <span className="kb-list__text">
                      <span className="kb-list__title">{c.name}</span>
                      <span className="kb-list__meta">
                        {c.provinceName} · {t.checkpoint.directions[c.direction]}
                      </span>
                    </span>
                    <ChevronRightIcon className="kb-list__chevron" />
                  </button>
                </li>
              ))}
            </ul>
          );
        })()
      ) : null}
    </section>
  );
}
