import { useId, type InputHTMLAttributes } from "react";

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value" | "id" | "onBlur"> {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  hint?: string;
  error?: string | undefined;
}

/** A labelled input with its hint, and its error right under it (the shared catalogue's words); 52 px tall. */
export function TextField({ name, label, value, onChange, onBlur, hint, error, ...input }: Props) {
  const id = `v-${name}`;
  const hintId = useId();
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="kb-field">
      <label className="kb-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="kb-field__hint">
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        id={id}
        name={name}
        className="kb-input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => onBlur?.()}
      />
      <p id={errorId} className="kb-field-error" aria-live="polite" hidden={!error}>
        {error}
      </p>
    </div>
  );
}
