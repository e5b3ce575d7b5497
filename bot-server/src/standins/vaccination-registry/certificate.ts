import type { DccCertificate } from "@khaibao/shared";
import { VACCINES, type SeededPerson } from "./people";

const COVID19 = "840539006";
const ISSUER = "Ministry of Health of Viet Nam (DEVELOPMENT)";

/** The person's certificate as Vietnam issues it: one entry, the latest dose, "n of m". */
export function certificateOf(person: SeededPerson): DccCertificate {
  const latest = person.doses[person.doses.length - 1];
  if (!latest) throw new Error(`${person.uvci} has no doses`);
  return {
    ver: "1.3.0",
    nam: person.name,
    dob: person.dateOfBirth,
    v: [
      {
        tg: COVID19,
        ...VACCINES[latest.vaccine],
        dn: person.doses.length,
        sd: person.seriesDoses,
        dt: latest.date,
        co: "VN",
        is: ISSUER,
        ci: person.uvci,
      },
    ],
  };
}

/** Names compared as a registry clerk would: no case, no diacritics (đ = d), single spaces. */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}
