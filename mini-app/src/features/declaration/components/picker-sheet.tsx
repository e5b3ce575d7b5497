import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

export interface PickerItem {
  key: string;
  title: string;
  /** E.g. "Bình Dương nay thuộc Hồ Chí Minh (từ 01/07/2025)". */
  note?: string | undefined;
  selected?: boolean;
  onSelect(): void;
}

interface PickerSheetProps {
  title: string;
  closeLabel: string;
  searchLabel: string;
  searchHint: string;
  query: string;
  onQuery(query: string): void;
  items: readonly PickerItem[];
  /** Shown instead of the list: loading, an error, "nothing found". */
  status?: ReactNode;
  onClose(): void;
}

/**
 * A full-screen list with a search box on top, for the 34 provinces or a province's wards. On
 * `document.body` (a portal), so the page's slide animations cannot offset it.
 */
export function PickerSheet({ title, closeLabel, searchLabel, searchHint, query, onQuery, items, status, onClose }: PickerSheetProps) {
  const titleId = useId();
  const searchId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  return createPortal(
    <div className="kb-sheet" role="dialog" aria-modal="true" aria-labelledby={titleId}>
      <header className="kb-sheet__header">
        <h2 id={titleId} className="kb-sheet__title">
          {title}
        </h2>
        <button type="button" className="kb-sheet__close" onClick={onClose}>
          {closeLabel}
        </button>
      </header>
      <div className="kb-sheet__search">
        <label htmlFor={searchId} className="kb-visually-hidden">
          {searchLabel}
        </label>
        <input
          ref={input}
          id={searchId}
          className="kb-input"
          type="search"
          value={query}
          placeholder={searchLabel}
          aria-describedby={hintId}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="search"
          onChange={(e) => onQuery(e.target.value)}
        />
        <p id={hintId} className="kb-field__hint">
          {searchHint}
        </p>
      </div>
      <div className="kb-sheet__body">
        {status ?? (
          <ul className="kb-list kb-sheet__list">
            {items.map((item) => (
              <li key={item.key}>
                <button type="button" className={`kb-list__item${item.selected ? " kb-list__item--selected" : ""}`} aria-current={item.selected ? "true" : undefined} onClick={item.onSelect}>
                  <span className="kb-list__text">
                    <span className="kb-list__title">{item.title}</span>
                    {item.note ? <span className="kb-list__meta">{item.note}</span> : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>,
    document.body,
  );
}
