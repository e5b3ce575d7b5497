import type { DeclarationInput } from "../declaration/declaration";
import { CONSENT_VERSION } from "../declaration/health";

/**
 * A valid declaration as the mini app would send it, for tests of every package. The CCCD
 * 001090123456 decodes as: registered in Hà Nội (001), male born in the 1900s (0), year 90.
 */
export function sampleDeclaration(overrides: Partial<DeclarationInput> = {}): DeclarationInput {
  return {
    identity: {
      fullName: "Nguyễn Văn An",
      idKind: "cccd",
      idNumber: "001090123456",
      birthDate: "1990-05-12",
      gender: "male",
      nationality: "VN",
      phone: "0912 345 678",
      relationship: "self",
    },
    residence: { provinceCode: "01", wardCode: "00004", street: "12 Phố Đội Cấn" },
    trip: {
      checkpointId: "HN-PHAPVAN",
      direction: "into",
      departure: { provinceCode: "31" },
      destination: { provinceCode: "01", wardCode: "00004" },
      travelAt: "2026-11-28T08:30:00+07:00",
      vehicle: "car",
      plate: "29a12345",
      purpose: "work",
      employer: "Công ty TNHH An Phát",
    },
    health: {
      fever: false,
      cough: false,
      shortnessOfBreath: false,
      soreThroat: false,
      fatigue: false,
      lossOfTasteOrSmell: false,
      contactWithCase: false,
    },
    test: { kind: "pcr", result: "negative", sampledAt: "2026-11-27T07:00:00+07:00" },
    vaccination: { doses: 3 },
    commitment: { truthful: true, consent: true, consentVersion: CONSENT_VERSION },
    ...overrides,
  };
}
