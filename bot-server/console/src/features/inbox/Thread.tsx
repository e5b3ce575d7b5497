import type { InboxMessage, InboxNote, InboxThreadResponse, StaffUser } from "@khaibao/shared";
import { useEffect, useRef } from "react";
import { Button } from "../../components/ui";
import { useI18n } from "../../lib/i18n";
import { formatDateTime, formatTime } from "../../lib/format";
import { nameOf } from "./ConversationList";
import { Composer } from "./Composer";
import { formatWait, useInboxText } from "./texts";

export type ThreadAction = "take" | "handBack" | "resolve" | "markUnread" | { assign: string | null } | { retry: number };

type Entry = { kind: "message"; at: string; message: InboxMessage } | { kind: "note"; at: string; note: InboxNote };

interface Props {
  thread: InboxThreadResponse;
  me: StaffUser;
  seeAll: boolean;
  agents: Array<{ id: string; displayName: string }>;
  now: number;
  vars: { name: string | null; checkpoint: string | null };
  onAction(action: ThreadAction): void;
  onChanged(): void;
  onError(): void;
}

/** One conversation: who owns it, the actions, messages both ways with notes between them, the composer. */
export function Thread({ thread, me, seeAll, agents, now, vars, onAction, onChanged, onError }: Props) {
  const t = useInboxText();
  const { lang } = useI18n();
  const c = thread.conversation;
  const end = useRef<HTMLDivElement>(null);
  const entries: Entry[] = [
    ...thread.messages.map((m) => ({ kind: "message" as const, at: m.createdAt, message: m })),
    ...thread.notes.map((n) => ({ kind: "note" as const, at: n.createdAt, note: n })),
  ].sort((a, b) => {
    if (a.at !== b.at) return a.at < b.at ? -1 : 1;
    // Same instant (the bot answers in the commit that records the question): storage order; notes after.
    if (a.kind === "message" && b.kind === "message") return a.message.id - b.message.id;
    if (a.kind === "note" && b.kind === "note") return a.note.id - b.note.id;
    return a.kind === "note" ? 1 : -1;
  });
  const last = entries.length;
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [last, c.userId]);
  const mine = c.assigneeId === me.id;

  return (
    <section className="inbox-thread" aria-label={nameOf(c, t)}>
      <header className="thread-head">
        <div>
          <h2>{nameOf(c, t)}</h2>
          <p className="muted small">
            <span className={`pill pill-${c.status}`}>{t(`status.${c.status}`)}</span> {c.owner === "bot" ? t("owner.bot") : t("owner.human")}
            {" · "}
            {c.assigneeName ? t("assignedTo", { name: c.assigneeName }) : t("unassigned")}
            {c.status === "open" && c.waitingSince ? ` · ${t("waiting", { age: formatWait(t, c.waitingSince, now) })}` : ""}
          </p>
        </div>
        <div className="thread-actions">
          {!(c.owner === "human" && mine) ? <Button onClick={() => onAction("take")}>{t("take")}</Button> : null}
          {c.owner === "human" ? (
            <Button variant="secondary" onClick={() => onAction("handBack")}>
              {t("handBack")}
            </Button>
          ) : null}
          {c.status !== "resolved" ? (
            <Button variant="secondary" onClick={() => onAction("resolve")}>
              {t("resolve")}
            </Button>
          ) : null}
          <Button variant="link" onClick={() => onAction("markUnread")}>
            {t("markUnread")}
          </Button>
          {seeAll ? (
            <select aria-label={t("assign")} value={c.assigneeId ?? ""} onChange={(e) => onAction({ assign: e.target.value || null })}>
              <option value="">{t("nobody")}</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
            </select>
          ) : null}
        </div>
      </header>
      <div className="thread-body" data-testid="thread">
        {entries.map((e) =>
          e.kind === "note" ? (
            <div key={`n${e.note.id}`} className="note" data-testid="note">
              <span className="note-tag">{t("note")}</span> <strong>{e.note.authorName}</strong> <span className="muted small">{formatTime(e.note.createdAt, lang)}</span>
              <p>{e.note.text}</p>
            </div>
          ) : (
            <div key={`m${e.message.id}`} className={`bubble bubble-${e.message.direction} author-${e.message.author}`} data-testid="message">
              <span className="bubble-who">
                {e.message.author === "staff" && e.message.staffName ? e.message.staffName : t(`author.${e.message.author}`)}
                <span className="muted small" title={formatDateTime(e.message.createdAt, lang)}>
                  {" "}
                  {formatTime(e.message.createdAt, lang)}
                </span>
              </span>
              <p>{e.message.text ?? `[${e.message.kind}]`}</p>
              {e.message.direction === "out" ? (
                <span className={`delivery delivery-${e.message.delivery}`} data-testid="delivery">
                  {t(`delivery.${e.message.delivery === "received" ? "sent" : e.message.delivery}`)}
                  {e.message.seen ? ` · ${t("seen")}` : ""}
                  {e.message.delivery === "failed" ? (
                    <>
                      {" "}
                      <span className="delivery-reason">
                        {e.message.zaloCode !== null ? `(${e.message.zaloCode}) ` : ""}
                        {e.message.reason ?? ""}
                      </span>{" "}
                      <Button variant="link" onClick={() => onAction({ retry: e.message.id })}>
                        {t("retry")}
                      </Button>
                    </>
                  ) : null}
                </span>
              ) : null}
            </div>
          ),
        )}
        <div ref={end} />
      </div>
      <Composer userId={c.userId} vars={vars} onSent={onChanged} onError={onError} />
    </section>
  );
}
