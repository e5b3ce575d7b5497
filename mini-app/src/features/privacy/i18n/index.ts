import { useI18n } from "../../../i18n";
import { en } from "./en";
import { vi, type PrivacyStrings } from "./vi";

/** The privacy screen's texts in the platform's language, plus that language. */
export function usePrivacyStrings(): { p: PrivacyStrings; lang: "vi" | "en" } {
  const { lang } = useI18n();
  return { p: lang === "en" ? en : vi, lang };
}
