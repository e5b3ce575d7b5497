import { useId, type InputHTMLAttributes, type ReactNode } from "react";

/** The DOM id of the control for a declaration path: errors focus it, labels point at it. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, "-")}`;
}

export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

/** The error under a field: the shared catalogue's message, in the platform's language. */
export function FieldError({ path, error }: { path: string; error: string | undefined }) {
  return (
    <p id={errorId(path)} className="kb-field-error" aria-live="polite" hidden={!error}>
      {error}
    </p>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value" | "id" | "onBlur"> {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  hint?: ReactNode;
  error?: string | undefined;
  /** Below the input, above the error: a live preview (the plate as it will read) or a Zalo button. */
  extra?: ReactNode;
  multiline?: boolean;
}

/** A labelled text input with its hint and its error right under it; 52 px tall, 18 px text. */
export function TextField({ path, label, value, onChange, onBlur, hint, error, extra, multiline, ...input }: TextFieldProps) {
  const hintId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId(path) : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: fieldId(path),
    name: path,
    value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    onBlur: () => onBlur?.(),
  } as const;
  return (
    <div className="kb-field">
      <label className="kb-field__label" htmlFor={fieldId(path)}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="kb-field__hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} className="kb-input kb-input--multiline" rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} {...input} className="kb-input" onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError path={path} error={error} />
      {extra}
    </div>
  );
}
