import type { DccVaccination } from "@khaibao/shared";

/**
 * The people the local registry stand-in knows (development and tests only; invented people,
 * valid-looking CCCD numbers). README's development section cites the first two. Every dose is
 * listed; the certificate carries the latest, as "dose n of m" where m is the primary course.
 */
export interface SeededPerson {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  /** As on the certificate: family and given names, and their ICAO transliterations. */
  name: { fn: string; gn: string; fnt: string; gnt: string };
  /** The `sd` the issuer writes ("of m"); usually the primary course, but some wrote boosters as 3/3. */
  seriesDoses: number;
  doses: Array<{ vaccine: VaccineCode; date: string }>;
  /** Unique certificate identifier (stable across re-issues). */
  uvci: string;
}

/** Value-set codes (EU DCC) of the vaccines used in Vietnam. */
export const VACCINES = {
  astrazeneca: { vp: "29061000087103", mp: "EU/1/21/1529", ma: "ORG-100001699" },
  pfizer: { vp: "1119349007", mp: "EU/1/20/1528", ma: "ORG-100030215" },
  moderna: { vp: "1119349007", mp: "EU/1/20/1507", ma: "ORG-100031184" },
  sinopharm: { vp: "1157024006", mp: "BBIBP-CorV", ma: "ORG-100020693" },
  sputnik: { vp: "29061000087103", mp: "Sputnik-V", ma: "Gamaleya-Research-Institute" },
  janssen: { vp: "29061000087103", mp: "EU/1/20/1525", ma: "ORG-100001417" },
} as const satisfies Record<string, Pick<DccVaccination, "vp" | "mp" | "ma">>;
export type VaccineCode = keyof typeof VACCINES;

export const SEEDED_PEOPLE: readonly SeededPerson[] = [
  {
    // Two AstraZeneca, then a Pfizer booster: certificate "3/2", a booster by dn > sd.
    idNumber: "001090012345",
    fullName: "Nguyễn Văn An",
    dateOfBirth: "1990-05-12",
    name: { fn: "Nguyễn", gn: "Văn An", fnt: "NGUYEN", gnt: "VAN<AN" },
    seriesDoses: 2,
    doses: [
      { vaccine: "astrazeneca", date: "2021-07-20" },
      { vaccine: "astrazeneca", date: "2021-10-05" },
      { vaccine: "pfizer", date: "2022-03-15" },
    ],
    uvci: "URN:UVCI:01:VN:KHB0000000001",
  },
  {
    // Three Moderna coded "3/3" as many issuers did: still a booster (past the 2-dose course).
    idNumber: "079195001234",
    fullName: "Trần Thị Bình",
    dateOfBirth: "1995-08-20",
    name: { fn: "Trần", gn: "Thị Bình", fnt: "TRAN", gnt: "THI<BINH" },
    seriesDoses: 3,
    doses: [
      { vaccine: "moderna", date: "2021-08-02" },
      { vaccine: "moderna", date: "2021-09-01" },
      { vaccine: "moderna", date: "2022-02-10" },
    ],
    uvci: "URN:UVCI:01:VN:KHB0000000002",
  },
  {
    // Sinopharm (Vero Cell) primary course: "2/2", not a booster.
    idNumber: "031088004321",
    fullName: "Lê Hoàng Cường",
    dateOfBirth: "1988-02-03",
    name: { fn: "Lê", gn: "Hoàng Cường", fnt: "LE", gnt: "HOANG<CUONG" },
    seriesDoses: 2,
    doses: [
      { vaccine: "sinopharm", date: "2021-08-15" },
      { vaccine: "sinopharm", date: "2021-09-12" },
    ],
    uvci: "URN:UVCI:01:VN:KHB0000000003",
  },
  {
    // Sputnik V, then Pfizer and Moderna boosters: "4/2".
    idNumber: "048171006789",
    fullName: "Phạm Thị Dung",
    dateOfBirth: "1971-11-30",
    name: { fn: "Phạm", gn: "Thị Dung", fnt: "PHAM", gnt: "THI<DUNG" },
    seriesDoses: 2,
    doses: [
      { vaccine: "sputnik", date: "2021-07-01" },
      { vaccine: "sputnik", date: "2021-07-22" },
      { vaccine: "pfizer", date: "2022-01-10" },
      { vaccine: "moderna", date: "2022-07-05" },
    ],
    uvci: "URN:UVCI:01:VN:KHB0000000004",
  },
  {
    // One Pfizer dose only: "1/2", course not finished.
    idNumber: "001203000111",
    fullName: "Hoàng Minh Đức",
    dateOfBirth: "2003-01-15",
    name: { fn: "Hoàng", gn: "Minh Đức", fnt: "HOANG", gnt: "MINH<DUC" },
    seriesDoses: 2,
    doses: [{ vaccine: "pfizer", date: "2021-11-20" }],
    uvci: "URN:UVCI:01:VN:KHB0000000005",
  },
  {
    // Janssen, one-dose course: "1/1".
    idNumber: "036185002468",
    fullName: "Đỗ Thị Hoa",
    dateOfBirth: "1985-04-09",
    name: { fn: "Đỗ", gn: "Thị Hoa", fnt: "DO", gnt: "THI<HOA" },
    seriesDoses: 1,
    doses: [{ vaccine: "janssen", date: "2021-12-01" }],
    uvci: "URN:UVCI:01:VN:KHB0000000006",
  },
];
