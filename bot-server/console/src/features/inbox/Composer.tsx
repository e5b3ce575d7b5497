import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { fillCannedAnswer, type CannedAnswer } from "@khaibao/shared";
import { Button } from "../../components/ui";
import { addNote, listCanned, listFaq, sendReply } from "./api";
import { useInboxText } from "./texts";

interface Props {
  userId: string;
  /** For {ten} / {diem_chot}. */
  vars: { name: string | null; checkpoint: string | null };
  onSent(): void;
  onError(): void;
}

/** The `/word` being typed at the caret, if any: what the canned-answer picker searches. */
function slashQuery(text: string, caret: number): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const m = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!m) return undefined;
  return { start: caret - m[2]!.length - 1, query: m[2]! };
}

/**
 * Reply or private note. Typing `/` opens the canned answers, filtered by what follows it
 * (shortcut, title or text); Enter or a click inserts the answer with the citizen's name and
 * checkpoint filled in. Ctrl+Enter sends.
 */
export function Composer({ userId, vars, onSent, onError }: Props) {
  const t = useInboxText();
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [picker, setPicker] = useState<{ start: number; query: string } | undefined>();
  const [answers, setAnswers] = useState<CannedAnswer[]>([]);
  const [active, setActive] = useState(0);
  const [faq, setFaq] = useState<Array<{ id: string; question: string; answer: string }>>([]);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  useEffect(() => {
    setText("");
    setPicker(undefined);
  }, [userId]);
  useEffect(() => {
    void listFaq().then((r) => setFaq(r.entries), () => {});
  }, []);
  const pickerOpen = picker !== undefined;
  const pickerQuery = picker?.query ?? "";
  useEffect(() => {
    if (!pickerOpen) return;
    let live = true;
    void listCanned(pickerQuery || undefined).then(
      (r) => {
        if (!live) return;
        setAnswers(r.answers);
        setActive(0);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [pickerOpen, pickerQuery]);

  const fallback = { name: t("fallback.name"), checkpoint: t("fallback.checkpoint") };
  const insert = (body: string, replaceFrom?: number) => {
    const el = area.current;
    const caret = el?.selectionStart ?? text.length;
    const from = replaceFrom ?? caret;
    const filled = fillCannedAnswer(body, vars, fallback);
    const next = text.slice(0, from) + filled + text.slice(caret);
    setText(next);
    setPicker(undefined);
    requestAnimationFrame(() => {
      el?.focus();
      const at = from + filled.length;
      el?.setSelectionRange(at, at);
    });
  };

  const submit = async () => {
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    try {
      if (mode === "reply") await sendReply(userId, value);
      else await addNote(userId, value);
      setText("");
      onSent();
    } catch {
      onError();
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picker && answers.length > 0) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((i) => (i + (e.key === "ArrowDown" ? 1 : answers.length - 1)) % answers.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        const chosen = answers[active];
        if (chosen) insert(chosen.body, picker.start);
        return;
      }
    }
    if (picker && e.key === "Escape") {
      e.preventDefault();
      setPicker(undefined);
      return;
    }
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <div className={`composer composer-${mode}`}>
      <div className="composer-modes" role="radiogroup" aria-label={t("mode.label")}>
        {(["reply", "note"] as const).map((m) => (
          <label key={m} className={mode === m ? "active" : undefined}>
            <input type="radio" name="composer-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`mode.${m}`)}
          </label>
        ))}
        {mode === "note" ? <span className="muted small">{t("note.hint")}</span> : null}
        {mode === "reply" && faq.length > 0 ? (
          <select
            className="faq-pick"
            aria-label={t("faq")}
            value=""
            onChange={(e) => {
              const entry = faq.find((f) => f.id === e.target.value);
              if (entry) insert(entry.answer);
            }}
          >
            <option value="">{t("faq")}</option>
            {faq.map((f) => (
              <option key={f.id} value={f.id}>
                {f.question}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      <div className="composer-box">
        {picker && mode === "reply" ? (
          <ul className="canned-picker" role="listbox" id={listId} aria-label={t("canned")}>
            {answers.length === 0 ? <li className="muted">{t("canned.none")}</li> : null}
            {answers.map((a, i) => (
              <li
                key={a.id}
                role="option"
                aria-selected={i === active}
                className={i === active ? "active" : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  insert(a.body, picker.start);
                }}
              >
                <strong>/{a.shortcut}</strong> {a.title}
                <span className="muted small canned-body">{a.body}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <textarea
          ref={area}
          aria-label={mode === "reply" ? t("composer.reply") : t("composer.note")}
          aria-controls={picker ? listId : undefined}
          placeholder={mode === "reply" ? t("composer.placeholder") : t("note.hint")}
          rows={3}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPicker(mode === "reply" ? slashQuery(e.target.value, e.target.selectionStart) : undefined);
          }}
          onKeyDown={onKeyDown}
        />
        <Button onClick={() => void submit()} disabled={busy || text.trim() === ""}>
          {mode === "reply" ? t("send") : t("saveNote")}
        </Button>
      </div>
    </div>
  );
}
