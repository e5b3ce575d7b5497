import type { InboxConversationSummary, InboxListResponse, InboxView } from "@khaibao/shared";
import { useI18n } from "../../lib/i18n";
import { formatTime } from "../../lib/format";
import { formatWait, useInboxText } from "./texts";

export type StatusFilter = "open" | "pending" | "resolved" | "any";

interface Props {
  data: InboxListResponse | undefined;
  view: InboxView;
  status: StatusFilter;
  selected: string | undefined;
  seeAll: boolean;
  now: number;
  onView(view: InboxView): void;
  onStatus(status: StatusFilter): void;
  onSearch(q: string): void;
  onSelect(userId: string): void;
}

export const nameOf = (c: Pick<InboxConversationSummary, "displayName" | "userId">, t: ReturnType<typeof useInboxText>) =>
  c.displayName ?? t("noName", { id: `…${c.userId.slice(-4)}` });

/** Tabs (mine / unassigned / all), a status filter, search and the conversations, newest activity first. */
export function ConversationList({ data, view, status, selected, seeAll, now, onView, onStatus, onSearch, onSelect }: Props) {
  const t = useInboxText();
  const { lang } = useI18n();
  const views: InboxView[] = ["mine", "unassigned", "all"];
  return (
    <aside className="inbox-list" aria-label={t("views.label")}>
      <div className="inbox-tabs" role="tablist" aria-label={t("views.label")}>
        {views.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? "active" : undefined} onClick={() => onView(v)}>
            {t(`view.${v}`)}
            {data ? <span className="count">{data.counts[v]}</span> : null}
          </button>
        ))}
      </div>
      <form
        className="inbox-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(String(new FormData(e.currentTarget).get("q") ?? ""));
        }}
      >
        <input name="q" type="search" aria-label={t("search")} placeholder={t("search")} />
        <select aria-label={t("status.label")} value={status} onChange={(e) => onStatus(e.target.value as StatusFilter)}>
          {(["open", "pending", "resolved", "any"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </form>
      {data && data.conversations.length === 0 ? <p className="muted inbox-empty">{t("empty")}</p> : null}
      <ul className="inbox-items">
        {data?.conversations.map((c) => (
          <li key={c.userId}>
            <button type="button" data-testid="conversation" className={`inbox-item${selected === c.userId ? " selected" : ""}${c.unread > 0 ? " has-unread" : ""}`} aria-current={selected === c.userId ? "true" : undefined} onClick={() => onSelect(c.userId)}>
              <span className="inbox-item-top">
                <strong className="inbox-name">{nameOf(c, t)}</strong>
                {c.lastMessageAt ? <span className="muted small">{formatTime(c.lastMessageAt, lang)}</span> : null}
              </span>
              <span className="inbox-preview">{c.lastMessageText ?? ""}</span>
              <span className="inbox-item-meta">
                <span className={`pill pill-${c.status}`}>{t(`status.${c.status}`)}</span>
                {c.status === "open" && c.waitingSince ? <span className="waiting">{t("waiting", { age: formatWait(t, c.waitingSince, now) })}</span> : null}
                {seeAll && c.assigneeName ? <span className="muted small">{c.assigneeName}</span> : null}
                {c.labels.map((l) => (
                  <span key={l} className="label">
                    {l}
                  </span>
                ))}
                {c.unread > 0 ? (
                  <span className="unread" aria-label={t("unread", { n: c.unread })}>
                    {c.unread}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
