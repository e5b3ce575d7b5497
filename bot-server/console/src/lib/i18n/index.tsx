import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { messages as sharedMessages, translate, type Lang, type MessageParams } from "@khaibao/shared";
import { en } from "./en";
import { vi, type MessageKey } from "./vi";

export type { MessageKey };

const STORAGE_KEY = "khaibao.console.lang";
const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The console's own texts. */
  t(key: MessageKey, params?: MessageParams): string;
  /** Codes of the shared catalogue (receipt.bad_signature, staff.login_failed, ...). */
  tCode(code: string, params?: MessageParams): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "vi" || saved === "en") return saved;
  } catch {
    // Storage blocked: Vietnamese.
  }
  return "vi";
}

/** Vietnamese by default; the choice is remembered on the device. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = catalogues[lang]["app.title"];
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; fine.
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => fill(catalogues[lang][key], params),
      tCode: (code, params) => translate(sharedMessages, code, lang, params),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
