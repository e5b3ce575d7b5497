import { describe, expect, it } from "vitest";
import { describeVaccination, isBoosterDose } from "./display";
import type { DccCertificate, DccVaccination } from "./schema";

const dose = (over: Partial<DccVaccination>): DccVaccination => ({
  tg: "840539006",
  vp: "1119349007",
  mp: "EU/1/20/1528",
  ma: "ORG-100030215",
  dn: 2,
  sd: 2,
  dt: "2021-10-05",
  co: "VN",
  is: "Ministry of Health of Viet Nam",
  ci: "URN:UVCI:01:VN:X",
  ...over,
});
const cert = (v: DccVaccination): DccCertificate => ({ ver: "1.3.0", nam: { fn: "Nguyễn", fnt: "NGUYEN", gn: "Văn An", gnt: "VAN<AN" }, dob: "1990-05-12", v: [v] });

describe("booster marking", () => {
  it.each([
    ["1/2 Pfizer: course not finished", dose({ dn: 1, sd: 2 }), false],
    ["2/2 Pfizer: primary course", dose({ dn: 2, sd: 2 }), false],
    ["3/2: n > m says booster outright", dose({ dn: 3, sd: 2 }), true],
    ["3/3 Moderna: coded like a primary course, but past the two-dose course", dose({ mp: "EU/1/20/1507", dn: 3, sd: 3 }), true],
    ["1/1 Janssen: primary course", dose({ mp: "EU/1/20/1525", dn: 1, sd: 1 }), false],
    ["2/2 after Janssen: the EU's booster coding", dose({ mp: "EU/1/20/1525", dn: 2, sd: 2 }), true],
    ["3/3 Abdala: its primary course has three doses", dose({ mp: "Abdala", dn: 3, sd: 3 }), false],
    ["4/4 Abdala: booster", dose({ mp: "Abdala", dn: 4, sd: 4 }), true],
  ])("%s", (_label, v, booster) => {
    expect(isBoosterDose(v)).toBe(booster);
  });
});

describe("describeVaccination", () => {
  it("when the certificate is a booster of Pfizer after AstraZeneca, then the wallet shows 3 of 2, booster, and names in words", () => {
    const vi = describeVaccination(cert(dose({ dn: 3, sd: 2 })), "vi");
    expect(vi).toMatchObject({
      name: { family: "Nguyễn", given: "Văn An", transliterated: "NGUYEN VAN AN" },
      doses: "3/2",
      dosesText: "Mũi 3 trên 2 (mũi nhắc lại)",
      booster: true,
      disease: "COVID-19",
      vaccine: "Vắc xin mRNA SARS-CoV-2",
      product: "Comirnaty (Pfizer-BioNTech)",
      manufacturer: "BioNTech (Pfizer)",
      country: "Việt Nam",
      certificateId: "URN:UVCI:01:VN:X",
    });
    expect(describeVaccination(cert(dose({ dn: 3, sd: 2 })), "en")?.dosesText).toBe("Dose 3 of 2 (booster)");
    expect(describeVaccination(cert(dose({ dn: 1, sd: 2 })), "en")?.dosesText).toBe("Dose 1 of 2");
  });

  it("when a Vietnamese vaccine is named by its code, then its common name is shown (Sinopharm Vero Cell, Sputnik V, AstraZeneca)", () => {
    expect(describeVaccination(cert(dose({ vp: "1157024006", mp: "BBIBP-CorV", ma: "ORG-100020693" })), "vi")).toMatchObject({ product: "Vero Cell (Sinopharm)", vaccine: "Vắc xin bất hoạt toàn virus SARS-CoV-2" });
    expect(describeVaccination(cert(dose({ mp: "Sputnik-V", ma: "Gamaleya-Research-Institute" })), "en")).toMatchObject({ product: "Sputnik V (Gam-COVID-Vac)", manufacturer: "Gamaleya Research Institute" });
    expect(describeVaccination(cert(dose({ mp: "EU/1/21/1529", ma: "ORG-100001699" })), "en")?.product).toBe("Vaxzevria (AstraZeneca)");
  });

  it("when a code is not in our value sets, then the code itself is shown rather than nothing", () => {
    expect(describeVaccination(cert(dose({ mp: "NewVax-2027", ma: "ORG-999" })), "vi")).toMatchObject({ product: "NewVax-2027", manufacturer: "ORG-999" });
  });

  it("when the certificate is a test certificate, then there is nothing for the vaccination wallet", () => {
    const test: DccCertificate = { ver: "1.3.0", nam: { fnt: "X" }, dob: "", t: [{ tg: "840539006", co: "VN", is: "x", ci: "y" }] };
    expect(describeVaccination(test, "vi")).toBeUndefined();
  });
});
