import { useId, type ReactNode } from "react";
import { FieldError, errorId, fieldId } from "./field";

export interface Choice<T> {
  value: T;
  label: ReactNode;
}

interface ChoiceGroupProps<T> {
  path: string;
  label: ReactNode;
  value: T | null;
  choices: readonly Choice<T>[];
  onChange(value: T): void;
  error?: string | undefined;
  hint?: ReactNode;
  /** Buttons per row (2 by default; 3 for short labels). */
  columns?: 1 | 2 | 3 | 4;
  /** Smaller label, for a question inside a list (health questions). */
  compact?: boolean;
}

/**
 * Big buttons instead of radios or a drop-down: one tap, thumb-sized (≥ 52 px), readable.
 * Nothing is chosen until the person chooses (`value` null).
 */
export function ChoiceGroup<T extends string | number | boolean>({ path, label, value, choices, onChange, error, hint, columns = 2, compact }: ChoiceGroupProps<T>) {
  const labelId = useId();
  const hintId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId(path) : null].filter(Boolean).join(" ") || undefined;
  return (
    <div
      className={`kb-field kb-choice-group${compact ? " kb-choice-group--compact" : ""}`}
      role="radiogroup"
      id={fieldId(path)}
      tabIndex={-1}
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <span id={labelId} className="kb-field__label">
        {label}
      </span>
      {hint ? (
        <p id={hintId} className="kb-field__hint">
          {hint}
        </p>
      ) : null}
      <div className={`kb-choices kb-choices--${columns}`}>
        {choices.map((choice) => {
          const checked = value === choice.value;
          return (
            <button
              key={String(choice.value)}
              type="button"
              role="radio"
              aria-checked={checked}
              className={`kb-choice${checked ? " kb-choice--checked" : ""}`}
              onClick={() => onChange(choice.value)}
            >
              {choice.label}
            </button>
          );
        })}
      </div>
      <FieldError path={path} error={error} />
    </div>
  );
}
