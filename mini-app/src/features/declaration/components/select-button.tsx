import { useId } from "react";
import { ChevronRightIcon } from "../../../components/icons";
import { FieldError, errorId, fieldId } from "./field";

interface SelectButtonProps {
  path: string;
  label: string;
  /** The chosen value's name, or null. */
  valueText: string | null;
  placeholder: string;
  onOpen(): void;
  error?: string | undefined;
  disabled?: boolean;
}

/** Looks like an input, opens a picker: the accessible name is the label plus what is chosen. */
export function SelectButton({ path, label, valueText, placeholder, onOpen, error, disabled }: SelectButtonProps) {
  const labelId = useId();
  const valueId = useId();
  return (
    <div className="kb-field">
      <span id={labelId} className="kb-field__label">
        {label}
      </span>
      <button
        type="button"
        id={fieldId(path)}
        className={`kb-input kb-select${valueText ? "" : " kb-select--empty"}`}
        aria-haspopup="dialog"
        aria-labelledby={`${labelId} ${valueId}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId(path) : undefined}
        disabled={disabled}
        onClick={onOpen}
      >
        <span id={valueId} className="kb-select__value">
          {valueText ?? placeholder}
        </span>
        <ChevronRightIcon className="kb-select__chevron" />
      </button>
      <FieldError path={path} error={error} />
    </div>
  );
}
