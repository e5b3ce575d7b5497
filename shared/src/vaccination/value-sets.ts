import type { Message } from "../i18n/types";

/**
 * Display names for the EU DCC value sets, limited to the vaccines used in Vietnam (and the
 * codes other issuers put on them). Codes outside these lists are shown as they are: a genuine
 * certificate from elsewhere must still display.
 */

export const COVID19_DISEASE_CODE = "840539006";

export const diseaseNames: Readonly<Record<string, Message>> = {
  [COVID19_DISEASE_CODE]: { vi: "COVID-19", en: "COVID-19" },
};

/** `vp`: vaccine or prophylaxis type (SNOMED CT; J07BX03 is the older ATC code). */
export const vaccineTypeNames: Readonly<Record<string, Message>> = {
  "1119349007": { vi: "Vắc xin mRNA SARS-CoV-2", en: "SARS-CoV-2 mRNA vaccine" },
  "1119305005": { vi: "Vắc xin kháng nguyên SARS-CoV-2", en: "SARS-CoV-2 antigen vaccine" },
  "29061000087103": { vi: "Vắc xin vector virus không sao chép COVID-19", en: "COVID-19 non-replicating viral vector vaccine" },
  "1157024006": { vi: "Vắc xin bất hoạt toàn virus SARS-CoV-2", en: "Inactivated whole SARS-CoV-2 antigen vaccine" },
  "1162643001": { vi: "Vắc xin protein gai tái tổ hợp SARS-CoV-2", en: "SARS-CoV-2 recombinant spike protein antigen vaccine" },
  "28531000087107": { vi: "Vắc xin COVID-19", en: "COVID-19 vaccine" },
  J07BX03: { vi: "Vắc xin COVID-19", en: "COVID-19 vaccines" },
};

/** `mp`: medicinal product. Names are brand names; the Vietnamese text adds the common name. */
export const vaccineProductNames: Readonly<Record<string, Message>> = {
  "EU/1/21/1529": { vi: "Vaxzevria (AstraZeneca)", en: "Vaxzevria (AstraZeneca)" },
  Covishield: { vi: "Covishield (AstraZeneca, Ấn Độ)", en: "Covishield (AstraZeneca, India)" },
  "EU/1/20/1528": { vi: "Comirnaty (Pfizer-BioNTech)", en: "Comirnaty (Pfizer-BioNTech)" },
  "EU/1/20/1507": { vi: "Spikevax (Moderna)", en: "Spikevax (Moderna)" },
  "EU/1/20/1525": { vi: "Jcovden (Janssen)", en: "Jcovden (Janssen)" },
  "BBIBP-CorV": { vi: "Vero Cell (Sinopharm)", en: "BBIBP-CorV (Sinopharm, Vero Cell)" },
  "Sputnik-V": { vi: "Sputnik V (Gam-COVID-Vac)", en: "Sputnik V (Gam-COVID-Vac)" },
  "Hayat-Vax": { vi: "Hayat-Vax (Sinopharm, UAE)", en: "Hayat-Vax (Sinopharm, UAE)" },
  Abdala: { vi: "Abdala (Cuba)", en: "Abdala (Cuba)" },
  Covaxin: { vi: "Covaxin (Bharat Biotech)", en: "Covaxin (Bharat Biotech)" },
  CoronaVac: { vi: "CoronaVac (Sinovac)", en: "CoronaVac (Sinovac)" },
  "EU/1/21/1618": { vi: "Nuvaxovid (Novavax)", en: "Nuvaxovid (Novavax)" },
};

/** `ma`: marketing authorisation holder or manufacturer. */
export const vaccineManufacturerNames: Readonly<Record<string, Message>> = {
  "ORG-100001699": { vi: "AstraZeneca AB", en: "AstraZeneca AB" },
  "ORG-100001981": { vi: "Serum Institute of India", en: "Serum Institute of India Private Limited" },
  "ORG-100030215": { vi: "BioNTech (Pfizer)", en: "Biontech Manufacturing GmbH" },
  "ORG-100031184": { vi: "Moderna", en: "Moderna Biotech Spain S.L." },
  "ORG-100001417": { vi: "Janssen-Cilag", en: "Janssen-Cilag International" },
  "ORG-100020693": { vi: "Sinopharm (Bắc Kinh)", en: "China Sinopharm International Corp. - Beijing location" },
  "ORG-100010771": { vi: "Sinopharm Weiqida Europe", en: "Sinopharm Weiqida Europe Pharmaceutical s.r.o. - Prague location" },
  "ORG-100024420": { vi: "Sinopharm Zhijun (Thâm Quyến)", en: "Sinopharm Zhijun (Shenzhen) Pharmaceutical Co. Ltd." },
  "Gamaleya-Research-Institute": { vi: "Viện Gamaleya (Nga)", en: "Gamaleya Research Institute" },
  "ORG-100023050": { vi: "Gulf Pharmaceutical Industries (UAE)", en: "Gulf Pharmaceutical Industries" },
  CIGB: { vi: "Trung tâm Kỹ thuật Di truyền và Công nghệ Sinh học (Cuba)", en: "Center for Genetic Engineering and Biotechnology" },
  "Bharat-Biotech": { vi: "Bharat Biotech (Ấn Độ)", en: "Bharat Biotech" },
  "Sinovac-Biotech": { vi: "Sinovac Biotech", en: "Sinovac Biotech" },
  "ORG-100032020": { vi: "Novavax", en: "Novavax CZ a.s." },
};

/** `co`: countries a Vietnamese citizen's doses were most likely given in; others show the code. */
export const countryNames: Readonly<Record<string, Message>> = {
  VN: { vi: "Việt Nam", en: "Viet Nam" },
};
