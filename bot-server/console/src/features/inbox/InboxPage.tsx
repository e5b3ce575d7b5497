import { useCallback, useEffect, useRef, useState } from "react";
import { staffCan, type ConsoleEventPayload, type Desk, type InboxContactResponse, type InboxListResponse, type InboxThreadResponse, type InboxView, type StaffUser } from "@khaibao/shared";
import { Notice } from "../../components/ui";
import { ApiError } from "../../lib/api";
import { useI18n } from "../../lib/i18n";
import * as api from "./api";
import { ContactPanel } from "./ContactPanel";
import { ConversationList, type StatusFilter } from "./ConversationList";
import { playNewMessageSound, unlockSound, useConsoleEvents, useUnreadTitle } from "./live";
import { useInboxText } from "./texts";
import { Thread, type ThreadAction } from "./Thread";
import "./inbox.css";

/** Ignores answers that arrive after a newer request for the same thing was made. */
function useLatest() {
  const seq = useRef(0);
  return useCallback(async <T,>(load: () => Promise<T>, apply: (value: T) => void, onError?: (e: unknown) => void) => {
    const mine = ++seq.current;
    try {
      const value = await load();
      if (mine === seq.current) apply(value);
    } catch (error) {
      if (mine === seq.current) onError?.(error);
    }
  }, []);
}

/**
 * The support inbox: conversation lists on the left, the open thread in the middle, the
 * citizen's contact panel on the right (1366x768 fits all three). Live: an event stream says
 * what changed and the screen refetches it; after a lost connection everything is refetched.
 */
export default function InboxPage({ me }: { me: StaffUser }) {
  const t = useInboxText();
  const { lang } = useI18n();
  const seeAll = staffCan(me.role, "seeAllConversations");
  const [view, setView] = useState<InboxView>(seeAll ? "all" : "unassigned");
  const [status, setStatus] = useState<StatusFilter>("open");
  const [q, setQ] = useState("");
  const [label, setLabel] = useState("");
  const [list, setList] = useState<InboxListResponse | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [thread, setThread] = useState<InboxThreadResponse | undefined>();
  const [contact, setContact] = useState<InboxContactResponse | undefined>();
  const [desks, setDesks] = useState<Desk[]>([]);
  const [agents, setAgents] = useState<Array<{ id: string; displayName: string }>>([]);
  const [error, setError] = useState<string | undefined>();
  const [now, setNow] = useState(() => Date.now());
  const latestList = useLatest();
  const latestThread = useLatest();
  const latestContact = useLatest();

  const showError = useCallback((e?: unknown) => setError(e instanceof ApiError ? (e.text(lang) ?? t("error")) : t("error")), [lang, t]);
  const refreshList = useCallback(
    () =>
      latestList(
        () => api.listConversations({ view, status, ...(q ? { q } : {}), ...(label ? { label } : {}) }),
        (value) => {
          setList(value);
          setNow(Date.now());
        },
        showError,
      ),
    [latestList, view, status, q, label, showError],
  );
  const refreshThread = useCallback(
    (userId: string | undefined) => {
      if (!userId) return;
      void latestThread(
        () => api.getThread(userId),
        setThread,
        (e) => {
          if (e instanceof ApiError && e.status === 404) {
            setSelected(undefined);
            setThread(undefined);
          } else showError(e);
        },
      );
      void latestContact(() => api.getContact(userId), setContact);
    },
    [latestThread, latestContact, showError],
  );

  /** The person looked at the thread: read up to its end, then the thread and the counts again. */
  const readAndRefresh = useCallback(
    async (userId: string) => {
      await api.markRead(userId, true).catch(() => {});
      refreshThread(userId);
      await refreshList();
    },
    [refreshThread, refreshList],
  );

  useEffect(() => void refreshList(), [refreshList]);
  useEffect(() => {
    setThread(undefined);
    setContact(undefined);
    if (selected) void readAndRefresh(selected);
    // Only a new selection marks read; list filters changing must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected]);
  useEffect(() => {
    void api.listDesks().then((r) => setDesks(r.desks), () => {});
    if (seeAll) void api.listAgents().then((r) => setAgents(r.agents), () => {});
    const tick = window.setInterval(() => setNow(Date.now()), 30_000);
    document.addEventListener("pointerdown", unlockSound, { once: true });
    return () => window.clearInterval(tick);
  }, [seeAll]);

  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const onEvent = useCallback(
    (event: ConsoleEventPayload) => {
      const open = selectedRef.current;
      const inbound = event.type === "message" && event.direction === "in";
      // A message into the thread on screen is read as it arrives.
      if (event.userId === open && inbound && document.visibilityState === "visible") void readAndRefresh(open);
      else {
        void refreshList();
        if (event.userId === open) refreshThread(open);
      }
      if (inbound) playNewMessageSound();
    },
    [refreshList, refreshThread, readAndRefresh],
  );
  const onConnected = useCallback(
    (reconnect: boolean) => {
      if (!reconnect) return;
      void refreshList();
      refreshThread(selectedRef.current);
    },
    [refreshList, refreshThread],
  );
  const { connected } = useConsoleEvents(onEvent, onConnected);
  useUnreadTitle(list?.unread ?? 0, lang);

  const act = async (action: ThreadAction) => {
    if (!selected) return;
    setError(undefined);
    try {
      if (action === "take") {
        await api.takeOver(selected);
        // Taken: it now lives in "mine".
        if (view === "unassigned") setView("mine");
      }
      else if (action === "handBack") await api.handBack(selected);
      else if (action === "resolve") await api.resolve(selected);
      else if (action === "markUnread") {
        await api.markRead(selected, false);
        setSelected(undefined);
      } else if ("assign" in action) await api.assign(selected, action.assign);
      else await api.retryMessage(selected, action.retry);
      void refreshList();
      if (action !== "markUnread") refreshThread(selected);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <section className="inbox" aria-label={t("heading")}>
      <h1 className="visually-hidden">{t("heading")}</h1>
      {!connected ? (
        <div className="inbox-offline" role="alert">
          {t("offline")}
        </div>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="inbox-grid">
        <ConversationList
          data={list}
          view={view}
          status={status}
          selected={selected}
          seeAll={seeAll}
          now={now}
          onView={setView}
          onStatus={setStatus}
          onSearch={(text) => {
            const typed = text.trim();
            // "#gấp" filters by label; anything else searches name, phone, receipt code.
            setLabel(typed.startsWith("#") ? typed.slice(1) : "");
            setQ(typed.startsWith("#") ? "" : typed);
            if (typed) setStatus("any");
          }}
          onSelect={setSelected}
        />
        {thread && selected === thread.conversation.userId ? (
          <>
            <Thread
              thread={thread}
              me={me}
              seeAll={seeAll}
              agents={agents}
              now={now}
              vars={{ name: contact?.sharedName ?? contact?.displayName ?? null, checkpoint: contact?.lastCheckpoint ?? null }}
              onAction={(a) => void act(a)}
              onChanged={() => void readAndRefresh(selected)}
              onError={showError}
            />
            <ContactPanel contact={contact} conversation={thread.conversation} desks={desks} onChanged={() => refreshThread(selected)} />
          </>
        ) : (
          <div className="inbox-placeholder muted">{t("pick")}</div>
        )}
      </div>
    </section>
  );
}
