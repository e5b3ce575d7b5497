import type { Lang, Message } from "../i18n/types";
import type { DccCertificate, DccVaccination } from "./schema";
import { countryNames, diseaseNames, vaccineManufacturerNames, vaccineProductNames, vaccineTypeNames } from "./value-sets";

/**
 * What the wallet shows for a vaccination certificate: the 11 fields of Vietnam's certificate,
 * in words. Pure, so the mini app, the CLI and the tests agree.
 */
export interface VaccinationDisplay {
  /** As printed (any script), and the ICAO transliteration that must always be shown beside it. */
  name: { family: string; given: string; transliterated: string };
  dateOfBirth: string;
  disease: string;
  /** "2/2", always "n/m" as written, never hidden or rounded. */
  doses: string;
  doseNumber: number;
  seriesDoses: number;
  /** Plain words: "Mũi 3 trên 2 (mũi nhắc lại)" / "Dose 3 of 2 (booster)". */
  dosesText: string;
  booster: boolean;
  vaccinationDate: string;
  vaccine: string;
  product: string;
  manufacturer: string;
  country: string;
  issuer: string;
  certificateId: string;
}

const named = (table: Readonly<Record<string, Message>>, code: string, lang: Lang) => table[code]?.[lang] ?? code;

/** Doses in the primary course where it is not the usual two. */
const PRIMARY_COURSE_DOSES: Readonly<Record<string, number>> = {
  "EU/1/20/1525": 1, // Janssen
  Abdala: 3,
};

/**
 * A booster is a dose beyond the primary course. `dn > sd` says so outright, but many issuers,
 * following the EU's 2021 guidance, coded boosters as 2/2 (after Janssen) or 3/3: those look
 * like a finished primary course. So a dose past the product's primary course (two doses, one
 * for Janssen, three for Abdala) is also a booster, and the wallet marks it plainly.
 */
export function isBoosterDose(v: Pick<DccVaccination, "dn" | "sd" | "mp">): boolean {
  return v.dn > v.sd || v.dn > (PRIMARY_COURSE_DOSES[v.mp] ?? 2);
}

function dosesText(v: DccVaccination, booster: boolean, lang: Lang): string {
  if (lang === "vi") return `Mũi ${v.dn} trên ${v.sd}${booster ? " (mũi nhắc lại)" : ""}`;
  return `Dose ${v.dn} of ${v.sd}${booster ? " (booster)" : ""}`;
}

/** Undefined for test or recovery certificates: the wallet only keeps vaccination ones. */
export function describeVaccination(certificate: DccCertificate, lang: Lang): VaccinationDisplay | undefined {
  const v = certificate.v?.[0];
  if (!v) return undefined;
  const booster = isBoosterDose(v);
  const { fn = "", gn = "", fnt, gnt } = certificate.nam;
  return {
    name: { family: fn, given: gn, transliterated: [fnt, gnt].filter(Boolean).join(" ").replace(/</g, " ") },
    dateOfBirth: certificate.dob,
    disease: named(diseaseNames, v.tg, lang),
    doses: `${v.dn}/${v.sd}`,
    doseNumber: v.dn,
    seriesDoses: v.sd,
    dosesText: dosesText(v, booster, lang),
    booster,
    vaccinationDate: v.dt,
    vaccine: named(vaccineTypeNames, v.vp, lang),
    product: named(vaccineProductNames, v.mp, lang),
    manufacturer: named(vaccineManufacturerNames, v.ma, lang),
    country: named(countryNames, v.co, lang),
    issuer: v.is,
    certificateId: v.ci,
  };
}
