import { useEffect, useRef, useState } from "react";
import { consoleEventSchema, type ConsoleEventPayload } from "@khaibao/shared";

const EVENTS_URL = "/api/staff/events";
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 10_000;

/**
 * The inbox's live feed: an EventSource on `/api/staff/events`. On any error the source is
 * closed and opened again with backoff (the browser's own retry gives up for good on an HTTP
 * error), and every (re)connection calls `onConnected` so the screen refetches what it may have
 * missed. `connected` is false while the feed is down: the screen says so.
 */
export function useConsoleEvents(onEvent: (event: ConsoleEventPayload) => void, onConnected: (reconnect: boolean) => void): { connected: boolean } {
  const [connected, setConnected] = useState(true);
  const handlers = useRef({ onEvent, onConnected });
  handlers.current = { onEvent, onConnected };

  useEffect(() => {
    let source: EventSource | undefined;
    let timer: number | undefined;
    let delay = FIRST_RETRY_MS;
    let opened = false;
    let stopped = false;
    const connect = () => {
      source = new EventSource(EVENTS_URL);
      source.onopen = () => {
        delay = FIRST_RETRY_MS;
        setConnected(true);
        handlers.current.onConnected(opened);
        opened = true;
      };
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          const parsed = consoleEventSchema.safeParse(JSON.parse(message.data));
          if (parsed.success) handlers.current.onEvent(parsed.data);
        } catch {
          // Not ours: ignore.
        }
      };
      source.onerror = () => {
        source?.close();
        if (stopped) return;
        setConnected(false);
        timer = window.setTimeout(connect, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, []);

  return { connected };
}

let audio: AudioContext | undefined;

/** Browsers allow sound only after the person interacted with the page: prepare it on the first click. */
export function unlockSound(): void {
  if (audio) return;
  try {
    audio = new AudioContext();
  } catch {
    audio = undefined;
  }
}

/** A short two-tone chime, generated (no sound file to download). */
export function playNewMessageSound(): void {
  if (!audio || audio.state === "closed") return;
  void audio.resume().catch(() => {});
  const start = audio.currentTime;
  for (const [i, freq] of [880, 1320].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    const t = start + i * 0.12;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.15, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.11);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + 0.12);
  }
}

/** "(3) Khaibao · ..." while there are unread messages; the console's title comes back when the page closes. */
export function useUnreadTitle(unread: number, lang: string): void {
  // `lang`: switching language resets the console's title; the count goes back in front of it.
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, "");
    document.title = unread > 0 ? `(${unread}) ${base}` : base;
  }, [unread, lang]);
  useEffect(
    () => () => {
      document.title = document.title.replace(/^\(\d+\) /, "");
    },
    [],
  );
}
