import { useI18n } from "../lib/i18n";

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <button type="button" className="lang-switch" aria-label={t("lang.switch_label")} onClick={() => setLang(lang === "vi" ? "en" : "vi")}>
      {t("lang.switch")}
    </button>
  );
}
