import type { ReactNode } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { Checkpoint } from "@khaibao/shared";
import { ErrorNotice } from "../../../components/error-notice";
import { Screen } from "../../../components/screen";
import { Skeleton } from "../../../components/skeleton";
import { isApiError } from "../../../lib/api-client";
import { useI18n } from "../../../i18n";
import { paths } from "../../../paths";
import { useCheckpoint } from "../api/get-checkpoint";
import { normalizeCheckpointId } from "../checkpoint-id";
import { CheckpointDetails } from "../components/checkpoint-details";
import { CheckpointList } from "../components/checkpoint-list";
import { CheckpointNotFound } from "../components/checkpoint-not-found";

/** Server answers meaning "there is no such checkpoint" rather than "try again". */
const UNKNOWN_CHECKPOINT_CODES = new Set(["checkpoint.not_found", "checkpoint.id_format", "http.not_found", "http.validation_failed"]);

function isUnknownCheckpoint(error: unknown): boolean {
  return isApiError(error) && error.kind === "http" && UNKNOWN_CHECKPOINT_CODES.has(error.code);
}

/**
 * What other features add to the landing screens (app.tsx composes them; features do not
 * import each other): the start actions for an active checkpoint, and notices or links shown
 * below the checkpoint (and on the picker).
 */
export interface CheckpointSlots {
  /** Replaces the "Bắt đầu khai báo" button. */
  startActions?: (checkpoint: Checkpoint) => ReactNode;
  /** Under the checkpoint's card; the checkpoint id when there is one. */
  extras?: (checkpointId: string | undefined) => ReactNode;
}

/**
 * The landing screen for a scanned checkpoint: who the checkpoint is and a big "start". Every
 * outcome of loading it has its own screen (skeleton, unknown code, inactive, network trouble).
 */
export function CheckpointScreen({ rawCheckpointId, slots = {} }: { rawCheckpointId: string; slots?: CheckpointSlots }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const checkpointId = normalizeCheckpointId(rawCheckpointId);
  const query = useCheckpoint(checkpointId);

  if (checkpointId === null || (query.status === "error" && isUnknownCheckpoint(query.error))) {
    return (
      <Screen title={t.app.title}>
        <CheckpointNotFound checkpointId={checkpointId ?? rawCheckpointId.trim()} />
      </Screen>
    );
  }

  if (query.status === "error") {
    return (
      <Screen title={t.app.title}>
        <ErrorNotice error={query.error} onRetry={query.retry} />
      </Screen>
    );
  }

  if (query.status !== "success") {
    return (
      <Screen title={t.app.title}>
        <div className="kb-card">
          <Skeleton lines={4} />
        </div>
      </Screen>
    );
  }

  const checkpoint = query.data;
  if (!checkpoint.active) {
    return (
      <Screen title={t.app.title}>
        <CheckpointDetails checkpoint={checkpoint} />
        <section className="kb-notice kb-notice--warning" role="status">
          <h2 className="kb-notice__title">{t.checkpoint.inactiveTitle}</h2>
          <p className="kb-notice__body">{t.checkpoint.inactiveBody}</p>
        </section>
        <CheckpointList excludeId={checkpoint.id} />
      </Screen>
    );
  }

  return (
    <Screen
      title={t.app.title}
      footer={
        slots.startActions ? (
          slots.startActions(checkpoint)
        ) : (
          <Button variant="primary" size="large" fullWidth className="kb-cta">
            {t.checkpoint.start}
          </Button>
        )
      }
    >
      <CheckpointDetails checkpoint={checkpoint} />
      {slots.extras?.(checkpoint.id)}
      <p className="kb-hint">{t.checkpoint.startHint}</p>
      <button type="button" className="kb-link" onClick={() => navigate(paths.checkpoints.getHref())}>
        {t.checkpoint.chooseAnother}
      </button>
    </Screen>
  );
}
