import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Lang } from "@khaibao/shared";
import { en } from "./en";
import { vi, type Strings } from "./vi";

export type { Strings };

const STRINGS: Readonly<Record<Lang, Strings>> = { vi, en };

export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang];
}

interface I18n {
  lang: Lang;
  t: Strings;
}

// Vietnamese without a provider, so even an error page rendered outside it has texts.
const I18nContext = createContext<I18n>({ lang: "vi", t: vi });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: stringsFor(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** For class components (the error boundary), which cannot call hooks. */
export const I18nContextConsumer = I18nContext.Consumer;

export function useI18n(): I18n {
  return useContext(I18nContext);
}
