import { useI18n } from "../../../i18n";
import { en } from "./en";
import { vi, type VaccinationStrings } from "./vi";

/** The wallet screens' texts in the platform's language, plus that language. */
export function useStrings(): { s: VaccinationStrings; lang: "vi" | "en" } {
  const { lang } = useI18n();
  return { s: lang === "en" ? en : vi, lang };
}

export type { VaccinationStrings };
